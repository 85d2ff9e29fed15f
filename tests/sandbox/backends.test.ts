import { describe, expect, it, vi } from 'vitest';
import { chooseBackend } from '../../src/sandbox/backends/choose.ts';
import { createLocalBackend, probeLocal } from '../../src/sandbox/backends/local.ts';
import { RunCancelled, type Backend } from '../../src/sandbox/backends/backend.ts';
import { RunQueue } from '../../src/sandbox/runs.ts';

const fakeBackend = (kind: Backend['kind']): Backend => ({ kind, run: async () => { throw new Error('unused'); } });
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('choosing a backend', () => {
  const options = { createPage: () => fakeBackend('page'), createLocal: () => fakeBackend('local') };

  it('uses the page runner wherever module workers exist, without asking the server', async () => {
    const probeLocal = vi.fn(async () => true);
    const choice = await chooseBackend({ ...options, supportsModuleWorkers: () => true, probeLocal });
    expect(choice.kind).toBe('page');
    expect(probeLocal).not.toHaveBeenCalled();
  });

  it('without module workers, sends runs to the course server when it grades', async () => {
    const choice = await chooseBackend({ ...options, supportsModuleWorkers: () => false, probeLocal: async () => true });
    expect(choice.kind).toBe('local');
  });

  it('says none when neither can run', async () => {
    const choice = await chooseBackend({ ...options, supportsModuleWorkers: () => false, probeLocal: async () => { throw new TypeError('offline'); } });
    expect(choice.kind).toBe('none');
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
      exercise: 'launch', files: { 'launch.ts': 'x' }, signal: new AbortController().signal, onOutput: () => {}, locale: 'pt-br',
    });
    expect(result.status).toBe('pass');
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/grade');
    expect(JSON.parse(init.body as string)).toEqual({ exerciseId: 'launch', files: { 'launch.ts': 'x' }, lang: 'pt-br' });
  });

  it('shows the server error message', async () => {
    const backend = createLocalBackend(async () => json({ error: 'Unknown exercise: nope' }, 404));
    await expect(backend.run({ exercise: 'nope', files: {}, locale: 'en', signal: new AbortController().signal, onOutput: () => {} }))
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
  const graded = {
    version: 3 as const, status: 'fail' as const, exercise: 'launch', points: 2, maxPoints: 3, durationMs: 1234,
    tests: [
      { id: 'a', name: 'a', status: 'pass' as const, test_code: '', points: 2, maxPoints: 2, output: 'hello' },
      { id: 'b', name: 'b', status: 'fail' as const, test_code: '', points: 0, maxPoints: 1, output: 'hello' },
    ],
  };
  it('prints one line per test, the code\'s console output once, and the score', async () => {
    const { transcript } = await import('../../src/sandbox/result.ts');
    const text = transcript(graded, 'en');
    expect(text).toContain('✓\u001b[39m a  (2/2)');
    expect(text).toContain('✗\u001b[39m b  (0/1)');
    expect(text.match(/hello/g)).toHaveLength(1);
    expect(text).toContain('── what your code printed ──');
    expect(text).toContain('2/3 points in 1.2 s');
    expect(text).not.toMatch(/[^\r]\n/);
  });
  it('speaks the page\'s language (pt-br)', async () => {
    const { transcript } = await import('../../src/sandbox/result.ts');
    const text = transcript(graded, 'pt-br');
    expect(text).toContain('── o que o seu código imprimiu ──');
    expect(text).toContain('2/3 pontos em 1.2 s');
  });
});
