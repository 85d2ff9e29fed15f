// `ec2-lab class serve|worker|create`: run a class server (or a grading worker), or create a class on one.
// The server lives in src/class/; this file parses arguments and prints.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataFolderLockedError } from '../class/data-lock.ts';
import { startClassServer, startClassWorker } from '../class/class-server.ts';
import { locales } from '../i18n/locales.ts';
import { ensureBuilt } from '../server/build.ts';
import { callApi, ClassApiError, serverUrl } from './class-client.ts';
import { parseCommandArgs, usageError as commandUsageError } from './command-args.ts';

const USAGE = `usage: ec2-lab class serve [--port 4322] [--host 127.0.0.1] [--data DIR] [--no-worker]
       ec2-lab class worker                      (needs DATABASE_URL)
       ec2-lab class create --server URL --name "..." --exercises launch,create-image --lang en|pt-br|es [--due DATE]

serve   the class server: the course site, the class API and a grading worker. Data is kept in an
        embedded PostgreSQL (PGlite) in --data (default ./ec2-lab-classes), or in the PostgreSQL named by
        DATABASE_URL (postgres://user:password@host:5432/db). --host 0.0.0.0 lets students' machines in.
worker  grades hand-ins from the PostgreSQL in DATABASE_URL (start several, on several machines).
create  creates a class on a running server and prints its code, the teacher token (shown once) and the
        teacher's dashboard address.`;

const usageError = (message: string) => commandUsageError('class', USAGE, message);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Resolves when the process is told to stop (Ctrl+C, SIGTERM). */
const stopSignal = () => new Promise<string>((resolve) => {
  process.once('SIGINT', () => resolve('SIGINT'));
  process.once('SIGTERM', () => resolve('SIGTERM'));
});

function leaseSeconds(): number | undefined {
  const value = Number(process.env.EC2LAB_CLASS_LEASE_SECONDS);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

async function serve(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('class', USAGE, {
    args,
    allowPositionals: false,
    options: {
      port: { type: 'string', default: '4322' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: 'ec2-lab-classes' },
      'no-worker': { type: 'boolean', default: false },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError(`--port must be a port number, not "${values.port}"`);
  const distDir = path.resolve(repoRoot, process.env.EC2LAB_DIST ?? 'dist');
  if (process.env.EC2LAB_NO_BUILD !== '1') {
    console.log('Checking the course site build ...');
    if (await ensureBuilt(repoRoot, distDir)) console.log('Built the course site.');
  }
  let server;
  try {
    server = await startClassServer({ port, host: values.host, distDir, url: process.env.DATABASE_URL || undefined, dataDir: values.data, worker: !values['no-worker'], leaseSeconds: leaseSeconds() });
  } catch (error) {
    if (error instanceof DataFolderLockedError) {
      console.error(`ec2-lab class serve: ${error.message}`);
      return 1;
    }
    throw error;
  }
  console.log(`Class server running at ${server.url}/ (data: ${server.database.description}${values['no-worker'] ? ', no grading worker' : ', grading here'}). Ctrl+C to stop.`);
  console.log(`Create a class: npx ec2-lab class create --server ${server.url} --name "My class" --exercises launch --lang en`);
  const signal = await stopSignal();
  console.log(`${signal}: stopping the class server.`);
  await server.close();
  return 0;
}

async function worker(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) return usageError('`class worker` needs DATABASE_URL (the PostgreSQL the class server uses): workers share its queue. PGlite, the default of `class serve`, belongs to one process');
  const running = await startClassWorker({ url, leaseSeconds: leaseSeconds() });
  console.log(`Grading worker taking hand-ins from ${running.description}. Ctrl+C to stop.`);
  const signal = await stopSignal();
  console.log(`${signal}: stopping after the current batch.`);
  await running.stop();
  return 0;
}

async function create(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('class', USAGE, {
    args,
    allowPositionals: false,
    options: { server: { type: 'string' }, name: { type: 'string' }, exercises: { type: 'string' }, lang: { type: 'string', default: 'en' }, due: { type: 'string' } },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (!values.server) return usageError('--server URL is required (the address `class serve` printed)');
  if (!values.name) return usageError('--name "..." is required');
  if (!values.exercises) return usageError('--exercises is required: a comma-separated list of exercise ids (see `ec2-lab exercises`)');
  if (!(locales as readonly string[]).includes(values.lang)) return usageError(`unknown language "${values.lang}"; use ${locales.join(', ')}`);
  try {
    const server = serverUrl(values.server);
    const body = { name: values.name, exercises: values.exercises.split(',').map((e) => e.trim()).filter(Boolean), lang: values.lang, ...(values.due ? { due: values.due } : {}) };
    const created = await callApi<{ code: string; teacherToken: string; dashboardUrl: string }>(server, 'POST', '/api/classes', { body });
    console.log(
      [
        `Class "${values.name}" created.`,
        `  code:           ${created.code}`,
        `  teacher token:  ${created.teacherToken}`,
        `                  (shown this once and stored only as a hash: keep it somewhere safe)`,
        `  dashboard:      ${created.dashboardUrl}`,
        '',
        `Students join at ${server}/${values.lang}/?class=${created.code} (the course's home, code filled in) or hand in from an assignment folder with`,
        `  npx ec2-lab submit --server ${server} --class ${created.code} --student "Their Name" <folder>`,
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (error instanceof ClassApiError && error.status === 400) return usageError(error.message);
    console.error(`ec2-lab class create: ${(error as Error).message}`);
    return 1;
  }
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'serve') return serve(rest);
  if (sub === 'worker') return worker();
  if (sub === 'create') return create(rest);
  if (sub === '--help' || sub === '-h') {
    console.log(USAGE);
    return 0;
  }
  return usageError(sub ? `unknown subcommand "${sub}"` : 'name a subcommand: serve, worker or create');
}
