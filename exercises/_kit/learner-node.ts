// The harness's Node transport (the CLI grader, `npm test` in an assignment folder, the WebContainer): the
// learner's file is compiled with esbuild and run in a child process (learner-process.ts) whose EC2 calls
// come back here, to the model next to the assertions.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileLearnerModule, compileModelBundle, MODEL_BUNDLE, type CompileResult } from './compile.ts';
import { isLanguage, type Language } from './lang.ts';
import { LearnerProcess } from './learner-process.ts';
import type { ChildRunResult, LearnerOutcome, LearnerRequest, LearnerTransport } from './learner-protocol.ts';

const kitDir = path.dirname(fileURLToPath(import.meta.url));
const compiled = new Map<string, Promise<CompileResult>>();

/**
 * A child process kept between runs of the same learner file in the same test file, so consecutive
 * scenarios do not each pay for a process start. Ended when its test file ends, or after any bad run.
 */
type Session = { runnerDir: string; process: LearnerProcess };
const sessions = new Map<string, Session>();

function endSession(key: string): void {
  const session = sessions.get(key);
  if (!session) return;
  sessions.delete(key);
  session.process.kill();
  rmSync(session.runnerDir, { recursive: true, force: true });
}

const numberFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** Limits of one submission's runs: its limits.json (written by the grader next to tests/), else the environment. */
export type Limits = { callTimeoutMs: number; childMemoryMb: number; maxCalls: number; testTimeoutMs?: number; lang?: Language };
const limitsCache = new Map<string, Limits>();

export function limitsFor(testPath: string): Limits {
  const dir = path.dirname(path.dirname(testPath));
  let limits = limitsCache.get(dir);
  if (!limits) {
    let fromFile: Partial<Limits> = {};
    try {
      fromFile = JSON.parse(readFileSync(path.join(dir, 'limits.json'), 'utf8')) as Partial<Limits>;
    } catch {
      // no limits.json: an assignment folder or the sandbox; the environment (or the defaults) decide
    }
    limits = {
      callTimeoutMs: fromFile.callTimeoutMs ?? numberFromEnv('EC2LAB_CALL_TIMEOUT_MS', 5000),
      childMemoryMb: fromFile.childMemoryMb ?? numberFromEnv('EC2LAB_CHILD_MEMORY_MB', 128),
      maxCalls: fromFile.maxCalls ?? numberFromEnv('EC2LAB_MAX_CALLS', 2000),
      ...(fromFile.testTimeoutMs ? { testTimeoutMs: fromFile.testTimeoutMs } : {}),
      // The submission's language (one vitest grades every language): the environment's otherwise.
      ...(isLanguage(fromFile.lang) ? { lang: fromFile.lang } : {}),
    };
    limitsCache.set(dir, limits);
  }
  return limits;
}

/** Where the learner's files are: `<exercise>/<EC2LAB_SUBMISSION_DIR or 'submission'>`, next to tests/. */
function submissionDir(testPath: string): string {
  return path.resolve(path.dirname(testPath), '..', process.env.EC2LAB_SUBMISSION_DIR ?? 'submission');
}

/** The model's entry file, for compiling the learner's `import ... from 'mini-ec2'`. */
function modelEntry(): string {
  if (process.env.EC2LAB_MODEL_ENTRY) return process.env.EC2LAB_MODEL_ENTRY;
  for (let dir = kitDir; ; dir = path.dirname(dir)) {
    for (const candidate of [path.join(dir, 'src', 'mini-ec2', 'index.ts'), path.join(dir, 'mini-ec2', 'index.ts')]) {
      if (existsSync(candidate)) return candidate;
    }
    if (path.dirname(dir) === dir) throw new Error('cannot find the mini-ec2 model (set EC2LAB_MODEL_ENTRY)');
  }
}

function compileOnce(dir: string, file: string): Promise<CompileResult> {
  const key = path.join(dir, file);
  let result = compiled.get(key);
  if (!result) {
    result = compileLearnerModule({ submissionDir: dir, file });
    compiled.set(key, result);
  }
  return result;
}

// The model's bundle, built once per test process (a grader's worker serves many submissions) and copied
// into each child's folder, the only folder the child may read.
const modelBundles = new Map<string, Promise<string>>();
function modelBundle(): Promise<string> {
  const entry = modelEntry();
  let bundle = modelBundles.get(entry);
  if (!bundle) {
    bundle = compileModelBundle(entry);
    modelBundles.set(entry, bundle);
    bundle.catch(() => modelBundles.delete(entry)); // a failed build is tried again next time
  }
  return bundle;
}

/** A run that never started: the file is missing or does not compile. */
function compileFailure(message: string, missing: boolean, durationMs: number): ChildRunResult {
  const outcome: LearnerOutcome = missing ? { kind: 'missing-file', message } : { kind: 'compile-error', message };
  return { outcome, calls: [], output: '', durationMs, isolated: false };
}

async function runInChild(request: LearnerRequest): Promise<ChildRunResult> {
  const started = Date.now();
  const dir = submissionDir(request.testPath);
  const compile = await compileOnce(dir, request.file);
  if (!compile.ok) return compileFailure(compile.message, Boolean(compile.missing), Date.now() - started);
  const model = await modelBundle();
  const key = `${request.testPath}\0${path.join(dir, request.file)}`;
  const limits = limitsFor(request.testPath);
  let session = sessions.get(key);
  if (!session?.process.alive) {
    endSession(key);
    const runnerDir = mkdtempSync(path.join(tmpdir(), 'ec2-lab-learner-'));
    writeFileSync(path.join(runnerDir, 'child-runner.mjs'), readFileSync(path.join(kitDir, 'child-runner.mjs')));
    writeFileSync(path.join(runnerDir, 'learner.mjs'), compile.code);
    writeFileSync(path.join(runnerDir, MODEL_BUNDLE), model);
    session = { runnerDir, process: new LearnerProcess({ runnerDir, memoryMb: limits.childMemoryMb }) };
    sessions.set(key, session);
  }
  const runOptions = {
    exportName: request.exportName,
    args: request.args,
    client: request.client,
    ssm: request.ssm,
    timeoutMs: limits.callTimeoutMs,
    maxCalls: limits.maxCalls,
    maxOutputBytes: 64 * 1024,
  };
  let result = await session.process.run(runOptions);
  if (session.process.refusedFlags) {
    // This Node has no permission model (exit 9: bad option): degrade to a plain child process.
    session.process = new LearnerProcess({ runnerDir: session.runnerDir, memoryMb: limits.childMemoryMb }, false);
    result = await session.process.run(runOptions);
  }
  if (!session.process.alive || result.outcome.kind !== 'returned') endSession(key);
  return result;
}

export const nodeTransport: LearnerTransport = {
  run: runInChild,
  endFile(testPath) {
    for (const key of [...sessions.keys()]) if (key.startsWith(`${testPath}\0`)) endSession(key);
  },
};
