// Opens the class database: a real PostgreSQL when a connection URL is given (DATABASE_URL), else PGlite, an
// embedded PostgreSQL kept in a folder, locked to this process. Either way the same schema (migrations.ts)
// and the same SQL: PGlite is PostgreSQL compiled to WebAssembly, not an imitation of it.
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataFolder } from './data-lock.ts';
import { migrateToLatest } from './migrations.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { ClassDatabase } from './schema.ts';

export interface DatabaseOptions {
  /** postgres://... ; when absent, PGlite in dataDir. */
  url?: string;
  /** The PGlite folder (default ./ec2-lab-classes). */
  dataDir?: string;
}

export interface OpenDatabase {
  db: Kysely<ClassDatabase>;
  /** What the server prints: "PostgreSQL at host/db" or "PGlite in <folder>". */
  description: string;
  /** True on a real PostgreSQL: workers on other machines can share it. */
  shared: boolean;
  close(): Promise<void>;
}

function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.host}${parsed.pathname}`; // never the password
  } catch {
    throw new Error('DATABASE_URL is not a valid URL; expected postgres://user:password@host:5432/database');
  }
}

async function openPostgres(url: string): Promise<OpenDatabase> {
  const description = describeUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<ClassDatabase>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, description, shared: true, close: () => db.destroy() };
}

async function openPglite(dataDir: string): Promise<OpenDatabase> {
  const folder = path.resolve(dataDir);
  const release = lockDataFolder(folder);
  try {
    const client = await PGlite.create(path.join(folder, 'pgdata'));
    const db = new Kysely<ClassDatabase>({ dialect: new PGliteDialect(client) });
    await migrateToLatest(db as Kysely<unknown>);
    const close = async () => {
      try {
        await db.destroy();
      } finally {
        release();
      }
    };
    return { db, description: `PGlite in ${folder}`, shared: false, close };
  } catch (error) {
    release();
    throw error;
  }
}

export function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  if (options.url) return openPostgres(options.url);
  return openPglite(options.dataDir ?? 'ec2-lab-classes');
}
