// The schema's history, applied by Kysely's Migrator (it records what ran in kysely_migration and holds a
// lock while migrating, so two servers starting on one PostgreSQL do not both migrate). Never edit a
// migration that has shipped: add the next one.
import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';

const migrations: Record<string, Migration> = {
  '0001-classes': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('classes')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('exercises', 'jsonb', (c) => c.notNull())
        .addColumn('due', 'timestamptz')
        .addColumn('teacher_token_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createTable('students')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('class_id', 'integer', (c) => c.notNull().references('classes.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addUniqueConstraint('students_class_name', ['class_id', 'name'])
        .execute();
      await db.schema
        .createTable('gradings')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('cascade'))
        .addColumn('exercise', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('files', 'jsonb', (c) => c.notNull())
        .addColumn('bytes', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('result', 'jsonb')
        .addColumn('error', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('lease_token', 'text')
        .addColumn('lease_until', 'timestamptz')
        .addColumn('queued_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('graded_at', 'timestamptz')
        .addUniqueConstraint('gradings_once', ['student_id', 'exercise', 'content_hash'])
        .execute();
      await db.schema.createIndex('gradings_queue').on('gradings').columns(['status', 'queued_at']).execute();
      await db.schema
        .createTable('handins')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('student_id', 'integer', (c) => c.notNull().references('students.id').onDelete('cascade'))
        .addColumn('grading_id', 'integer', (c) => c.notNull().references('gradings.id').onDelete('cascade'))
        .addColumn('handed_in_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('handins_student').on('handins').columns(['student_id', 'handed_in_at']).execute();
      await db.schema.createIndex('handins_grading').on('handins').column('grading_id').execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/** Brings the database up to the newest schema; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`The class database could not be migrated (migration ${failed}): ${error instanceof Error ? error.message : JSON.stringify(error)}`, { cause: error });
  }
}
