// Runs test files in the grader's vitest daemon (the child script vitest-daemon-child.mjs) with a time limit, and reads the results
// the kit's reporter appended to a JSON-lines file (never vitest's console output, which learner code could
// imitate). The daemon is started on first use and kept warm; at a time limit it is killed with its whole
// process group (workers and learners' children) and a fresh one starts on the next run.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportedModule } from '../../exercises/_kit/reporter.ts';
import { parseResultsFile } from '../../exercises/_kit/results-file.ts';

export type { ReportedModule } from '../../exercises/_kit/reporter.ts';

export interface VitestRun {
  modules: ReportedModule[];
  timedOut: boolean;
  crashed?: string; // why the daemon ended or failed during the run
  output: string; // the daemon's own output (capped), for diagnosing a crash
  durationMs: number;
}

const daemonScript = fileURLToPath(new URL('./vitest-daemon-child.mjs', import.meta.url));
const STARTUP_LIMIT_MS = 60_000;

/** Our environment minus what an outer vitest (the grader's own tests) sets, which would confuse the daemon. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(VITEST|TEST$|NODE_ENV$|EC2LAB_RESULTS_FILE$)/.test(key)) env[key] = value;
  }
  return { ...env, FORCE_COLOR: '0', NO_COLOR: '1', CI: '1' };
}

function readResults(file: string): ReportedModule[] {
  return existsSync(file) ? parseResultsFile(readFileSync(file, 'utf8')) : [];
}

/** Kills a daemon with its whole process group (vitest, its workers and the learners' children). */
function killGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

export class VitestDaemon {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private output = '';
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  runs = 0;

  constructor(private readonly configFile: string, private readonly memoryMb = 1024) {}

  private start(): Promise<void> {
    this.output = '';
    const child = fork(daemonScript, [this.configFile], {
      cwd: path.dirname(this.configFile),
      execArgv: [`--max-old-space-size=${this.memoryMb}`],
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      detached: true, // its own process group: a time-out kills vitest, its workers and the learners' children
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      if (this.output.length < 20_000) this.output += chunk.toString('utf8');
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    // An idle daemon must not keep a command-line process alive; a run's own timer does meanwhile.
    child.unref();
    (child.channel as { unref?: () => void } | undefined)?.unref?.();
    (child.stdout as { unref?: () => void } | null)?.unref?.();
    (child.stderr as { unref?: () => void } | null)?.unref?.();
    child.once('exit', () => {
      if (this.child === child) {
        this.child = undefined;
        this.ready = undefined;
      }
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`vitest did not start within ${STARTUP_LIMIT_MS / 1000} s:\n${this.output}`)), STARTUP_LIMIT_MS);
      child.on('message', (m: { type?: string }) => {
        if (m?.type === 'ready') {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`vitest exited (code ${code}) while starting:\n${this.output.slice(-2000)}`));
      });
    });
  }

  /** Kills the daemon with its whole process group. */
  kill(): void {
    const child = this.child;
    this.child = undefined;
    this.ready = undefined;
    if (child) killGroup(child);
  }

  /** Ends the daemon politely (it closes vitest), then for sure after 2 s; resolves once it is gone. */
  close(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    this.ready = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const force = setTimeout(() => killGroup(child), 2_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      if (child.connected) child.disconnect();
      else child.kill('SIGKILL');
    });
  }

  /** Runs the files (one run at a time: runs queue up) and returns what the reporter wrote. */
  run(options: { files: string[]; resultsFile: string; timeoutMs: number }): Promise<VitestRun> {
    const next = this.queue.then(() => this.runNow(options));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(options: { files: string[]; resultsFile: string; timeoutMs: number }): Promise<VitestRun> {
    const started = Date.now();
    try {
      this.ready ??= this.start();
      await this.ready;
    } catch (error) {
      this.kill();
      return { modules: [], timedOut: false, crashed: String((error as Error).message), output: this.output, durationMs: Date.now() - started };
    }
    const child = this.child!;
    const id = this.nextId++;
    this.runs++;
    const outcome = await new Promise<{ timedOut: boolean; crashed?: string }>((resolve) => {
      const timer = setTimeout(() => {
        this.kill();
        resolve({ timedOut: true });
      }, options.timeoutMs);
      const onMessage = (m: { type?: string; id?: number; error?: string }) => {
        if (m?.type !== 'done' || m.id !== id) return;
        finish(m.error ? { timedOut: false, crashed: m.error } : { timedOut: false });
      };
      const onExit = (code: number | null, signal: string | null) => finish({ timedOut: false, crashed: `vitest ended during the run (${signal ?? `exit code ${code}`})` });
      const finish = (result: { timedOut: boolean; crashed?: string }) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(result);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ type: 'run', id, files: options.files, resultsFile: options.resultsFile });
    });
    return { modules: readResults(options.resultsFile), ...outcome, output: this.output, durationMs: Date.now() - started };
  }
}
