// A grading worker: claims a batch of jobs, grades them with the sandboxed grader (every learner's code runs in
// the grader's child processes with its time and memory limits), stores each official result, and renews its
// lease while it works. `class serve` runs one in-process; `class worker` runs one against a shared PostgreSQL.
import { availableParallelism } from 'node:os';
import { GradeInputError, gradeExercises, gradeSubmission, type GradeResult } from '../grader/index.ts';
import { claimJobs, extendLease, finishJob, type Job } from './queue.ts';
import type { Db } from './store.ts';

type Outcome = { result: GradeResult } | { error: string };
export type GradeJobs = (jobs: Job[]) => Promise<Map<number, Outcome>>;

export interface WorkerOptions {
  db: Db;
  /**
   * Most jobs graded together in one grader run (default 32). A vitest run costs about a second whatever its
   * size, so a long queue is graded in big batches, while a lone hand-in is still graded alone at once.
   */
  batchSize?: number;
  leaseSeconds?: number;
  /** How often an idle worker looks for work. */
  pollMs?: number;
  grade?: GradeJobs;
  log?: (line: string) => void;
}

export interface RunningWorker {
  /** Look for work now (the server calls it after storing a hand-in). */
  nudge(): void;
  /** Stops after the current batch. */
  stop(): Promise<void>;
}

/** One submission at a time, so one bad input cannot void the others' batch. */
async function gradeOneByOne(jobs: Job[]): Promise<Map<number, Outcome>> {
  const outcomes = new Map<number, Outcome>();
  for (const job of jobs) {
    try {
      outcomes.set(job.id, { result: await gradeSubmission({ exerciseId: job.exercise, files: job.files }) });
    } catch (error) {
      if (!(error instanceof GradeInputError)) throw error;
      outcomes.set(job.id, { error: error.message });
    }
  }
  return outcomes;
}

/** The default grading: the whole batch in one grader run (as `ec2-lab grade` does), one job per "student". */
const gradeWithSandbox: GradeJobs = async (jobs) => {
  const byExercise = new Map<string, Job[]>();
  for (const job of jobs) byExercise.set(job.exercise, [...(byExercise.get(job.exercise) ?? []), job]);
  const work = [...byExercise].map(([exerciseId, list]) => ({ exerciseId, submissions: list.map((j) => ({ student: String(j.id), files: j.files })) }));
  try {
    const batch = await gradeExercises({ work, jobs: Math.min(jobs.length, availableParallelism()) });
    return new Map(batch.results.map((r): [number, Outcome] => [Number(r.student), { result: r.result }]));
  } catch (error) {
    if (!(error instanceof GradeInputError)) throw error;
    return gradeOneByOne(jobs);
  }
};

export function startWorker(options: WorkerOptions): RunningWorker {
  const { db } = options;
  const batchSize = options.batchSize ?? 32;
  const leaseSeconds = options.leaseSeconds ?? 120;
  const pollMs = options.pollMs ?? 500;
  const grade = options.grade ?? gradeWithSandbox;
  const log = options.log ?? ((line: string) => console.log(line));
  let running = true;
  let wake: (() => void) | undefined;
  let pending = false;

  const idle = () =>
    new Promise<void>((resolve) => {
      if (pending) return resolve();
      const timer = setTimeout(resolve, pollMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      wake = undefined;
      pending = false;
    });

  const runBatch = async (jobs: Job[]) => {
    const heartbeat = setInterval(() => void extendLease(db, jobs, leaseSeconds).catch(() => {}), (leaseSeconds * 1000) / 3);
    try {
      const outcomes = await grade(jobs);
      for (const job of jobs) {
        const outcome = outcomes.get(job.id) ?? { error: 'The grader returned no result for this hand-in.' };
        if (!(await finishJob(db, job, outcome))) log(`[class worker] job ${job.id}: its lease ran out or it was re-queued; the result was dropped`);
      }
    } finally {
      clearInterval(heartbeat);
    }
  };

  const loop = (async () => {
    while (running) {
      try {
        const jobs = await claimJobs(db, batchSize, leaseSeconds);
        if (jobs.length === 0) await idle();
        else await runBatch(jobs);
      } catch (error) {
        // The jobs keep their lease and come back when it runs out; the worker goes on.
        log(`[class worker] grading failed, the jobs will be retried: ${(error as Error).message}`);
        if (running) await idle();
      }
    }
  })();

  return {
    nudge() {
      pending = true;
      wake?.();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}
