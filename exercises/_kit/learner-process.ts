// Starts the child process that runs the learner's compiled code and serves its EC2 calls from the
// model, which stays here in the test process. Limits: a wall-clock time limit, a heap limit, an RSS
// watch, a cap on API calls and on captured output. Node's permission model (where available) lets the
// child read only its own bundle folder: no writes, no child processes, no workers.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { learnerWords } from './kit-messages.ts';
import { currentLanguage } from './lang.ts';
import { cutNote, doneOutcome, learnerMethods, serveCall, type CallRecord, type ChildRunResult, type LearnerOutcome } from './learner-protocol.ts';


interface ChildRunOptions {
  runnerDir: string; // folder holding child-runner.mjs and learner.mjs (the only folder the child may read)
  exportName: string;
  args: unknown[];
  client: object; // the model's EC2 client the calls go to
  ssm?: object; // the model's SSM client, when the learner's function receives one
  timeoutMs: number;
  memoryMb: number;
  maxCalls: number;
  maxOutputBytes: number;
}

/** The flag that turns the permission model on: `--permission` from Node 22.13/23.5, before that experimental. */
function permissionFlag(): string | undefined {
  if (process.env.EC2LAB_NO_PERMISSION === '1' || 'webcontainer' in process.versions) return undefined;
  const flags = process.allowedNodeEnvironmentFlags;
  if (flags.has('--permission')) return '--permission';
  if (flags.has('--experimental-permission')) return '--experimental-permission';
  return undefined;
}

/** Resident memory of a process in MB, from /proc (Linux); undefined where there is no /proc. */
function residentMb(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function forkChild(runnerDir: string, memoryMb: number, withPermission: boolean): ChildProcess {
  const flag = withPermission ? permissionFlag() : undefined;
  const execArgv = [`--max-old-space-size=${memoryMb}`, '--no-warnings', '--enable-source-maps', '--stack-size=984'];
  if (flag) execArgv.push(flag, `--allow-fs-read=${runnerDir}${path.sep}`);
  return fork(path.join(runnerDir, 'child-runner.mjs'), [], {
    cwd: runnerDir,
    execArgv,
    env: { NODE_ENV: 'test' },
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // Its own process group: `process.kill(0)` in learner code then ends only the learner, not the test
    // runner. (The grader sweeps learners whose test process died: src/grader/orphans.ts.)
    detached: true,
  });
}

export type ProcessOptions = { runnerDir: string; memoryMb: number };
export type RunOptions = Omit<ChildRunOptions, 'runnerDir' | 'memoryMb'>;

/**
 * One child process holding the learner's bundle. It serves runs one after the other; after a run that
 * ended normally (returned or threw) it can serve the next, which saves a process start. Anything else
 * (time-out, exit, memory, too many calls) kills it.
 */
export class LearnerProcess {
  private child: ChildProcess;
  private ready = false;
  private readyWaiters: (() => void)[] = [];
  private exited = false;
  private exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
  private output = { text: '', dropped: 0, max: 64 * 1024, received: 0 };
  private onOutput: (() => void) | undefined;
  private nextRun = 1;
  private messageListener: ((message: Record<string, unknown>) => void) | undefined;
  private exitCode: number | null = null;

  constructor(private readonly options: ProcessOptions, readonly isolated = permissionFlag() !== undefined) {
    this.child = forkChild(options.runnerDir, options.memoryMb, isolated);
    const capture = (chunk: Buffer) => {
      const room = this.output.max - this.output.text.length;
      if (room > 0) this.output.text += chunk.toString('utf8', 0, Math.min(chunk.length, room));
      this.output.dropped += Math.max(0, chunk.length - Math.max(room, 0));
      this.output.received += chunk.length;
      this.onOutput?.();
    };
    this.child.stdout?.on('data', capture);
    this.child.stderr?.on('data', capture);
    this.child.on('message', (raw: unknown) => {
      if (!raw || typeof raw !== 'object') return;
      const message = raw as Record<string, unknown>;
      if (message.type === 'ready') {
        this.ready = true;
        for (const wake of this.readyWaiters.splice(0)) wake();
        return;
      }
      this.messageListener?.(message);
    });
    this.child.on('error', () => this.onExit(null, null));
    this.child.on('exit', (code, signal) => this.onExit(code, signal));
    // An idle child between runs must not keep the test process alive; a run's own timer does meanwhile.
    this.child.unref();
    (this.child.channel as { unref?: () => void } | undefined)?.unref?.();
    (this.child.stdout as { unref?: () => void } | null)?.unref?.();
    (this.child.stderr as { unref?: () => void } | null)?.unref?.();
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** True when this Node refused the permission flags (exit 9, bad option) before the runner started. */
  get refusedFlags(): boolean {
    return this.exited && !this.ready && this.isolated && this.exitCode === 9;
  }

  private onExit(code: number | null, signal: string | null): void {
    if (this.exited) return;
    this.exited = true;
    this.exitCode = code;
    // Let the last output chunks arrive before anyone decides what the exit means.
    setTimeout(() => {
      for (const listener of this.exitListeners.splice(0)) listener(code, signal);
      for (const wake of this.readyWaiters.splice(0)) wake();
    }, 20);
  }

  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }

  run(options: RunOptions): Promise<ChildRunResult> {
    const started = Date.now();
    const runId = this.nextRun++;
    const methods = learnerMethods(options);
    const allowed = new Set(methods);
    const calls: CallRecord[] = [];
    this.output = { text: '', dropped: 0, max: options.maxOutputBytes, received: 0 };

    return new Promise((resolve) => {
      let loaded = false;
      let exportNames: string[] = [];
      let settled = false;

      const settle = (outcome: LearnerOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(memoryWatch);
        this.messageListener = undefined;
        this.exitListeners = [];
        const reusable = outcome.kind === 'returned' || (outcome.kind === 'threw' && !outcome.uncaught);
        if (!reusable) this.kill();
        const note = cutNote(this.output.dropped, currentLanguage());
        resolve({ outcome, calls, output: this.output.text + note, durationMs: Date.now() - started, isolated: this.isolated });
      };

      const timer = setTimeout(() => settle({ kind: 'timeout', limitMs: options.timeoutMs, loaded }), options.timeoutMs);
      const memoryWatch = setInterval(() => {
        const rss = this.child.pid ? residentMb(this.child.pid) : undefined;
        if (rss !== undefined && rss > this.options.memoryMb * 2 + 64) settle({ kind: 'out-of-memory', limitMb: this.options.memoryMb });
      }, 100);

      const onExit = (code: number | null, signal: string | null) => {
        if (/heap out of memory|Allocation failed/i.test(this.output.text)) settle({ kind: 'out-of-memory', limitMb: this.options.memoryMb });
        else settle({ kind: 'exited', code, signal, loaded });
      };
      // A reused child may have ended between runs (a timer of the last run calling process.exit...).
      if (this.exited) setTimeout(() => onExit(this.exitCode, null), 0);
      else this.exitListeners.push(onExit);

      const serve = async (message: Record<string, unknown>) => {
        const { id, method } = message;
        const args = Array.isArray(message.args) ? message.args : [];
        if (typeof id !== 'number' || typeof method !== 'string') return;
        if (calls.length >= options.maxCalls) {
          settle({ kind: 'too-many-calls', limit: options.maxCalls });
          return;
        }
        const record: CallRecord = { method, input: args[0] };
        calls.push(record);
        const reply = await serveCall(options, allowed, method, args, record);
        if (!settled && this.child.connected) this.child.send({ type: 'reply', id, ...reply });
      };

      this.messageListener = (message) => {
        if (settled || message.run !== runId) return;
        if (message.type === 'loaded') {
          loaded = true;
          exportNames = Array.isArray(message.exports) ? message.exports.map(String) : [];
        } else if (message.type === 'call') {
          void serve(message);
        } else if (message.type === 'done') {
          // The IPC message can overtake the last output chunks: wait for the bytes the child says it wrote.
          const expected = typeof message.outputBytes === 'number' ? message.outputBytes : 0;
          const outcome = doneOutcome(message, exportNames);
          const finish = () => {
            this.onOutput = undefined;
            clearTimeout(drainLimit);
            settle(outcome);
          };
          const drainLimit = setTimeout(finish, 300);
          this.onOutput = () => {
            if (this.output.received >= expected) finish();
          };
          this.onOutput();
        }
      };

      const start = () => {
        if (settled || this.exited) return;
        this.child.send({
          type: 'start',
          run: runId,
          bundleUrl: pathToFileURL(path.join(this.options.runnerDir, 'learner.mjs')).href,
          exportName: options.exportName,
          args: options.args,
          methods,
          words: learnerWords(currentLanguage()),
        });
      };
      if (this.ready) start();
      else this.readyWaiters.push(start);
    });
  }
}
