// The grading queue is the gradings table itself: a queued row is a job. A worker claims jobs with
// `FOR UPDATE SKIP LOCKED` (workers never wait on each other's rows nor take the same one) and a lease: a
// worker that dies mid-grade stops renewing it, and when it runs out the job is claimed again. A job whose
// lease ran out MAX_ATTEMPTS times (a submission that kills whatever grades it) is marked failed instead of
// looping forever. The same SQL runs on PGlite and on PostgreSQL.
//
// Why not pg-boss: it keeps its own schema, maintenance loop and connection handling, and on PGlite would
// need a custom adapter over a single connection; and a job in another table than the hand-in could not be
// enqueued in the hand-in's own transaction as simply. This table is the hand-in's grading, so storing a
// hand-in and queueing its grading is one transaction, and "graded once" is a unique key.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { GradeResult } from '../grader/index.ts';
import type { Db } from './store.ts';

const MAX_ATTEMPTS = 3;

export interface Job {
  id: number;
  exercise: string;
  files: Record<string, string>;
  leaseToken: string;
}

/** Marks failed the jobs whose lease ran out too often. */
async function failAbandoned(db: Db): Promise<void> {
  await db
    .updateTable('gradings')
    .set({
      status: 'failed',
      error: `Grading this hand-in stopped ${MAX_ATTEMPTS} times without a result (the grader was killed or crashed each time).`,
      lease_token: null,
      lease_until: null,
    })
    .where('status', '=', 'grading')
    .where('lease_until', '<', sql<Date>`now()`)
    .where('attempts', '>=', MAX_ATTEMPTS)
    .execute();
}

/** Claims up to `limit` jobs for leaseSeconds: the oldest queued ones and those whose lease ran out. */
export async function claimJobs(db: Db, limit: number, leaseSeconds: number): Promise<Job[]> {
  await failAbandoned(db);
  const leaseToken = randomUUID();
  const rows = await db
    .updateTable('gradings')
    .set({
      status: 'grading',
      lease_token: leaseToken,
      lease_until: sql<Date>`now() + make_interval(secs => ${leaseSeconds})`,
      attempts: sql<number>`attempts + 1`,
    })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('gradings')
        .select('id')
        .where((w) => w.or([w('status', '=', 'queued'), w.and([w('status', '=', 'grading'), w('lease_until', '<', sql<Date>`now()`)])]))
        .orderBy('queued_at')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'exercise', 'files'])
    .execute();
  return rows.map((r) => ({ id: r.id, exercise: r.exercise, files: r.files, leaseToken }));
}

/** Renews the lease of jobs still being graded. */
export async function extendLease(db: Db, jobs: Job[], leaseSeconds: number): Promise<void> {
  if (jobs.length === 0) return;
  await db
    .updateTable('gradings')
    .set({ lease_until: sql<Date>`now() + make_interval(secs => ${leaseSeconds})` })
    .where('id', 'in', jobs.map((j) => j.id))
    .where('lease_token', '=', jobs[0].leaseToken)
    .where('status', '=', 'grading')
    .execute();
}

/** Stores a job's outcome; false when the lease was lost meanwhile (another worker owns the job now). */
export async function finishJob(db: Db, job: Job, outcome: { result: GradeResult } | { error: string }): Promise<boolean> {
  const done = await db
    .updateTable('gradings')
    .set(
      'result' in outcome
        ? { status: 'graded', result: JSON.stringify(outcome.result), error: null, graded_at: sql<Date>`now()`, lease_token: null, lease_until: null }
        : { status: 'failed', error: outcome.error, graded_at: sql<Date>`now()`, lease_token: null, lease_until: null },
    )
    .where('id', '=', job.id)
    .where('lease_token', '=', job.leaseToken)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/** Queues every grading of a class again (after a test fix); the last result stays until the new one lands. */
export async function requeueClass(db: Db, classId: number): Promise<number> {
  const done = await db
    .updateTable('gradings')
    .set({ status: 'queued', attempts: 0, lease_token: null, lease_until: null, queued_at: sql<Date>`now()` })
    .where('student_id', 'in', (eb) => eb.selectFrom('students').select('id').where('class_id', '=', classId))
    .executeTakeFirst();
  return Number(done.numUpdatedRows);
}
