import { describe, expect, it, vi } from 'vitest';
import { BootTimeout, createWebContainerBackend, type ReportConverter, type Workspace } from '../../src/sandbox/backends/webcontainer.ts';
import { RunCancelled } from '../../src/sandbox/backends/backend.ts';
import { FakeContainer, type ScriptedProcess, kitReport } from './fake-webcontainer.ts';

const workspace: Workspace = {
  exercise: 'launch',
  learnerDir: 's0/submission',
  testCommand: ['npx', 'vitest', 'run', '--config', 'vitest.config.mjs'],
  testEnv: { EC2LAB_RESULTS_FILE: '/home/ec2lab/results.jsonl' },
  resultsFile: 'results.jsonl',
  tree: {
    'package.json': { file: { contents: '{"name":"x"}' } },
    s0: { directory: { submission: { directory: { 'launch.ts': { file: { contents: '// starter' } } } } } },
  },
};

/** A converter that records what it was given and reports each line's tests (the real one is tested in kit-report.test.ts). */
const convert: ReportConverter = (exercise, report, run) => {
  const modules = (report ?? '').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { tests: { name: string; state: string }[] });
  const tests = modules.flatMap((m) => m.tests).map((t) => ({
    id: t.name, name: t.name, status: t.state === 'passed' ? ('pass' as const) : ('fail' as const), test_code: '', points: t.state === 'passed' ? 1 : 0, maxPoints: 1,
  }));
  const status = !report ? 'error' : tests.every((t) => t.status === 'pass') ? 'pass' : 'fail';
  return { version: 3, status, message: report ? undefined : `no report; printed: ${run.output}`, exercise, tests, points: 0, maxPoints: 0, durationMs: run.durationMs };
};

function passingScript(line: string): ScriptedProcess {
  if (line.startsWith('npm ci')) return { output: ['added 40 packages\n'] };
  if (line.startsWith('npx vitest')) {
    return {
      output: ['✓ launches one instance\n'],
      effect: (fs) => fs.set('results.jsonl', kitReport([{ name: 'launches one instance', state: 'passed' }])),
    };
  }
  throw new Error(`unexpected command ${line}`);
}

function makeBackend(container: FakeContainer, extra: { runTimeoutMs?: number } = {}) {
  const loadWorkspace = vi.fn(async () => workspace);
  const boot = vi.fn(async () => container);
  const backend = createWebContainerBackend({ boot, loadWorkspace, convertReport: convert, bootTimeoutMs: 1000, ...extra });
  return { backend, boot, loadWorkspace };
}

function run(backend: ReturnType<typeof makeBackend>['backend'], files = { 'launch.ts': 'export {}' }, signal = new AbortController().signal) {
  const output: string[] = [];
  return backend.run({ exercise: 'launch', files, locale: 'en', signal, onOutput: (t) => output.push(t) }).then((result) => ({ result, output: output.join('') }));
}

describe('WebContainer backend (against a fake @webcontainer/api)', () => {
  it('mounts the tree and installs once, then writes the learner files and reads the results file each run', async () => {
    const container = new FakeContainer(passingScript);
    const { backend, boot, loadWorkspace } = makeBackend(container);

    const first = await run(backend, { 'launch.ts': 'export const first = 1;' });
    const second = await run(backend, { 'launch.ts': 'export const second = 2;' });

    expect(first.result.status).toBe('pass');
    expect(first.result.tests.map((t) => t.name)).toEqual(['launches one instance']);
    expect(first.output).toContain('✓ launches one instance');
    expect(second.result.status).toBe('pass');
    expect(boot).toHaveBeenCalledTimes(1);
    expect(loadWorkspace).toHaveBeenCalledTimes(1);
    expect(container.mounted).toHaveLength(1);
    expect(container.spawned.filter((s) => s.command === 'npm')).toHaveLength(1);
    expect(container.files.get('s0/submission/launch.ts')).toBe('export const second = 2;');
    const tests = container.spawned.filter((s) => s.command === 'npx');
    expect(tests).toHaveLength(2);
    expect(tests[0].args).toEqual(['vitest', 'run', '--config', 'vitest.config.mjs']);
    // The run's language reaches the tests (titles and messages) through EC2LAB_LANG.
    expect(tests[0].env).toEqual({ EC2LAB_RESULTS_FILE: '/home/ec2lab/results.jsonl', EC2LAB_LANG: 'en' });
  });

  it('passes failures through the converter', async () => {
    const container = new FakeContainer((line) => line.startsWith('npm ci') ? {} : {
      exitCode: 1,
      effect: (fs) => fs.set('results.jsonl', kitReport([{ name: 'launches one instance', state: 'failed', error: 'expected 0 to be 1' }])),
    });
    const { result } = await run(makeBackend(container).backend);
    expect(result.status).toBe('fail');
  });

  it('does not trust a stale results file: a crashed vitest gives an error with what it printed', async () => {
    const container = new FakeContainer((line) => (line.startsWith('npm ci') ? {} : { output: ['SyntaxError: Unexpected token\n'], exitCode: 1 }));
    container.files.set('results.jsonl', kitReport([{ name: 'launches one instance', state: 'passed' }]));
    const { result } = await run(makeBackend(container).backend);
    expect(result.status).toBe('error');
    expect(result.message).toContain('SyntaxError');
  });

  it('gives up on a boot that never settles after its own timeout', async () => {
    vi.useFakeTimers();
    try {
      const backend = createWebContainerBackend({
        boot: () => new Promise(() => {}),
        loadWorkspace: async () => workspace,
        convertReport: convert,
        bootTimeoutMs: 7000,
      });
      const started = backend.start();
      const outcome = expect(started).rejects.toBeInstanceOf(BootTimeout);
      await vi.advanceTimersByTimeAsync(6999);
      expect(backend.state().status).toBe('booting');
      await vi.advanceTimersByTimeAsync(1);
      await outcome;
      expect(backend.state()).toMatchObject({ status: 'failed', reason: 'timeout' });
      // A run after the timeout fails at once instead of waiting again.
      await expect(run(backend)).rejects.toBeInstanceOf(BootTimeout);
    } finally {
      vi.useRealTimers();
    }
  });

  it('can still use a boot that finishes after the timeout (a slow network)', async () => {
    vi.useFakeTimers();
    try {
      const container = new FakeContainer(passingScript);
      const backend = createWebContainerBackend({
        boot: () => new Promise((resolve) => setTimeout(() => resolve(container), 9000)),
        loadWorkspace: async () => workspace,
        convertReport: convert,
        bootTimeoutMs: 7000,
      });
      const started = expect(backend.start()).rejects.toBeInstanceOf(BootTimeout);
      await vi.advanceTimersByTimeAsync(7000);
      await started;
      const late = backend.bootedLate();
      await vi.advanceTimersByTimeAsync(2000);
      await late;
      expect(backend.state().status).toBe('ready');
      vi.useRealTimers();
      expect((await run(backend)).result.status).toBe('pass');
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a boot that throws as failed, with its message', async () => {
    const backend = createWebContainerBackend({
      boot: async () => { throw new Error('WebContainer is not supported in this browser'); },
      loadWorkspace: async () => workspace,
      convertReport: convert,
      bootTimeoutMs: 1000,
    });
    await expect(backend.start()).rejects.toThrow('not supported');
    expect(backend.state()).toMatchObject({ status: 'failed', reason: 'error' });
  });

  it('kills the test process when the run is cancelled', async () => {
    const container = new FakeContainer((line) => (line.startsWith('npm ci') ? {} : { hang: true }));
    const { backend } = makeBackend(container);
    const controller = new AbortController();
    const pending = run(backend, { 'launch.ts': '' }, controller.signal);
    await vi.waitFor(() => expect(container.spawned.some((s) => s.command === 'npx')).toBe(true));
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(RunCancelled);
    expect(container.killed).toBe(1);
  });

  it('stops a run that exceeds the time limit and says so', async () => {
    const container = new FakeContainer((line) => (line.startsWith('npm ci') ? {} : { hang: true }));
    await expect(run(makeBackend(container, { runTimeoutMs: 50 }).backend)).rejects.toThrow(/longer than/);
    expect(container.killed).toBe(1);
  });

  it('retries the install on the next run when it failed', async () => {
    let installs = 0;
    const container = new FakeContainer((line) => (line.startsWith('npm ci') ? { exitCode: ++installs === 1 ? 1 : 0 } : passingScript(line)));
    const { backend } = makeBackend(container);
    await expect(run(backend)).rejects.toThrow('npm ci exited with code 1');
    const { result } = await run(backend);
    expect(result.status).toBe('pass');
    expect(installs).toBe(2);
  });
});
