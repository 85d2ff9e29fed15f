// A grading worker: claims a batch of jobs, grades them with the sandboxed grader (every learner's code runs in
// the grader's child processes with its time and memory limits), stores each official result, and renews its
// lease while it works. `class serve` runs one in-process; `class worker` runs one against a shared PostgreSQL.
import { availableParallelism } from 'node:os';
import { GradeInputError, gradeExercises, type GradeResult } from '../grader/index.ts';
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

/** One grader run over the jobs (as `ec2-lab grade` does), one "student" per job; bad files get an error outcome. */
async function gradeTogether(jobs: Job[]): Promise<{ outcomes: Map<number, Outcome>; unsettled: Job[] }> {
  const byExercise = new Map<string, Job[]>();
  for (const job of jobs) byExercise.set(job.exercise, [...(byExercise.get(job.exercise) ?? []), job]);
  const work = [...byExercise].map(([exerciseId, list]) => ({ exerciseId, submissions: list.map((j) => ({ student: String(j.id), files: j.files })) }));
  const batch = await gradeExercises({ work, jobs: Math.min(jobs.length, availableParallelism()) });
  const outcomes = new Map<number, Outcome>();
  const unsettledIds = new Set<number>();
  for (const r of batch.results) {
    if (r.unsettled && jobs.length > 1) unsettledIds.add(Number(r.student));
    else outcomes.set(Number(r.student), { result: r.result });
  }
  return { outcomes, unsettled: jobs.filter((j) => unsettledIds.has(j.id)) };
}

/**
 * The default grading: the whole batch in one grader run. When the run as a whole voided some results (a
 * hand-in tampered with the shared test kit, the run crashed or timed out), those hand-ins are graded again in
 * halves, and again, until the culprit is alone: only it keeps the failing result, and a batch of 32 with one
 * culprit costs about 11 runs instead of 32. A run that throws is treated the same way; alone, its job's error
 * propagates (the job keeps its lease and is retried, then failed, by the queue).
 */
const gradeWithSandbox: GradeJobs = async (jobs) => {
  let together: Awaited<ReturnType<typeof gradeTogether>>;
  try {
    together = await gradeTogether(jobs);
  } catch (error) {
    if (jobs.length === 1) {
      if (error instanceof GradeInputError) return new Map([[jobs[0].id, { error: error.message }]]);
      throw error;
    }
    together = { outcomes: new Map(), unsettled: jobs };
  }
  const { outcomes, unsettled } = together;
  if (unsettled.length === 0) return outcomes;
  const half = Math.ceil(unsettled.length / 2);
  for (const part of [unsettled.slice(0, half), unsettled.slice(half)]) {
    if (part.length === 0) continue;
    for (const [id, outcome] of await gradeApart(part)) outcomes.set(id, outcome);
  }
  return outcomes;
};

/** A part of a batch graded again; a lone job whose run threw is left out (it is retried later). */
async function gradeApart(jobs: Job[]): Promise<Map<number, Outcome>> {
  try {
    return await gradeWithSandbox(jobs);
  } catch {
    return new Map();
  }
}

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
        const outcome = outcomes.get(job.id);
        // No outcome: grading it alone failed; it keeps its lease, comes back when that runs out, and is marked
        // failed after too many tries (queue.ts).
        if (!outcome) log(`[class worker] job ${job.id}: grading failed, it will be retried`);
        else if (!(await finishJob(db, job, outcome))) log(`[class worker] job ${job.id}: its lease ran out or it was re-queued; the result was dropped`);
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
