// The WebContainer (Node in the browser, from @webcontainer/api): where it boots, the sandbox's terminal tab
// (openShell: a shell in the exercise's workspace, where `npm test` prints vitest's own output and the
// learner runs their own scripts against the model). Run never waits for it: the page runner grades.
// It can still run the exercise's tests and read the kit's results file back (run), as the grader does.
// Why a timeout of our own: WebContainer.boot() never settles when stackblitz.com is unreachable (offline,
// firewall, this build machine), and the learner must not wait forever for a fallback.
// The container boots once per page; the workspace is mounted and `npm ci` runs once; each run then writes
// the learner's files and runs vitest with the grader's own config and reporter, which writes the results to
// a file that we read back through fs (the process output stream merges stdout and stderr, so it cannot
// carry the results; and learner code could print anything there).
import type { FileSystemTree } from '@webcontainer/api';
import { type GradeResult, transcript } from '../result.ts';
import { type Backend, type RunRequest, RunCancelled, throwIfAborted } from './backend.ts';
import type { Locale } from '../../i18n/locales.ts';

/** The slice of @webcontainer/api we use, so unit tests can pass a fake. */
export interface ContainerProcess {
  output: ReadableStream<string>;
  exit: Promise<number>;
  kill(): void;
  /** What is typed into the process (a shell started with a terminal). */
  input?: WritableStream<string>;
}
export interface Container {
  mount(tree: FileSystemTree): Promise<void>;
  spawn(
    command: string,
    args: string[],
    options?: { cwd?: string; env?: Record<string, string | number | boolean>; terminal?: { cols: number; rows: number } },
  ): Promise<ContainerProcess>;
  fs: {
    readFile(path: string, encoding: 'utf-8'): Promise<string>;
    writeFile(path: string, data: string): Promise<void>;
    rm(path: string, options?: { force?: boolean; recursive?: boolean }): Promise<void>;
  };
}
type BootContainer = () => Promise<Container>;

/** Everything the container needs for one exercise, produced at build time (see src/sandbox/exercise-data.ts). */
export interface Workspace {
  exercise: string;
  /** package.json, lockfile, vitest config, model sources, the exercise's tests and starter. */
  tree: FileSystemTree;
  /** Folder (relative to the workspace root) where the learner's files go. */
  learnerDir: string;
  /** The command that runs the tests, e.g. ['npx', 'vitest', 'run', '--config', 'vitest.config.mjs']. */
  testCommand: string[];
  /** Environment of the test command (tells the reporter where to write). */
  testEnv: Record<string, string>;
  /** Where the reporter writes its results (relative to the workspace root). */
  resultsFile: string;
}

/** Turns the results file's text (undefined when the run wrote none) into a GradeResult. */
export type ReportConverter = (exercise: string, report: string | undefined, run: { durationMs: number; output: string; locale: Locale }) => GradeResult;

type BootState =
  | { status: 'idle' }
  | { status: 'booting' }
  | { status: 'ready'; container: Container }
  | { status: 'failed'; reason: 'unsupported' | 'timeout' | 'error'; message: string };

export class BootTimeout extends Error {
  constructor(ms: number) {
    super(`WebContainer did not start within ${ms} ms`);
    this.name = 'BootTimeout';
  }
}

/** Races a promise against a timer; the timer is cleared either way so nothing lingers. */
function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Collects a process's output stream, forwarding each chunk as it arrives. */
async function pipeOutput(stream: ReadableStream<string>, onChunk: (text: string) => void): Promise<string> {
  let all = '';
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return all;
    all += value;
    onChunk(value);
  }
}

/** Runs a process to its end; kills it when the signal aborts or the time limit passes. */
async function runProcess(
  container: Container,
  command: string,
  args: string[],
  { signal, onOutput, timeoutMs, env }: { signal: AbortSignal; onOutput: (text: string) => void; timeoutMs: number; env?: Record<string, string> },
): Promise<{ exitCode: number; output: string }> {
  throwIfAborted(signal);
  const proc = await container.spawn(command, args, env ? { env } : undefined);
  const onAbort = () => proc.kill();
  signal.addEventListener('abort', onAbort, { once: true });
  const outputDone = pipeOutput(proc.output, onOutput).catch(() => '');
  try {
    const exitCode = await withTimeout(proc.exit, timeoutMs, () =>
      new Error(`${command} ${args.join(' ')} took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`),
    ).catch((error: unknown) => {
      proc.kill();
      throw error;
    });
    throwIfAborted(signal);
    // The stream may end a moment after exit; do not wait on it forever.
    const output = await withTimeout(outputDone, 1000, () => new Error('output stream did not close')).catch(() => '');
    return { exitCode, output };
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** The terminal the shell talks to (an xterm.js Terminal has this shape). */
export interface ShellTerminal {
  cols: number;
  rows: number;
  write(text: string): void;
  onData(listener: (data: string) => void): { dispose(): void };
}

export interface WebContainerBackendOptions {
  boot: BootContainer;
  /** Fetches the exercise's workspace (only once the container is up: the tree is large). */
  loadWorkspace: (exercise: string) => Promise<Workspace>;
  convertReport: ReportConverter;
  bootTimeoutMs: number;
  installTimeoutMs?: number;
  runTimeoutMs?: number;
  /** For the output panel while installing (before any run). */
  onOutput?: (text: string) => void;
  now?: () => number;
}

/** Why a WebContainer cannot start on this page at all, or undefined when it may try. */
function unsupportedReason(): string | undefined {
  if ('crossOriginIsolated' in globalThis && !globalThis.crossOriginIsolated) return 'this page is not cross-origin isolated';
  return typeof navigator !== 'undefined' && navigator.onLine === false ? 'the browser is offline' : undefined;
}

/** Boots the container once, raced against our timeout, and remembers how it went. */
function createBooter(bootContainer: BootContainer, timeoutMs: number) {
  let state: BootState = { status: 'idle' };
  let booting: Promise<Container> | undefined;
  /** The boot itself, without our timeout: on a slow network it may still finish after we gave up. */
  let rawBoot: Promise<Container> | undefined;

  function boot(): Promise<Container> {
    if (booting) return booting;
    const unsupported = unsupportedReason();
    if (unsupported) {
      state = { status: 'failed', reason: 'unsupported', message: unsupported };
      booting = Promise.reject(new Error(unsupported));
      booting.catch(() => {});
      return booting;
    }
    state = { status: 'booting' };
    rawBoot = bootContainer();
    rawBoot.catch(() => {});
    booting = withTimeout(rawBoot, timeoutMs, () => new BootTimeout(timeoutMs)).then(
      (container) => {
        state = { status: 'ready', container };
        return container;
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        state = { status: 'failed', reason: error instanceof BootTimeout ? 'timeout' : 'error', message };
        throw error;
      },
    );
    return booting;
  }

  /** Resolves if a boot that timed out finishes after all; from then on runs can use the container. */
  async function bootedLate(): Promise<void> {
    if (!rawBoot) throw new Error('the WebContainer was never started');
    const container = await rawBoot;
    state = { status: 'ready', container };
    booting = Promise.resolve(container);
  }

  return { boot, bootedLate, state: (): BootState => state };
}

type Prepare = (container: Container, exercise: string, signal: AbortSignal, onOutput: (t: string) => void) => Promise<Workspace>;

/** Mounts an exercise's tree and installs dependencies; both once (the lockfile is shared by all exercises). */
function createPreparer(loadWorkspace: WebContainerBackendOptions['loadWorkspace'], installTimeoutMs: number): Prepare {
  const prepared = new Map<string, Promise<Workspace>>();
  let installed: Promise<void> | undefined;

  return (container, exercise, signal, onOutput) => {
    let ready = prepared.get(exercise);
    if (!ready) {
      ready = (async () => {
        const workspace = await loadWorkspace(exercise);
        await container.mount(workspace.tree);
        installed ??= runProcess(container, 'npm', ['ci', '--no-audit', '--no-fund'], {
          signal: new AbortController().signal, // an install is shared by later runs: a cancelled run does not stop it
          onOutput,
          timeoutMs: installTimeoutMs,
        }).then(({ exitCode }) => {
          if (exitCode !== 0) throw new Error(`npm ci exited with code ${exitCode}`);
        });
        await installed;
        return workspace;
      })();
      prepared.set(exercise, ready);
      // A failed preparation may be retried by the next run.
      ready.catch(() => {
        prepared.delete(exercise);
        installed = undefined;
      });
    }
    throwIfAborted(signal);
    return ready;
  };
}

async function writeLearnerFiles(container: Container, workspace: Workspace, files: Record<string, string>): Promise<void> {
  const dir = workspace.learnerDir ? `${workspace.learnerDir.replace(/\/$/, '')}/` : '';
  for (const [name, content] of Object.entries(files)) await container.fs.writeFile(`${dir}${name}`, content);
}

/** The results file's text, or undefined when vitest crashed before writing it (the converter reports that). */
async function readReport(container: Container, path: string): Promise<string | undefined> {
  try {
    return await container.fs.readFile(path, 'utf-8');
  } catch {
    return undefined;
  }
}

/**
 * A shell (jsh) in a prepared workspace, wired both ways to `terminal`. EC2LAB_LANG is the page's locale,
 * so the `npm test` typed there names the tests and explains failures in the learner's language.
 */
async function spawnShell(container: Container, terminal: ShellTerminal, locale: Locale): Promise<ContainerProcess> {
  const shell = await container.spawn('jsh', [], { terminal: { cols: terminal.cols, rows: terminal.rows }, env: { EC2LAB_LANG: locale } });
  void pipeOutput(shell.output, (text) => terminal.write(text)).catch(() => '');
  const writer = shell.input?.getWriter();
  const typing = terminal.onData((data) => void writer?.write(data));
  void shell.exit.finally(() => typing.dispose());
  return shell;
}

/**
 * The WebContainer backend. `start()` boots (once) and prepares the workspace (once); it rejects when the
 * container cannot start in time, which is the sandbox's cue to fall back to the local backend.
 */
export function createWebContainerBackend(options: WebContainerBackendOptions) {
  const now = options.now ?? (() => Date.now());
  const { boot, bootedLate, state } = createBooter(options.boot, options.bootTimeoutMs);
  const prepare = createPreparer(options.loadWorkspace, options.installTimeoutMs ?? 180_000);

  const backend: Backend & {
    start(): Promise<void>;
    state(): BootState;
    bootedLate(): Promise<void>;
    openShell(exercise: string, files: Record<string, string>, terminal: ShellTerminal, locale: Locale): Promise<ContainerProcess>;
  } = {
    kind: 'webcontainer',
    state,
    async start() {
      await boot();
    },
    bootedLate,
    /**
     * A shell (jsh) in the exercise's workspace holding the learner's files, wired to `terminal`: the
     * learner types `npm test` (vitest's own output, test names and messages in `locale`) or `node <file>`.
     * Boots and installs first if needed.
     */
    async openShell(exercise, files, terminal, locale) {
      const container = await boot();
      const workspace = await prepare(container, exercise, new AbortController().signal, (text) => terminal.write(text));
      await writeLearnerFiles(container, workspace, files);
      return spawnShell(container, terminal, locale);
    },
    async run(request: RunRequest): Promise<GradeResult> {
      const started = now();
      const container = await boot();
      const workspace = await prepare(container, request.exercise, request.signal, request.onOutput);
      throwIfAborted(request.signal);
      await writeLearnerFiles(container, workspace, request.files);
      await container.fs.rm(workspace.resultsFile, { force: true });
      const [command, ...args] = workspace.testCommand;
      const { output } = await runProcess(container, command, args, {
        signal: request.signal,
        onOutput: request.onOutput,
        timeoutMs: options.runTimeoutMs ?? 90_000,
        env: { ...workspace.testEnv, EC2LAB_LANG: request.locale },
      });
      const report = await readReport(container, workspace.resultsFile);
      if (request.signal.aborted) throw new RunCancelled();
      const result = options.convertReport(request.exercise, report, { durationMs: now() - started, output, locale: request.locale });
      request.onOutput(`\r\n${transcript(result, request.locale)}`);
      return result;
    },
  };
  return backend;
}

export type WebContainerBackend = ReturnType<typeof createWebContainerBackend>;
