// POST /api/grade over real HTTP (createApp from the site's server), with a stand-in grader so the rules
// of the endpoint are tested quickly; tests/browser/sandbox.test.ts grades for real through the browser.
import { mkdtempSync, rmSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { createGradeRoutes, GradingQueue, MAX_BODY_BYTES } from '../../src/server/grade-endpoint.ts';
import type { GradeResult } from '../../src/grader/index.ts';

const graded: { exerciseId: string; files: Record<string, string>; lang?: string }[] = [];
let release: (() => void) | undefined;
let warmUps = 0;

async function fakeGrade(input: { exerciseId: string; files: Record<string, string>; lang?: string }): Promise<GradeResult> {
  graded.push(input);
  if (input.files['launch.ts'] === 'slow') await new Promise<void>((resolve) => (release = resolve));
  return { version: 3, status: 'pass', exercise: input.exerciseId, tests: [], points: 0, maxPoints: 0, durationMs: 1 };
}

let server: Server;
let port = 0;
const distDir = mkdtempSync(path.join(tmpdir(), 'ec2lab-grade-'));

beforeAll(async () => {
  server = createApp({ distDir, routes: createGradeRoutes({ grade: fakeGrade, warmUp: async () => void warmUps++, exerciseIds: () => ['launch'], concurrency: 1, maxWaiting: 1, allowRemote: false, allowedHosts: [] }) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => {
  server.close();
  rmSync(distDir, { recursive: true, force: true });
});

function post(body: string | Buffer, headers: Record<string, string> = {}): Promise<{ status: number; body: { error?: string; status?: string }; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/grade', method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as { error?: string; status?: string }) : {}, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const submission = JSON.stringify({ exerciseId: 'launch', files: { 'launch.ts': 'export {}' } });

describe('POST /api/grade', () => {
  it('grades a same-origin submission', async () => {
    const response = await post(submission, { origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('pass');
    expect(graded.at(-1)).toEqual({ exerciseId: 'launch', files: { 'launch.ts': 'export {}' } });
    expect(response.headers['cross-origin-embedder-policy']).toBe('require-corp');
  });

  it('hands the page\'s language to the grader, and refuses one the course does not have', async () => {
    const same = { origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' };
    const response = await post(JSON.stringify({ exerciseId: 'launch', files: { 'launch.ts': 'export {}' }, lang: 'es' }), same);
    expect(response.status).toBe(200);
    expect(graded.at(-1)?.lang).toBe('es');
    const before = graded.length;
    const bad = await post(JSON.stringify({ exerciseId: 'launch', files: { 'launch.ts': 'export {}' }, lang: 'fr' }), same);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('lang must be one of en, pt-br, es.');
    expect(graded.length).toBe(before);
  });

  it('refuses another origin, a cross-site fetch and a rebinding host name with 403 JSON', async () => {
    const before = graded.length;
    for (const headers of <Record<string, string>[]>[
      { origin: 'http://evil.example' },
      { origin: `http://localhost:${port}` }, // another origin for the browser, even on this machine
      { 'sec-fetch-site': 'cross-site' },
      { host: `evil.example:${port}`, origin: `http://evil.example:${port}` },
    ]) {
      const response = await post(submission, headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(response.body.error).toMatch(/not allowed|not accepted/);
    }
    expect(graded.length).toBe(before);
  });

  it('caps bodies at 256 KB with 413', async () => {
    const big = JSON.stringify({ exerciseId: 'launch', files: { 'launch.ts': 'x'.repeat(MAX_BODY_BYTES) } });
    const response = await post(big);
    expect(response.status).toBe(413);
    expect(response.body.error).toContain('too large');
  });

  it('answers bad input with a 4xx JSON error that says what is wrong', async () => {
    expect((await post('{nope')).status).toBe(400);
    expect((await post('[]')).status).toBe(400);
    expect((await post(JSON.stringify({ files: {} }))).body.error).toContain('exerciseId');
    const unknown = await post(JSON.stringify({ exerciseId: 'nope', files: {} }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toContain('launch');
    expect((await post(JSON.stringify({ exerciseId: 'launch', files: 'x' }))).status).toBe(400);
    expect((await post(submission, { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('grades one submission at a time and turns away a crowd with 503', async () => {
    const slow = JSON.stringify({ exerciseId: 'launch', files: { 'launch.ts': 'slow' } });
    const first = post(slow);
    await expect.poll(() => release !== undefined).toBe(true);
    const second = post(submission); // waits for the slot
    await new Promise((r) => setTimeout(r, 50));
    const third = await post(submission); // the line is full
    expect(third.status).toBe(503);
    expect(third.headers['retry-after']).toBe('3');
    release!();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
  });

  it('says it is there on GET (the sandbox probes this) and warms the grader up once', async () => {
    const get = () => new Promise<string>((resolve) => {
      request({ host: '127.0.0.1', port, path: '/api/grade' }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve(text));
      }).end();
    });
    expect(JSON.parse(await get())).toMatchObject({ grading: true, exercises: ['launch'] });
    await get();
    await expect.poll(() => warmUps).toBe(1);
  });
});

describe('grading queue', () => {
  it('skips a waiting request whose caller has gone', async () => {
    const queue = new GradingQueue(1, 5);
    let finishFirst!: () => void;
    const ran: string[] = [];
    const first = queue.run(() => new Promise<void>((r) => (finishFirst = r)).then(() => { ran.push('first'); }));
    const gone = queue.run(async () => { ran.push('gone'); }, () => true);
    const third = queue.run(async () => { ran.push('third'); });
    finishFirst();
    await Promise.all([first, third]);
    expect(ran).toEqual(['first', 'third']);
    await expect(gone).rejects.toThrow('left before its turn');
  });
});
