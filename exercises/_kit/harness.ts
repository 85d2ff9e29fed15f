// The exercise tests' one door to the learner's code. A test builds a model, then
//   const run = await runLearnerFunction({ file: 'launch.ts', export: 'launchWebServers', args: [...], model });
// The learner's file is compiled and run away from the judge (a child process under Node, a worker in the
// page runner: see LearnerTransport) with an EC2 client that forwards every call to `model` (which stays
// in this process, next to the assertions), and `run` says what happened.
// Tests then judge the model's state; `expectFinished(run)` turns a crash, loop or exit into a clear
// failure message. Each run is also recorded for the grader (see the afterAll hook at the bottom).
import { afterAll, afterEach, beforeEach, expect } from 'vitest';
import type { ChildRunResult, LearnerOutcome, LearnerTransport } from './learner-protocol.ts';
import { kitMessages } from './kit-messages.ts';
import { inLanguage } from './lang.ts';

/** @public for exercise authors: the kinds of `LearnerRun.outcome`. */
export type { LearnerOutcome } from './learner-protocol.ts';

/** @public The parts of a MiniEc2 model the harness needs (kept structural so the kit stands alone). */
export interface ModelLike {
  client(region: string): object;
  ssmClient?(region: string): object;
  subscribe(listener: (event: unknown) => void): () => void;
  exportState(): unknown;
}

let transport: LearnerTransport | undefined;

export function useLearnerTransport(chosen: LearnerTransport): void {
  transport = chosen;
}

// The Node transport is loaded only when none was installed, so a browser bundle never evaluates it.
async function currentTransport(): Promise<LearnerTransport> {
  transport ??= (await import('./learner-node.ts')).nodeTransport;
  return transport;
}

export interface RunLearnerOptions {
  file: string; // the learner's file, e.g. 'launch.ts'
  export: string; // the exported function to call; it receives (ec2, ...args), or (ec2, ssm, ...args) with `ssm`
  args?: unknown[];
  model: ModelLike;
  region?: string; // the region the learner's clients are bound to (default us-east-1)
  ssm?: boolean; // the function also receives an SSM client (the model's, same region) after ec2
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

/**
 * Per test file (one worker may run many files when vitest does not isolate them): its runs, its main
 * scenario, and the functions that ran out of time (`${file}\0${export}`): those are not run again in the file.
 */
type FileRecords = { runs: RunRecord[]; scenario?: { state: unknown; events: unknown[] }; timedOut?: Map<string, number> };
const byTestFile = new Map<string, FileRecords>();
let currentTest: string | undefined;

function recordsOf(testPath: string): FileRecords {
  let records = byTestFile.get(testPath);
  if (!records) byTestFile.set(testPath, (records = { runs: [] }));
  return records;
}

/** Hands a test file's records to the grader (and forgets them): called from an afterAll hook. */
function takeRunRecords(testPath: string): FileRecords {
  const records = recordsOf(testPath);
  byTestFile.delete(testPath);
  transport?.endFile(testPath);
  return records;
}

export async function runLearnerFunction(options: RunLearnerOptions): Promise<LearnerRun> {
  const label = options.label ?? `${options.export}()`;
  const testPath = expect.getState().testPath;
  if (!testPath) throw new Error('runLearnerFunction must be called from a vitest test file');
  const events: unknown[] = [];
  const unsubscribe = options.main ? options.model.subscribe((event) => events.push(event)) : () => {};

  const region = options.region ?? 'us-east-1';
  if (options.ssm && !options.model.ssmClient) throw new Error('runLearnerFunction: `ssm: true` needs a model with ssmClient(region)');
  const records = recordsOf(testPath);
  const key = `${options.file}\0${options.export}`;
  const earlierLimitMs = records.timedOut?.get(key);
  // A function that already ran out of time in this file is not run again: another full time limit of a
  // spinning process (an endless loop costs a whole core) would only repeat the same failure.
  const result: ChildRunResult = earlierLimitMs !== undefined ? notRunAgain(earlierLimitMs) : await (await currentTransport()).run({
    testPath,
    file: options.file,
    exportName: options.export,
    args: options.args ?? [],
    client: options.model.client(region),
    ...(options.ssm ? { ssm: options.model.ssmClient?.(region) } : {}),
  });
  unsubscribe();

  if (result.outcome.kind === 'timeout' && earlierLimitMs === undefined) (records.timedOut ??= new Map()).set(key, result.outcome.limitMs);
  const explanation = earlierLimitMs !== undefined ? inLanguage(kitMessages).timeoutEarlier({ fn: `${options.export}()`, seconds: seconds(earlierLimitMs) }) : explainOutcome(result.outcome, options);
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

/** The result of a run skipped because the same function ran out of time earlier in the test file. */
function notRunAgain(limitMs: number): ChildRunResult {
  return { outcome: { kind: 'timeout', limitMs, loaded: true }, calls: [], output: '', durationMs: 0, isolated: true };
}

/** Fails the current test with the explanation unless the learner's function returned normally. */
export function expectFinished(run: LearnerRun): void {
  if (!run.finished) throw new Error(run.explanation);
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** What happened to a run, in words for the learner, in the test file's language (kit-messages.ts). */
function explainOutcome(outcome: LearnerOutcome, options: { file: string; export: string }): string {
  const m = inLanguage(kitMessages);
  const fn = `${options.export}()`;
  const file = options.file;
  switch (outcome.kind) {
    case 'returned':
      return m.returned({ fn });
    case 'threw':
      if (outcome.error.code === 'ERR_ACCESS_DENIED') return m.accessDenied({ message: outcome.error.message });
      return (outcome.uncaught ? m.uncaught : m.threw)({ fn, name: outcome.error.name, message: outcome.error.message });
    case 'import-failed':
      return m.importFailed({ file, fn, name: outcome.error.name, message: outcome.error.message });
    case 'missing-export':
      return m.missingExport({ file, exportName: options.export, available: outcome.available });
    case 'timeout':
      return outcome.loaded ? m.timeoutRunning({ fn, seconds: seconds(outcome.limitMs) }) : m.timeoutLoading({ file, seconds: seconds(outcome.limitMs) });
    case 'exited':
      return m.exited({ file, fn, signal: outcome.signal ?? undefined, code: outcome.code, loaded: outcome.loaded });
    case 'out-of-memory':
      return m.outOfMemory({ limitMb: outcome.limitMb });
    case 'too-many-calls':
      return m.tooManyCalls({ limit: outcome.limit });
    case 'compile-error':
      return m.compileError({ message: outcome.message });
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
