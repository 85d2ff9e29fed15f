// The learner worker: runs the learner's compiled code with an EC2 client (and an SSM client after it, when
// the exercise offers one) whose every method is a message to the page (which forwards it to the judge,
// where the model lives). The browser twin of the kit's child-runner.mjs, with the same messages and the
// same outcomes: it can break itself (loop, throw, hog memory), and the page terminates it; it can reach
// neither the model nor the assertions.
//
// One worker may serve several runs of the same file in turn (the learner's modules are evaluated once, as
// a module is in a real program); every message carries the run's id so a late message of an old run is
// ignored.
import './node-globals.ts';
import * as miniEc2 from '../mini-ec2/index.ts';
import type { LearnerWords } from '../../exercises/_kit/kit-messages.ts';
import type { ThrownError } from '../../exercises/_kit/learner-protocol.ts';
import { installAllocationBudget } from './allocation-budget.ts';
import { formatArgs } from './format.ts';
import type { FromLearner, LearnerDone, LearnerStart, ToLearner } from './protocol.ts';

const SLEEP = Symbol.for('mini-ec2.sleep');
const post = (message: FromLearner) => (self as unknown as Worker).postMessage(message);
type ServiceException = typeof miniEc2.Ec2ServiceException;
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void; ExceptionClass: ServiceException }>();
let nextId = 1;
let currentRun = 0;
let finished = true;
let outputBytes = 0;
let maxOutputBytes = 64 * 1024;
let learner: Record<string, unknown> | undefined;
// Until the first start message brings the learner's words (kit-messages.ts, learnerWords): identifiers only.
let words: LearnerWords = { notCloneable: 'DataCloneError', unsendableArgs: '{method}()', nonErrorThrown: '{value}' };
const fill = (template: string, name: string, value: string) => template.split(`{${name}}`).join(value);

/** A plain description of anything thrown, safe to post (the same as child-runner.mjs gives). */
function describeError(error: unknown): ThrownError {
  if (error && typeof error === 'object') {
    const e = error as Record<string, unknown>;
    return {
      name: typeof e.name === 'string' ? e.name : 'Error',
      message: typeof e.message === 'string' ? e.message : '',
      code: typeof e.code === 'string' ? e.code : undefined,
      Code: typeof e.Code === 'string' ? e.Code : undefined,
      stack: typeof e.stack === 'string' ? e.stack.slice(0, 4000) : undefined,
    };
  }
  return { name: 'Error', message: fill(words.nonErrorThrown, 'value', String(error).slice(0, 200)) };
}

function finish(message: Omit<LearnerDone, 'run' | 'outputBytes' | 'type'>): void {
  if (finished) return;
  finished = true;
  try {
    post({ type: 'done', ...message, run: currentRun, outputBytes });
  } catch {
    post({ type: 'done', run: currentRun, outputBytes, ok: false, error: { name: 'DataCloneError', message: words.notCloneable } });
  }
}

// What the learner prints goes to the page, up to the cap; past it, only the byte count travels (a loop that
// prints must not flood the page with messages).
const encoder = new TextEncoder();
function print(...args: unknown[]): void {
  const text = `${formatArgs(args)}\n`;
  const bytes = encoder.encode(text).length;
  const room = maxOutputBytes - outputBytes;
  outputBytes += bytes;
  if (room > 0) post({ type: 'output', run: currentRun, text: bytes > room ? text.slice(0, room) : text, bytes });
}
for (const name of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) console[name] = print;

/** The SDK-style error the learner's code sees, built from what the model threw in the judge. */
function rebuildError(data: Record<string, unknown>, ExceptionClass: ServiceException): Error {
  const metadata = data.$metadata as { httpStatusCode?: number } | undefined;
  if (typeof data.Code === 'string') {
    return new ExceptionClass(data.Code, String(data.message), metadata?.httpStatusCode ?? 400, data.$fault === 'server' ? 'server' : 'client');
  }
  const error = new Error(String(data.message));
  error.name = String(data.name);
  return error;
}

/** The SSM client's methods come prefixed in `methods` (learner-protocol.ts): `ssm.sendCommand`. */
const SSM_PREFIX = 'ssm.';
// Taken before any learner code runs: a learner who patches Array or String prototypes in one run must not
// break the clients of the next run in the same worker.
// eslint-disable-next-line @typescript-eslint/unbound-method -- only ever called through Reflect.apply with a string
const { startsWith, slice } = String.prototype;
const isSsm = (method: string) => Reflect.apply<string, [string], boolean>(startsWith, method, [SSM_PREFIX]);

function makeClient(methods: string[], ExceptionClass: ServiceException, prefix = ''): object {
  const call = (method: string, args: unknown[]) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, ExceptionClass });
      try {
        post({ type: 'call', run: currentRun, id, method, args });
      } catch {
        pending.delete(id);
        reject(new TypeError(fill(words.unsendableArgs, 'method', method)));
      }
    });
  const client = {};
  for (const method of methods) Object.defineProperty(client, Reflect.apply<string, [number], string>(slice, method, [prefix.length]), { value: (...args: unknown[]) => call(method, args), enumerable: true });
  // Waiters "sleep" through this method: the judge advances the model's clock instead.
  Object.defineProperty(client, SLEEP, { value: (ms: number) => call(`${prefix}$sleep`, [ms]) });
  return client;
}

/** What the learner's function receives before its own arguments: ec2, then ssm when offered. */
function makeClients(methods: string[]): object[] {
  const ec2Methods: string[] = [];
  const ssmMethods: string[] = [];
  for (const method of methods) (isSsm(method) ? ssmMethods : ec2Methods).push(method);
  const ec2 = makeClient(ec2Methods, miniEc2.Ec2ServiceException);
  return ssmMethods.length ? [ec2, makeClient(ssmMethods, miniEc2.SsmServiceException, SSM_PREFIX)] : [ec2];
}

/** Evaluates the learner's CommonJS modules: `mini-ec2` is the model's own code, relative paths their files. */
function load(modules: Record<string, string>, entry: string): Record<string, unknown> {
  const cache = new Map<string, { exports: Record<string, unknown> }>();
  const resolve = (from: string, specifier: string) => {
    const base = from.split('/').slice(0, -1);
    for (const part of specifier.split('/')) {
      if (part === '..') base.pop();
      else if (part !== '.') base.push(part);
    }
    const name = base.join('/');
    return [name, `${name}.ts`, name.replace(/\.js$/, '.ts'), `${name}/index.ts`].find((n) => n in modules);
  };
  const evaluate = (name: string): Record<string, unknown> => {
    const cached = cache.get(name);
    if (cached) return cached.exports;
    const module = { exports: {} as Record<string, unknown> };
    cache.set(name, module);
    const require = (specifier: string) => {
      if (specifier === 'mini-ec2') return miniEc2;
      const target = specifier.startsWith('.') ? resolve(name, specifier) : undefined;
      if (!target) throw new Error(`Cannot find module '${specifier}'`);
      return evaluate(target);
    };
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- running the learner's code is this worker's job
    const body = new Function('exports', 'require', 'module', `"use strict";${modules[name]}\n//# sourceURL=${name}`) as (e: object, r: typeof require, m: object) => void;
    body(module.exports, require, module);
    return module.exports;
  };
  return evaluate(entry);
}

async function start(message: LearnerStart): Promise<void> {
  currentRun = message.run;
  finished = false;
  words = message.words;
  outputBytes = 0;
  maxOutputBytes = message.maxOutputBytes;
  pending.clear();
  installAllocationBudget(message.memoryMb * 1024 * 1024, () => post({ type: 'out-of-memory', run: currentRun }));
  try {
    learner ??= load(message.modules, message.entry);
  } catch (error) {
    finish({ ok: false, atImport: true, error: describeError(error) });
    return;
  }
  post({ type: 'loaded', run: currentRun, exports: Object.keys(learner) });
  const fn = learner[message.exportName];
  if (typeof fn !== 'function') {
    finish({ ok: false, missingExport: true, error: { name: 'MissingExport', message: message.exportName } });
    return;
  }
  try {
    const value: unknown = await (fn as (...a: unknown[]) => unknown)(...makeClients(message.methods), ...message.args);
    finish({ ok: true, value });
  } catch (error) {
    finish({ ok: false, error: describeError(error) });
  }
}

self.addEventListener('error', (event) => {
  event.preventDefault();
  finish({ ok: false, uncaught: true, error: describeError(event.error ?? new Error(event.message)) });
});
self.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  finish({ ok: false, uncaught: true, error: describeError(event.reason) });
});

self.addEventListener('message', (event: MessageEvent<ToLearner>) => {
  const message = event.data;
  if (message.type === 'reply') {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.ok) waiting.resolve(message.value);
    else waiting.reject(rebuildError(message.error, waiting.ExceptionClass));
  } else if (message.type === 'start' && finished) {
    void start(message);
  }
});
