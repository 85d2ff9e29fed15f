// `ec2-lab submit --server URL --class CODE --student NAME [folder]`: hands in a student's assignment folder to
// a class server and prints the official results. The student's token is kept in <folder>/.ec2-lab-class.json
// after the first join, so a second submit from the same folder is the same student.
import { existsSync, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadExercise } from '../grader/index.ts';
import { LIMITS } from '../grader/input-checks.ts';
import type { GradeResult } from '../grader/index.ts';
import { callApi, ClassApiError, serverUrl } from './class-client.ts';
import { parseCommandArgs, usageError as commandUsageError } from './command-args.ts';

const USAGE = `usage: ec2-lab submit --server URL --class CODE --student NAME [folder] [--wait SECONDS]

Hands in every exercise of the class found in folder (default: the current folder): the files of
exercise <id> are read from <folder>/<id>/ (an assignment folder) or from <folder> itself. The server
grades them and this prints the official result. The first submit joins the class as NAME and keeps
the token in <folder>/.ec2-lab-class.json; later submits from the folder reuse it.`;

const usageError = (message: string) => commandUsageError('submit', USAGE, message);
const TOKEN_FILE = '.ec2-lab-class.json';

interface Saved {
  server: string;
  class: string;
  student: string;
  token: string;
}

function readSaved(folder: string): Saved | undefined {
  try {
    return JSON.parse(readFileSync(path.join(folder, TOKEN_FILE), 'utf8')) as Saved;
  } catch {
    return undefined;
  }
}

async function studentToken(folder: string, server: string, code: string, student: string): Promise<string> {
  const saved = readSaved(folder);
  if (saved && saved.server === server && saved.class === code && saved.student === student && typeof saved.token === 'string') return saved.token;
  try {
    const joined = await callApi<{ studentToken: string }>(server, 'POST', `/api/classes/${encodeURIComponent(code)}/students`, { body: { name: student } });
    writeFileSync(path.join(folder, TOKEN_FILE), `${JSON.stringify({ server, class: code, student, token: joined.studentToken }, null, 2)}\n`, { mode: 0o600 });
    return joined.studentToken;
  } catch (error) {
    if (error instanceof ClassApiError && error.status === 409) {
      throw new Error(`${error.message} If that is you, submit from the folder you first submitted from: its ${TOKEN_FILE} holds your token.`, { cause: error });
    }
    throw error;
  }
}

/** One exercise's files from the folder, refusing what is not a plain, small file (a symlink could point anywhere). */
function exerciseFiles(folder: string, exerciseId: string): Record<string, string> | undefined {
  const { manifest } = loadExercise(exerciseId);
  const base = existsSync(path.join(folder, exerciseId)) ? path.join(folder, exerciseId) : folder;
  const files: Record<string, string> = {};
  for (const name of manifest.files) {
    const file = path.join(base, name);
    if (!lstatSafe(file)) continue; // lstat: a dangling symlink is found, and refused below
    const stats = lstatSync(file);
    if (stats.isSymbolicLink()) throw new Error(`${file} is a symbolic link: hand in the file itself`);
    if (!stats.isFile()) throw new Error(`${file} is not a file`);
    if (stats.size > LIMITS.fileBytes) throw new Error(`${file} is too large (${stats.size} bytes; the limit is ${LIMITS.fileBytes})`);
    files[name] = readFileSync(file, 'utf8');
  }
  return Object.keys(files).length > 0 ? files : undefined;
}

function lstatSafe(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

type Handin = { id: string; status: string; result?: GradeResult; error?: string };

async function waitForResult(server: string, code: string, token: string, id: string, deadline: number): Promise<Handin> {
  for (;;) {
    const handin = await callApi<Handin>(server, 'GET', `/api/classes/${encodeURIComponent(code)}/handins/${encodeURIComponent(id)}`, { token });
    if (handin.status === 'graded' || handin.status === 'failed') return handin;
    if (Date.now() > deadline) return handin;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function describe(exercise: string, handin: Handin): string {
  if (handin.status === 'failed') return `${exercise}: not graded: ${handin.error ?? 'the grader gave up'}`;
  if (!handin.result) return `${exercise}: still ${handin.status} on the server (hand-in ${handin.id}); run submit again later to see the result`;
  const r = handin.result;
  const lines = [`${exercise}: ${r.points}/${r.maxPoints} points (${r.status}), official result of hand-in ${handin.id}`];
  if (r.message) lines.push(`  ${r.message}`);
  for (const t of r.tests) lines.push(`  ${t.status === 'pass' ? 'ok  ' : 'FAIL'} ${t.name} (${t.points}/${t.maxPoints})${t.status === 'pass' || !t.message ? '' : `: ${t.message.split('\n')[0]}`}`);
  return lines.join('\n');
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('submit', USAGE, {
    args,
    allowPositionals: true,
    options: { server: { type: 'string' }, class: { type: 'string' }, student: { type: 'string' }, wait: { type: 'string', default: '300' } },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (!values.server || !values.class || !values.student) return usageError('--server, --class and --student are all required');
  if (positionals.length > 1) return usageError('give at most one folder');
  const folder = path.resolve(positionals[0] ?? '.');
  if (!existsSync(folder) || !lstatSync(folder).isDirectory()) return usageError(`no such folder: ${folder}`);
  const code = values.class.trim().toUpperCase();
  const waitSeconds = Number(values.wait);
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0) return usageError(`--wait must be a number of seconds, not "${values.wait}"`);
  try {
    const server = serverUrl(values.server);
    const info = await callApi<{ name: string; exercises: { id: string }[] }>(server, 'GET', `/api/classes/${encodeURIComponent(code)}/info`);
    const found = info.exercises.map(({ id }) => ({ id, files: exerciseFiles(folder, id) })).filter((e) => e.files);
    if (found.length === 0) {
      return usageError(`found none of the class's exercises in ${folder}: looked for ${info.exercises.map(({ id }) => `${id}/${loadExercise(id).manifest.files.join(', ')}`).join('; ')}`);
    }
    const token = await studentToken(folder, server, code, values.student);
    const deadline = Date.now() + waitSeconds * 1000;
    for (const { id, files } of found) {
      const receipt = await callApi<Handin>(server, 'POST', `/api/classes/${encodeURIComponent(code)}/handins`, { token, body: { exercise: id, files } });
      console.log(describe(id, await waitForResult(server, code, token, receipt.id, deadline)));
    }
    return 0;
  } catch (error) {
    console.error(`ec2-lab submit: ${(error as Error).message}`);
    return 1;
  }
}
