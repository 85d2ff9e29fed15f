// Classes, students and hand-ins in the database. Every statement goes through Kysely's builder or its `sql`
// tag, whose ${} are bound parameters: no SQL is ever built by pasting strings together.
import { sql, type Kysely } from 'kysely';
import type { GradeResult } from '../grader/index.ts';
import type { ClassDatabase, GradingStatus } from './schema.ts';
import { contentHash, hashToken, newClassCode, newHandinId, newSecret, tokenMatches } from './tokens.ts';

export type Db = Kysely<ClassDatabase>;

export interface ClassRow {
  id: number;
  code: string;
  name: string;
  lang: string;
  exercises: string[];
  due: Date | null;
  teacher_token_hash: string;
}

export interface NewClass {
  name: string;
  exercises: string[];
  lang: string;
  due: Date | null;
}

/** Creates a class; returns its code and the teacher token (only its hash is kept). */
export async function createClass(db: Db, input: NewClass): Promise<{ code: string; teacherToken: string }> {
  const teacherToken = newSecret();
  for (let attempt = 0; attempt < 10; attempt++) {
    const code = newClassCode();
    const row = await db
      .insertInto('classes')
      .values({ code, name: input.name, lang: input.lang, exercises: JSON.stringify(input.exercises), due: input.due, teacher_token_hash: hashToken(teacherToken) })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) return { code, teacherToken };
  }
  throw new Error('Could not find a free class code after 10 tries.');
}

export function findClass(db: Db, code: string): Promise<ClassRow | undefined> {
  return db.selectFrom('classes').selectAll().where('code', '=', code).executeTakeFirst();
}

export const isTeacher = (klass: ClassRow, token: string): boolean => tokenMatches(token, klass.teacher_token_hash);

/** Adds a student; undefined when the name is taken in this class. The token is "<student id>.<secret>". */
export async function addStudent(db: Db, classId: number, name: string): Promise<string | undefined> {
  const secret = newSecret();
  const row = await db
    .insertInto('students')
    .values({ class_id: classId, name, token_hash: hashToken(secret) })
    .onConflict((oc) => oc.columns(['class_id', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? `${row.id}.${secret}` : undefined;
}

export interface StudentRow {
  id: number;
  name: string;
}

/** The student of this class that token belongs to. */
export async function studentByToken(db: Db, classId: number, token: string): Promise<StudentRow | undefined> {
  const match = /^(\d{1,9})\.([A-Za-z0-9_-]{10,100})$/.exec(token);
  if (!match) return undefined;
  const row = await db
    .selectFrom('students')
    .select(['id', 'name', 'token_hash'])
    .where('id', '=', Number(match[1]))
    .where('class_id', '=', classId)
    .executeTakeFirst();
  return row && tokenMatches(match[2], row.token_hash) ? { id: row.id, name: row.name } : undefined;
}

export function studentByName(db: Db, classId: number, name: string): Promise<StudentRow | undefined> {
  return db.selectFrom('students').select(['id', 'name']).where('class_id', '=', classId).where('name', '=', name).executeTakeFirst();
}

/** Bytes of files stored for a student and for their whole class (the storage quotas). */
export async function storedBytes(db: Db, classId: number, studentId: number): Promise<{ student: number; klass: number }> {
  const row = await db
    .selectFrom('gradings')
    .innerJoin('students', 'students.id', 'gradings.student_id')
    .select([
      sql<number>`coalesce(sum(gradings.bytes) filter (where gradings.student_id = ${studentId}), 0)::int`.as('student'),
      sql<number>`coalesce(sum(gradings.bytes), 0)::int`.as('klass'),
    ])
    .where('students.class_id', '=', classId)
    .executeTakeFirstOrThrow();
  return { student: Number(row.student), klass: Number(row.klass) };
}

export interface HandinReceipt {
  id: string;
  status: GradingStatus;
  contentHash: string;
  /** False when these very files were handed in before: no new grading. */
  newGrading: boolean;
}

/**
 * Stores a hand-in (and, for files not seen before from this student for this exercise, a queued grading) in
 * one transaction: when this returns, the hand-in is on disk and its grading in the queue.
 */
export function storeHandin(db: Db, studentId: number, exercise: string, files: Record<string, string>): Promise<HandinReceipt> {
  const hash = contentHash(exercise, files);
  const bytes = Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);
  return db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('gradings')
      .values({ student_id: studentId, exercise, content_hash: hash, files: JSON.stringify(files), bytes, status: 'queued' })
      .onConflict((oc) => oc.columns(['student_id', 'exercise', 'content_hash']).doNothing())
      .returning(['id', 'status'])
      .executeTakeFirst();
    const grading =
      inserted ??
      (await tx
        .selectFrom('gradings')
        .select(['id', 'status'])
        .where('student_id', '=', studentId)
        .where('exercise', '=', exercise)
        .where('content_hash', '=', hash)
        .executeTakeFirstOrThrow());
    const id = newHandinId();
    await tx.insertInto('handins').values({ id, student_id: studentId, grading_id: grading.id }).execute();
    return { id, status: grading.status, contentHash: hash, newGrading: inserted !== undefined };
  });
}

export interface HandinView {
  id: string;
  studentId: number;
  student: string;
  exercise: string;
  status: GradingStatus;
  handedInAt: string;
  contentHash: string;
  files: Record<string, string>;
  result: GradeResult | null;
  error: string | null;
}

/** A hand-in of a class, with its grading. */
export async function findHandin(db: Db, classId: number, id: string): Promise<HandinView | undefined> {
  const row = await db
    .selectFrom('handins')
    .innerJoin('students', 'students.id', 'handins.student_id')
    .innerJoin('gradings', 'gradings.id', 'handins.grading_id')
    .select(['handins.id', 'students.id as studentId', 'students.name', 'gradings.exercise', 'gradings.status', 'handins.handed_in_at', 'gradings.content_hash', 'gradings.files', 'gradings.result', 'gradings.error'])
    .where('handins.id', '=', id)
    .where('students.class_id', '=', classId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    studentId: row.studentId,
    student: row.name,
    exercise: row.exercise,
    status: row.status,
    handedInAt: new Date(row.handed_in_at).toISOString(),
    contentHash: row.content_hash,
    files: row.files,
    result: row.result,
    error: row.error,
  };
}

export interface HandinSummary {
  id: string;
  exercise: string;
  handedInAt: string;
  status: GradingStatus;
  /** The official points, once graded (null while queued or when grading failed). */
  score: number | null;
}

/** A student's hand-ins (of one exercise, when given), newest first, without files or results: a list to pick from. */
export async function listHandins(db: Db, studentId: number, exercise?: string): Promise<HandinSummary[]> {
  let query = db
    .selectFrom('handins')
    .innerJoin('gradings', 'gradings.id', 'handins.grading_id')
    .select(['handins.id', 'gradings.exercise', 'handins.handed_in_at', 'gradings.status', sql<number | null>`(gradings.result->>'points')::int`.as('score')])
    .where('handins.student_id', '=', studentId);
  if (exercise !== undefined) query = query.where('gradings.exercise', '=', exercise);
  const rows = await query.orderBy('handins.handed_in_at', 'desc').orderBy('handins.id', 'desc').execute();
  return rows.map((r) => ({ id: r.id, exercise: r.exercise, handedInAt: new Date(r.handed_in_at).toISOString(), status: r.status, score: r.status === 'graded' ? r.score : null }));
}

/** Everything kept about one student: name, join date, and every hand-in with its files and official result. */
export async function exportStudent(db: Db, studentId: number): Promise<{ student: string; joinedAt: string; handins: unknown[] }> {
  const student = await db.selectFrom('students').select(['name', 'created_at']).where('id', '=', studentId).executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('handins')
    .innerJoin('gradings', 'gradings.id', 'handins.grading_id')
    .select(['handins.id', 'handins.handed_in_at', 'gradings.exercise', 'gradings.content_hash', 'gradings.files', 'gradings.status', 'gradings.result', 'gradings.error'])
    .where('handins.student_id', '=', studentId)
    .orderBy('handins.handed_in_at')
    .execute();
  return {
    student: student.name,
    joinedAt: new Date(student.created_at).toISOString(),
    handins: rows.map((r) => ({
      id: r.id,
      exercise: r.exercise,
      handedInAt: new Date(r.handed_in_at).toISOString(),
      contentHash: r.content_hash,
      status: r.status,
      files: r.files,
      result: r.result,
      ...(r.error ? { error: r.error } : {}),
    })),
  };
}

/** Deletes a student and (by the foreign keys' ON DELETE CASCADE) their hand-ins, files and results. */
export async function deleteStudent(db: Db, studentId: number): Promise<void> {
  await db.deleteFrom('students').where('id', '=', studentId).execute();
}

/** Deletes a class and everything of it. */
export async function deleteClass(db: Db, classId: number): Promise<void> {
  await db.deleteFrom('classes').where('id', '=', classId).execute();
}
