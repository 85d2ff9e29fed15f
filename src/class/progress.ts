// What a student and the teacher see: per student and exercise, the best official score, the attempts and the
// last hand-in. Two grouped queries per class, whatever its size.
import { sql } from 'kysely';
import type { GradeResult } from '../grader/index.ts';
import type { GradingStatus } from './schema.ts';
import type { Db } from './store.ts';

export interface ExerciseProgress {
  best: number | null; // null until a hand-in is graded
  max: number;
  attempts: number;
  lastHandedInAt: string;
  lastId: string;
  lastStatus: GradingStatus;
}

/** student name -> exercise id -> progress, for one student (studentId) or the whole class. */
export type ClassProgress = Map<string, Record<string, ExerciseProgress>>;

export async function classProgress(db: Db, classId: number, maxPoints: (exercise: string) => number, studentId?: number): Promise<ClassProgress> {
  let totals = db
    .selectFrom('handins')
    .innerJoin('gradings', 'gradings.id', 'handins.grading_id')
    .innerJoin('students', 'students.id', 'handins.student_id')
    .select([
      'students.name',
      'gradings.exercise',
      sql<number>`count(handins.id)::int`.as('attempts'),
      sql<number | null>`max((gradings.result->>'points')::int)`.as('best'),
    ])
    .where('students.class_id', '=', classId)
    .groupBy(['students.name', 'gradings.exercise']);
  let latest = db
    .selectFrom('handins')
    .innerJoin('gradings', 'gradings.id', 'handins.grading_id')
    .innerJoin('students', 'students.id', 'handins.student_id')
    .distinctOn(['students.name', 'gradings.exercise'])
    .select(['students.name', 'gradings.exercise', 'handins.id', 'handins.handed_in_at', 'gradings.status'])
    .where('students.class_id', '=', classId)
    .orderBy('students.name')
    .orderBy('gradings.exercise')
    .orderBy('handins.handed_in_at', 'desc')
    .orderBy('handins.id', 'desc');
  if (studentId !== undefined) {
    totals = totals.where('students.id', '=', studentId);
    latest = latest.where('students.id', '=', studentId);
  }
  const [totalRows, latestRows] = await Promise.all([totals.execute(), latest.execute()]);
  const lastOf = new Map(latestRows.map((r) => [`${r.name}\0${r.exercise}`, r]));
  const progress: ClassProgress = new Map();
  for (const row of totalRows) {
    const last = lastOf.get(`${row.name}\0${row.exercise}`);
    if (!last) continue;
    const exercises = progress.get(row.name) ?? {};
    exercises[row.exercise] = {
      best: row.best === null ? null : Number(row.best),
      max: maxPoints(row.exercise),
      attempts: Number(row.attempts),
      lastHandedInAt: new Date(last.handed_in_at).toISOString(),
      lastId: last.id,
      lastStatus: last.status,
    };
    progress.set(row.name, exercises);
  }
  return progress;
}

export async function studentNames(db: Db, classId: number): Promise<string[]> {
  const rows = await db.selectFrom('students').select('name').where('class_id', '=', classId).orderBy('name').execute();
  return rows.map((r) => r.name);
}

/** The best graded result of each student and exercise (for the JUnit and Gradescope exports). */
export async function bestResults(db: Db, classId: number): Promise<{ student: string; exercise: string; result: GradeResult; gradedAt: string }[]> {
  const rows = await db
    .selectFrom('gradings')
    .innerJoin('students', 'students.id', 'gradings.student_id')
    .distinctOn(['students.name', 'gradings.exercise'])
    .select(['students.name', 'gradings.exercise', 'gradings.result', 'gradings.graded_at'])
    .where('students.class_id', '=', classId)
    .where('gradings.result', 'is not', null)
    .orderBy('students.name')
    .orderBy('gradings.exercise')
    .orderBy(sql`(gradings.result->>'points')::int`, 'desc')
    .orderBy('gradings.graded_at', 'desc')
    .execute();
  return rows.map((r) => ({ student: r.name, exercise: r.exercise, result: r.result!, gradedAt: new Date(r.graded_at ?? 0).toISOString() }));
}
