import { describe, expect, it, vi } from 'vitest';
import { chooseBackend } from '../../src/sandbox/backends/choose.ts';
import { createLocalBackend, probeLocal } from '../../src/sandbox/backends/local.ts';
import { RunCancelled, type Backend } from '../../src/sandbox/backends/backend.ts';
import { RunQueue } from '../../src/sandbox/runs.ts';

const fakeBackend = (kind: Backend['kind']): Backend => ({ kind, run: async () => { throw new Error('unused'); } });
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('choosing a backend', () => {
  const options = { createLocal: () => fakeBackend('local'), localGraceMs: 5000 };

  it('uses the WebContainer when it starts', async () => {
    const choice = await chooseBackend({ ...options, startWebContainer: async () => fakeBackend('webcontainer'), probeLocal: async () => true });
    expect(choice.kind).toBe('webcontainer');
  });

  it('falls back to the local server when the WebContainer fails', async () => {
    const choice = await chooseBackend({
      ...options,
      startWebContainer: async () => { throw new Error('WebContainer is not supported'); },
      probeLocal: async () => true,
    });
    expect(choice).toMatchObject({ kind: 'local', webcontainerProblem: 'WebContainer is not supported' });
  });

  it('with a local server, stops waiting for a boot that never settles after the grace period', async () => {
    vi.useFakeTimers();
    try {
      let settled = false;
      const choosing = chooseBackend({ ...options, startWebContainer: () => new Promise(() => {}), probeLocal: async () => true })
        .finally(() => { settled = true; });
      await vi.advanceTimersByTimeAsync(4999);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await choosing).toMatchObject({ kind: 'local', webcontainerProblem: 'WebContainer did not start within 5 s' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('without a local server, waits for the WebContainer past the grace period (it is the only way to run)', async () => {
    vi.useFakeTimers();
    try {
      const choosing = chooseBackend({
        ...options,
        startWebContainer: () => new Promise((resolve) => setTimeout(() => resolve(fakeBackend('webcontainer')), 12_000)),
        probeLocal: async () => false,
      });
      await vi.advanceTimersByTimeAsync(12_000);
      expect((await choosing).kind).toBe('webcontainer');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says none when neither can run', async () => {
    const choice = await chooseBackend({ ...options, startWebContainer: async () => { throw new Error('offline'); }, probeLocal: async () => false });
    expect(choice).toMatchObject({ kind: 'none', webcontainerProblem: 'offline' });
  });
});

describe('local backend', () => {
  it('probes the endpoint and recognises only the grading server', async () => {
    expect(await probeLocal(async () => json({ grading: true, method: 'POST' }))).toBe(true);
    expect(await probeLocal(async () => new Response('not found', { status: 404 }))).toBe(false);
    expect(await probeLocal(async () => new Response('<html>index</html>', { status: 200 }))).toBe(false);
    expect(await probeLocal(async () => { throw new TypeError('offline'); })).toBe(false);
  });

  it('posts the files and returns the parsed result', async () => {
    const fetchImpl = vi.fn(async () => json({ version: 3, status: 'pass', exercise: 'launch', tests: [], points: 0, maxPoints: 0, durationMs: 5 }));
    const result = await createLocalBackend(fetchImpl).run({
      exercise: 'launch', files: { 'launch.ts': 'x' }, signal: new AbortController().signal, onOutput: () => {},
    });
    expect(result.status).toBe('pass');
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/grade');
    expect(JSON.parse(init.body as string)).toEqual({ exerciseId: 'launch', files: { 'launch.ts': 'x' } });
  });

  it('shows the server error message', async () => {
    const backend = createLocalBackend(async () => json({ error: 'Unknown exercise: nope' }, 404));
    await expect(backend.run({ exercise: 'nope', files: {}, signal: new AbortController().signal, onOutput: () => {} }))
      .rejects.toThrow('Unknown exercise: nope');
  });
});

describe('run queue', () => {
  it('a new run cancels the running one and only the newest result counts', async () => {
    const queue = new RunQueue();
    let firstSignal: AbortSignal | undefined;
    const first = queue.start((signal) => {
      firstSignal = signal;
      return new Promise<string>((_, reject) => signal.addEventListener('abort', () => reject(new RunCancelled())));
    });
    const second = queue.start(async () => 'second');
    expect(await first).toBeUndefined();
    expect(firstSignal?.aborted).toBe(true);
    expect(await second).toBe('second');
    expect(queue.running).toBe(false);
  });

  it('passes real errors through', async () => {
    await expect(new RunQueue().start(async () => { throw new Error('server down'); })).rejects.toThrow('server down');
  });
});

describe('local backend output', () => {
  it('prints one line per test, the code\'s console output once, and the score', async () => {
    const { transcript } = await import('../../src/sandbox/result.ts');
    const text = transcript({
      version: 3, status: 'fail', exercise: 'launch', points: 2, maxPoints: 3, durationMs: 1234,
      tests: [
        { name: 'a', status: 'pass', test_code: '', points: 2, maxPoints: 2, output: 'hello' },
        { name: 'b', status: 'fail', test_code: '', points: 0, maxPoints: 1, output: 'hello' },
      ],
    });
    expect(text).toContain('✓\u001b[39m a  (2/2)');
    expect(text).toContain('✗\u001b[39m b  (0/1)');
    expect(text.match(/hello/g)).toHaveLength(1);
    expect(text).toContain('2/3 points in 1.2 s');
    expect(text).not.toMatch(/[^\r]\n/);
  });
});
