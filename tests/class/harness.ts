// Starts the class server and workers the way a teacher does (the real CLI, `node src/cli/ec2-lab.mjs class ...`)
// and talks to them over HTTP. Each server runs in its own process group, so a test can kill -9 it together
// with the grader's child processes. The PostgreSQL backend needs TEST_DATABASE_URL (`.ci/run` exports it):
// each test file gets a fresh database of its own there.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { repoRoot } from '../grader/run-cli.ts';

const bin = path.join(repoRoot, 'src', 'cli', 'ec2-lab.mjs');

export type Backend = 'pglite' | 'postgres';

export interface ClassProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Kills the process group (the server and its grader children) with the signal and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (/^(VITEST|EC2LAB_|DATABASE_URL)/.test(key)) delete env[key];
  return { ...env, EC2LAB_NO_BUILD: '1', EC2LAB_DIST: path.join(repoRoot, 'dist'), ...extra };
}

/** Spawns `ec2-lab class <args>` and resolves once its output matches `ready` (or rejects when it exits first). */
export function startClassProcess(args: string[], env: Record<string, string>, ready: RegExp = /Class server running at (\S+?)\/? /): Promise<ClassProcess> {
  const child = spawn(process.execPath, [bin, 'class', ...args], { cwd: repoRoot, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(signal === 'SIGKILL' ? -child.pid! : child.pid!, signal);
    } catch {
      /* already gone */
    }
    await exited;
  };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) resolve({ url: match[1] ?? '', child, output: () => output, kill });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`ec2-lab class ${args.join(' ')} exited (${code}) before it was ready:\n${output}`)));
  });
}

/** A fresh PostgreSQL database for one test file; throws (fails the test) when TEST_DATABASE_URL is not set. */
async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error('TEST_DATABASE_URL is not set: these tests need a real PostgreSQL (postgres://postgres:postgres@127.0.0.1:5432/postgres; .ci/run starts one)');
  const name = `ec2lab_class_${process.pid}_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`); // a generated identifier: letters, digits and _ only
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Where a backend keeps its data: a PGlite folder, or a fresh PostgreSQL database. */
export async function backendStorage(backend: Backend): Promise<{ args: string[]; env: Record<string, string>; databaseUrl?: string; drop(): Promise<void> }> {
  if (backend === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'ec2-lab-class-data-'));
    return { args: ['--data', dir], env: {}, drop: async () => {} };
  }
  const db = await freshPostgres();
  return { args: [], env: { DATABASE_URL: db.url }, databaseUrl: db.url, drop: () => db.drop() };
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  urlPath: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const response = await fetch(base + urlPath, { method, headers, body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body) });
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = JSON.parse(text);
  } catch {
    /* CSV, XML */
  }
  return { status: response.status, body: body as T, text, headers: response.headers };
}

export const solution = (exercise: string, file: string) => readFileSync(path.join(repoRoot, 'exercises', exercise, 'solution', file), 'utf8');
export const starter = (exercise: string, file: string) => readFileSync(path.join(repoRoot, 'exercises', exercise, 'starter', file), 'utf8');

/** Polls a hand-in until it is graded or failed. */
export async function waitGraded(base: string, code: string, id: string, token: string, timeoutMs = 120_000): Promise<Answer<{ status: string; result?: { points: number; maxPoints: number }; error?: string }>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await call<{ status: string; result?: { points: number; maxPoints: number }; error?: string }>(base, 'GET', `/api/classes/${code}/handins/${id}`, { token });
    if (answer.body.status === 'graded' || answer.body.status === 'failed' || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Creates a class and joins students; returns the code, the teacher token and each student's token. */
export async function classWithStudents(base: string, names: string[], exercises = ['launch']): Promise<{ code: string; teacher: string; students: Record<string, string> }> {
  const created = await call<{ code: string; teacherToken: string }>(base, 'POST', '/api/classes', { body: { name: 'Test class', exercises, lang: 'en' } });
  if (created.status !== 201) throw new Error(`class creation failed: ${created.status} ${created.text}`);
  const students: Record<string, string> = {};
  for (const name of names) {
    const joined = await call<{ studentToken: string }>(base, 'POST', `/api/classes/${created.body.code}/students`, { body: { name } });
    if (joined.status !== 201) throw new Error(`join failed: ${joined.status} ${joined.text}`);
    students[name] = joined.body.studentToken;
  }
  return { code: created.body.code, teacher: created.body.teacherToken, students };
}
