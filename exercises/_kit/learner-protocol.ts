// What a learner's run is made of, whichever engine runs it: the outcome (LearnerOutcome), the calls it
// made, and the pure helpers that the Node child process (learner-process.ts) and the page runner's
// workers (learner-worker-transport.ts) share, so that both engines offer the same client methods, copy
// errors the same way, serve calls the same way and read a finished run the same way.
// Browser-safe: no Node built-ins here.

import { kitMessages } from './kit-messages.ts';
import type { Language } from './lang.ts';

/** What happened to one run of the learner's function, as data the tests and the grader can read. */
export type LearnerOutcome =
  | { kind: 'returned'; value: unknown }
  | { kind: 'threw'; error: ThrownError; uncaught: boolean }
  | { kind: 'import-failed'; error: ThrownError }
  | { kind: 'missing-export'; available: string[] }
  | { kind: 'timeout'; limitMs: number; loaded: boolean }
  | { kind: 'exited'; code: number | null; signal: string | null; loaded: boolean }
  | { kind: 'out-of-memory'; limitMb: number }
  | { kind: 'too-many-calls'; limit: number }
  | { kind: 'compile-error'; message: string }
  | { kind: 'missing-file'; message: string };

export type ThrownError = { name: string; message: string; code?: string; Code?: string; stack?: string };

export type CallRecord = { method: string; input: unknown; error?: string };

export interface ChildRunResult {
  outcome: LearnerOutcome;
  calls: CallRecord[];
  output: string;
  durationMs: number;
  isolated: boolean; // true when the learner's code ran confined (Node's permission model, or a worker)
}

/** One run of the learner's function, as the harness asks a transport for it. */
export interface LearnerRequest {
  testPath: string; // the test file asking (its folder finds the submission and its limits)
  file: string;
  exportName: string;
  args: unknown[];
  client: object; // the model's EC2 client the learner's calls go to
  ssm?: object; // the model's SSM client, when the learner's function receives one: export(ec2, ssm, ...args)
}

/**
 * Where the learner's code runs: compiles `file`, runs `exportName(ec2, ...args)` away from the judge and
 * says what happened. Node: a child process (learner-node.ts). The page runner: a worker
 * (learner-worker-transport.ts), installed with useLearnerTransport() before any test file loads.
 */
export interface LearnerTransport {
  run(request: LearnerRequest): Promise<ChildRunResult>;
  /** The test file ended: let go of what was kept for its runs (a child process, a worker). */
  endFile(testPath: string): void;
}

/**
 * Calls meant for the SSM client carry this prefix (`ssm.sendCommand`), in the method lists sent to the
 * learner's side and in its calls back: the learner's side builds an `ssm` client only when the list
 * holds such names, and the serving side routes each call by it.
 */
const SSM_PREFIX = 'ssm.';

/** The model's clients one run offers the learner: always EC2, SSM when the exercise gives it. */
export type LearnerClients = { client: object; ssm?: object };

/** The model client's clock hook: waiters "sleep" through it, so the model's clock moves instead. */
const SLEEP = Symbol.for('mini-ec2.sleep');

/** Method names of the model client the learner may call (own and inherited functions, no internals). */
function clientMethods(client: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = client; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const name of Object.getOwnPropertyNames(o)) {
      if (name === 'constructor' || name.startsWith('_')) continue;
      if (typeof (client as Record<string, unknown>)[name] === 'function') names.add(name);
    }
  }
  return [...names].sort();
}

/** Every method the learner's side may call: the EC2 client's names, then the SSM client's with their prefix. */
export function learnerMethods(clients: LearnerClients): string[] {
  const ssm = clients.ssm ? clientMethods(clients.ssm).map((name) => SSM_PREFIX + name) : [];
  return [...clientMethods(clients.client), ...ssm];
}

/** An error the model threw, as plain data from which the learner's side rebuilds an SDK-style error. */
function serializeError(error: unknown): Record<string, unknown> {
  const e = error as { name?: unknown; message?: unknown; Code?: unknown; $fault?: unknown; $metadata?: { httpStatusCode?: unknown } };
  return {
    name: typeof e?.name === 'string' ? e.name : 'Error',
    message: String(e?.message ?? error),
    Code: typeof e?.Code === 'string' ? e.Code : undefined,
    $fault: e?.$fault === 'server' ? 'server' : 'client',
    $metadata: { httpStatusCode: typeof e?.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : 400 },
  };
}

export type CallReply = { ok: true; value: unknown } | { ok: false; error: Record<string, unknown> };

/**
 * Serves one call of the learner's code from the model's clients (an `ssm.` name from the SSM client):
 * `$sleep` moves the model's clock, any other name must be one of `allowed`. Records the call (and the
 * error's name) in `record`.
 */
export async function serveCall(clients: LearnerClients, allowed: Set<string>, method: string, args: unknown[], record: CallRecord): Promise<CallReply> {
  const toSsm = method.startsWith(SSM_PREFIX);
  const client = (toSsm ? clients.ssm : clients.client) ?? {};
  const name = toSsm ? method.slice(SSM_PREFIX.length) : method;
  try {
    let value: unknown;
    if (name === '$sleep') {
      const sleep = (client as Record<symbol, unknown>)[SLEEP];
      if (typeof sleep === 'function') value = await (sleep as (ms: number) => unknown).call(client, Number(args[0]) || 0);
    } else if (allowed.has(method)) {
      value = await (client as Record<string, (...a: unknown[]) => unknown>)[name](...args);
    } else {
      throw new TypeError(`${toSsm ? method : `ec2.${method}`} is not a function`);
    }
    return { ok: true, value };
  } catch (error) {
    record.error = String((error as { name?: string })?.name ?? 'Error');
    return { ok: false, error: serializeError(error) };
  }
}

/** The outcome a `done` message from the learner's side stands for. */
export function doneOutcome(message: Record<string, unknown>, exportNames: string[]): LearnerOutcome {
  const error = (message.error ?? { name: 'Error', message: '' }) as ThrownError;
  if (message.ok) return { kind: 'returned', value: message.value };
  if (message.atImport) return { kind: 'import-failed', error };
  if (message.missingExport) return { kind: 'missing-export', available: exportNames };
  return { kind: 'threw', error, uncaught: Boolean(message.uncaught) };
}

/** What the learner's side may print: output beyond the cap is counted, not kept, and said so (in `language`). */
export function cutNote(droppedBytes: number, language: Language): string {
  return droppedBytes > 0 ? `\n${kitMessages[language].outputCut({ bytes: droppedBytes })}` : '';
}
