import { describe, expect, it, vi } from 'vitest';
import {
  BootTimeout,
  RESULTS_FILE,
  createWebContainerBackend,
  type Workspace,
} from '../../src/sandbox/backends/webcontainer.ts';
import { RunCancelled } from '../../src/sandbox/backends/backend.ts';
import { FakeContainer, type ScriptedProcess, vitestReport } from './fake-webcontainer.ts';

const workspace: Workspace = {
  exercise: 'launch',
  learnerDir: 'exercise',
  points: { 'launches one instance': 2, 'tags it': 1 },
  tree: {
    'package.json': { file: { contents: '{"name":"x"}' } },
    exercise: { directory: { 'launch.ts': { file: { contents: '// starter' } } } },
  },
};

function passingScript(line: string): ScriptedProcess {
  if (line.startsWith('npm ci')) return { output: ['added 40 packages\n'] };
  if (line.startsWith('npx vitest')) {
    return {
      output: ['✓ launches one instance\n'],
      exitCode: 0,
      effect: (fs) => fs.set(RESULTS_FILE, vitestReport([
        { title: 'launches one instance', status: 'passed' },
        { title: 'tags it', status: 'passed' },
      ])),
    };
  }
  throw new Error(`unexpected command ${line}`);
}

function makeBackend(container: FakeContainer, bootTimeoutMs = 1000) {
  const loadWorkspace = vi.fn(async () => workspace);
  const boot = vi.fn(async () => container);
  const backend = createWebContainerBackend({ boot, loadWorkspace, bootTimeoutMs });
  return { backend, boot, loadWorkspace };
}

const run = (backend: ReturnType<typeof makeBackend>['backend'], files = { 'launch.ts': 'export {}' }, signal = new AbortController().signal) => {
  const output: string[] = [];
  return backend
    .run({ exercise: 'launch', files, signal, onOutput: (t) => output.push(t) })
    .then((result) => ({ result, output: output.join('') }));
};

describe('WebContainer backend', () => {
  it('mounts the tree, installs once, writes the learner files and reads the results file', async () => {
    const container = new FakeContainer(passingScript);
    const { backend, boot, loadWorkspace } = makeBackend(container);

    const first = await run(backend, { 'launch.ts': 'export const first = 1;' });
    const second = await run(backend, { 'launch.ts': 'export const second = 2;' });

    expect(first.result.status).toBe('pass');
    expect(first.result.tests.map((t) => [t.name, t.points, t.maxPoints])).toEqual([
      ['launches one instance', 2, 2],
      ['tags it', 1, 1],
    ]);
    expect(first.output).toContain('✓ launches one instance');
    expect(second.result.points).toBe(3);
    expect(boot).toHaveBeenCalledTimes(1);
    expect(loadWorkspace).toHaveBeenCalledTimes(1);
    expect(container.mounted).toHaveLength(1);
    expect(container.spawned.filter((s) => s.command === 'npm')).toHaveLength(1);
    expect(container.files.get('exercise/launch.ts')).toBe('export const second = 2;');
    const vitestArgs = container.spawned.find((s) => s.command === 'npx')!.args;
    expect(vitestArgs).toContain(`--outputFile.json=${RESULTS_FILE}`);
  });

  it('reports failures with their messages and zero points for them', async () => {
    const container = new FakeContainer((line) => {
      if (line.startsWith('npm ci')) return {};
      return {
        exitCode: 1,
        effect: (fs) => fs.set(RESULTS_FILE, vitestReport([
          { title: 'launches one instance', status: 'failed', failure: 'AssertionError: expected 0 to be 1\n    at launch.test.ts:4:5' },
          { title: 'tags it', status: 'passed' },
        ])),
      };
    });
    const { backend } = makeBackend(container);
    const { result } = await run(backend);
    expect(result.status).toBe('fail');
    expect(result.points).toBe(1);
    expect(result.maxPoints).toBe(3);
    expect(result.tests[0].message).toBe('AssertionError: expected 0 to be 1');
  });

  it('does not trust a stale results file: a vitest crash gives an error result', async () => {
    const container = new FakeContainer((line) => {
      if (line.startsWith('npm ci')) return {};
      return { output: ['SyntaxError: Unexpected token\n'], exitCode: 1 };
    });
    container.files.set(RESULTS_FILE, vitestReport([{ title: 'launches one instance', status: 'passed' }]));
    const { backend } = makeBackend(container);
    const { result } = await run(backend);
    expect(result.status).toBe('error');
    expect(result.message).toContain('SyntaxError');
  });

  it('gives up on a boot that never settles after its own timeout', async () => {
    vi.useFakeTimers();
    try {
      const backend = createWebContainerBackend({
        boot: () => new Promise(() => {}),
        loadWorkspace: async () => workspace,
        bootTimeoutMs: 7000,
      });
      const started = backend.start();
      const outcome = expect(started).rejects.toBeInstanceOf(BootTimeout);
      await vi.advanceTimersByTimeAsync(6999);
      expect(backend.state().status).toBe('booting');
      await vi.advanceTimersByTimeAsync(1);
      await outcome;
      expect(backend.state()).toMatchObject({ status: 'failed', reason: 'timeout' });
      // A run after the timeout fails fast instead of waiting again.
      await expect(run(backend)).rejects.toBeInstanceOf(BootTimeout);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a boot that throws as failed with its message', async () => {
    const backend = createWebContainerBackend({
      boot: async () => { throw new Error('WebContainer is not supported in this browser'); },
      loadWorkspace: async () => workspace,
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
    const backend = createWebContainerBackend({
      boot: async () => container,
      loadWorkspace: async () => workspace,
      bootTimeoutMs: 1000,
      runTimeoutMs: 50,
    });
    await expect(run(backend)).rejects.toThrow(/longer than/);
    expect(container.killed).toBe(1);
  });

  it('retries the install on the next run when it failed', async () => {
    let installs = 0;
    const container = new FakeContainer((line) => {
      if (line.startsWith('npm ci')) return { exitCode: ++installs === 1 ? 1 : 0 };
      return passingScript(line);
    });
    const { backend } = makeBackend(container);
    await expect(run(backend)).rejects.toThrow('npm ci exited with code 1');
    const { result } = await run(backend);
    expect(result.status).toBe('pass');
    expect(installs).toBe(2);
  });
});
