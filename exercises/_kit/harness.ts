// The exercise tests' one door to the learner's code. A test builds a model, then
//   const run = await runLearnerFunction({ file: 'launch.ts', export: 'launchWebServers', args: [...], model });
// The learner's file is compiled here, run in a child process with an EC2 client that forwards every call
// to `model` (which stays in this process, next to the assertions), and `run` says what happened.
// Tests then judge the model's state; `expectFinished(run)` turns a crash, loop or exit into a clear
// failure message. Each run is also recorded for the grader (see the afterAll hook at the bottom).
import { afterAll, afterEach, beforeEach, expect } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileLearnerModule, type CompileResult } from './compile.ts';
import { LearnerProcess, type ChildRunResult, type LearnerOutcome } from './learner-process.ts';

/** @public for exercise authors: the kinds of `LearnerRun.outcome`. */
export type { LearnerOutcome } from './learner-process.ts';

/** @public The parts of a MiniEc2 model the harness needs (kept structural so the kit stands alone). */
export interface ModelLike {
  client(region: string): object;
  subscribe(listener: (event: unknown) => void): () => void;
  exportState(): unknown;
}

export interface RunLearnerOptions {
  file: string; // the learner's file, e.g. 'launch.ts'
  export: string; // the exported function to call; it receives (ec2, ...args)
  args?: unknown[];
  model: ModelLike;
  region?: string; // the region the learner's client is bound to (default us-east-1)
  main?: boolean; // the exercise's main scenario: its final state and events feed the live map
  label?: string;
}

export interface LearnerRun extends ChildRunResult {
  file: string;
  exportName: string;
  finished: boolean; // the function returned normally
  value: unknown; // what it returned (undefined unless finished)
  explanation: string; // what happened, in words for the learner
}

type RunRecord = { label: string; test?: string; outcome: LearnerOutcome['kind']; explanation: string; output: string; durationMs: number; isolated: boolean };

const kitDir = path.dirname(fileURLToPath(import.meta.url));
/** Per test file (one worker may run many files when vitest does not isolate them): its runs and main scenario. */
type FileRecords = { runs: RunRecord[]; scenario?: { state: unknown; events: unknown[] } };
const byTestFile = new Map<string, FileRecords>();
const compiled = new Map<string, Promise<CompileResult>>();
let currentTest: string | undefined;

function recordsOf(testPath: string): FileRecords {
  let records = byTestFile.get(testPath);
  if (!records) byTestFile.set(testPath, (records = { runs: [] }));
  return records;
}

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

/** Hands a test file's records to the grader (and forgets them): called from an afterAll hook. */
function takeRunRecords(testPath: string): FileRecords {
  const records = recordsOf(testPath);
  byTestFile.delete(testPath);
  for (const key of [...sessions.keys()]) if (key.startsWith(`${testPath}\0`)) endSession(key);
  return records;
}

const numberFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** Limits of one submission's runs: its limits.json (written by the grader next to tests/), else the environment. */
export type Limits = { callTimeoutMs: number; childMemoryMb: number; maxCalls: number; testTimeoutMs?: number };
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
    };
    limitsCache.set(dir, limits);
  }
  return limits;
}

/** Where the learner's files are: `<exercise>/<EC2LAB_SUBMISSION_DIR or 'submission'>`, next to tests/. */
function submissionDir(): string {
  const testPath = expect.getState().testPath;
  if (!testPath) throw new Error('runLearnerFunction must be called from a vitest test file');
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
    result = compileLearnerModule({ submissionDir: dir, file, modelEntry: modelEntry() });
    compiled.set(key, result);
  }
  return result;
}

export async function runLearnerFunction(options: RunLearnerOptions): Promise<LearnerRun> {
  const label = options.label ?? `${options.export}()`;
  const started = Date.now();
  const testPath = expect.getState().testPath ?? '';
  const dir = submissionDir();
  const events: unknown[] = [];
  const unsubscribe = options.main ? options.model.subscribe((event) => events.push(event)) : () => {};

  let result: ChildRunResult;
  const compile = await compileOnce(dir, options.file);
  if (!compile.ok) {
    const missing = compile.message.includes(' is missing');
    const outcome: LearnerOutcome = missing ? { kind: 'missing-file', message: compile.message } : { kind: 'compile-error', message: compile.message };
    result = { outcome, calls: [], output: '', durationMs: Date.now() - started, isolated: false };
  } else {
    const key = `${testPath}\0${path.join(dir, options.file)}`;
    const limits = limitsFor(testPath);
    let session = sessions.get(key);
    if (!session?.process.alive) {
      endSession(key);
      const runnerDir = mkdtempSync(path.join(tmpdir(), 'ec2-lab-learner-'));
      writeFileSync(path.join(runnerDir, 'child-runner.mjs'), readFileSync(path.join(kitDir, 'child-runner.mjs')));
      writeFileSync(path.join(runnerDir, 'learner.mjs'), compile.code);
      session = { runnerDir, process: new LearnerProcess({ runnerDir, memoryMb: limits.childMemoryMb }) };
      sessions.set(key, session);
    }
    const runOptions = {
      exportName: options.export,
      args: options.args ?? [],
      client: options.model.client(options.region ?? 'us-east-1'),
      timeoutMs: limits.callTimeoutMs,
      maxCalls: limits.maxCalls,
      maxOutputBytes: 64 * 1024,
    };
    result = await session.process.run(runOptions);
    if (session.process.refusedFlags) {
      // This Node has no permission model (exit 9: bad option): degrade to a plain child process.
      session.process = new LearnerProcess({ runnerDir: session.runnerDir, memoryMb: limits.childMemoryMb }, false);
      result = await session.process.run(runOptions);
    }
    if (!session.process.alive || result.outcome.kind !== 'returned') endSession(key);
  }
  unsubscribe();

  const explanation = explainOutcome(result.outcome, options);
  const records = recordsOf(testPath);
  records.runs.push({ label, test: currentTest, outcome: result.outcome.kind, explanation, output: result.output.slice(0, 4000), durationMs: result.durationMs, isolated: result.isolated });
  if (options.main) records.scenario = { state: options.model.exportState(), events };
  const finished = result.outcome.kind === 'returned';
  return {
    ...result,
    file: options.file,
    exportName: options.export,
    finished,
    value: result.outcome.kind === 'returned' ? result.outcome.value : undefined,
    explanation,
  };
}

/** Fails the current test with the explanation unless the learner's function returned normally. */
export function expectFinished(run: LearnerRun): void {
  if (!run.finished) throw new Error(run.explanation);
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

function explainOutcome(outcome: LearnerOutcome, options: { file: string; export: string }): string {
  const fn = `${options.export}()`;
  switch (outcome.kind) {
    case 'returned':
      return `${fn} returned normally.`;
    case 'threw':
      if (outcome.error.code === 'ERR_ACCESS_DENIED') {
        return `Your code tried something the grader does not allow (writing files, starting processes or workers) and was refused: ${outcome.error.message}`;
      }
      return outcome.uncaught
        ? `An error escaped ${fn} after it had started (a promise nobody awaited?): ${outcome.error.name}: ${outcome.error.message}`
        : `${fn} threw ${outcome.error.name}: ${outcome.error.message}. Catch the errors you expect, or fix the call that failed.`;
    case 'import-failed':
      return `${options.file} threw an error as soon as it was loaded, before ${fn} could run: ${outcome.error.name}: ${outcome.error.message}`;
    case 'missing-export': {
      const found = outcome.available.length ? `it exports: ${outcome.available.join(', ')}` : 'it exports nothing';
      return `${options.file} does not export a function named ${options.export} (${found}). Write \`export async function ${options.export}(...)\`.`;
    }
    case 'timeout':
      return outcome.loaded
        ? `${fn} was still running after ${seconds(outcome.limitMs)} and was stopped: an endless loop, or waiting for something that never happens? Waiters such as waitUntilInstanceRunning move the model's clock; setTimeout does not.`
        : `${options.file} was still loading after ${seconds(outcome.limitMs)} and was stopped: an endless loop at the top level of the file?`;
    case 'exited': {
      const how = outcome.signal ? `was killed (${outcome.signal})` : `ended with exit code ${outcome.code}`;
      const when = outcome.loaded ? `before ${fn} returned` : `while ${options.file} was loading`;
      return `The process running your code ${how} ${when}. Does your code call process.exit()? Return a value (or throw an error) instead.`;
    }
    case 'out-of-memory':
      return `Your code used more memory than allowed (about ${outcome.limitMb} MB) and was stopped: a list or string that grows without end?`;
    case 'too-many-calls':
      return `Your code made more than ${outcome.limit} calls to EC2 and was stopped: a loop that never ends?`;
    case 'compile-error':
      return `Your code does not compile:\n${outcome.message}`;
    case 'missing-file':
      return outcome.message;
  }
}

// Hand each test file's runs (and its main scenario) to the grader: the kit's reporter reads them from the
// file's metadata. _kit/setup.ts registers this hook for every test file; without that setup file (a
// config that does not list it), the harness registers it itself when a test file first imports it.
// (vitest requires a destructuring pattern for a hook's first parameter, hence the empty `{}`.)
export function reportRunsAfterAll(): void {
  // The test a run belongs to (none for a beforeAll scenario). Tracked here because expect's state may
  // still name the previous file's last test while a new file's beforeAll runs in the same worker.
  // eslint-disable-next-line no-empty-pattern
  beforeEach(({}) => {
    currentTest = expect.getState().currentTestName;
  });
  // eslint-disable-next-line no-empty-pattern
  afterEach(({}) => {
    currentTest = undefined;
  });
  // eslint-disable-next-line no-empty-pattern
  afterAll(({}, suite) => {
    const file = suite as unknown as { filepath?: string; file?: { filepath?: string }; meta: Record<string, unknown> };
    const testPath = file.filepath ?? file.file?.filepath ?? '';
    file.meta.ec2lab = takeRunRecords(testPath);
  });
}

if (!(globalThis as Record<string, unknown>).__ec2labSetup) reportRunsAfterAll();
