// The class server's tables as Kysely sees them. The SQL that creates them is migrations.ts; the two change
// together. One grading per distinct (student, exercise, files) triple: a hand-in of the same files again
// points at the same grading, which is how "graded once" holds.
import type { ColumnType, Generated } from 'kysely';
import type { GradeResult } from '../grader/index.ts';

/** A timestamptz with a default: optional on insert. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type GradingStatus = 'queued' | 'grading' | 'graded' | 'failed';

interface ClassesTable {
  id: Generated<number>;
  code: string;
  name: string;
  lang: string;
  exercises: ColumnType<string[], string, string>; // jsonb; written as JSON text
  due: ColumnType<Date | null, Date | string | null, Date | string | null>;
  teacher_token_hash: string;
  created_at: Timestamp;
}

interface StudentsTable {
  id: Generated<number>;
  class_id: number;
  name: string;
  token_hash: string;
  created_at: Timestamp;
}

/** The queue: a row is a job while its status is queued (or grading with an expired lease). */
interface GradingsTable {
  id: Generated<number>;
  student_id: number;
  exercise: string;
  content_hash: string;
  files: ColumnType<Record<string, string>, string, string>;
  bytes: number;
  status: GradingStatus;
  result: ColumnType<GradeResult | null, string | null, string | null>;
  error: string | null;
  attempts: Generated<number>;
  lease_token: string | null;
  lease_until: ColumnType<Date | null, Date | string | null, Date | string | null>;
  queued_at: Timestamp;
  graded_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

interface HandinsTable {
  id: string;
  student_id: number;
  grading_id: number;
  handed_in_at: Timestamp;
}

export interface ClassDatabase {
  classes: ClassesTable;
  students: StudentsTable;
  gradings: GradingsTable;
  handins: HandinsTable;
}
