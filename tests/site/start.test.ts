// `npm start` as a process: it prints its URL, serves with the isolation headers, and stops cleanly on
// SIGTERM / SIGINT. A fixture dist and EC2LAB_NO_BUILD=1 keep it fast (building is covered by build.test.ts
// and the browser tests).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
let distDir: string;

beforeAll(() => {
  distDir = mkdtempSync(path.join(tmpdir(), 'ec2lab-start-'));
  mkdirSync(path.join(distDir, 'en'));
  writeFileSync(path.join(distDir, 'en/index.html'), '<!doctype html><title>en home</title>');
});
afterAll(() => rmSync(distDir, { recursive: true, force: true }));

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; url: Promise<string>; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [path.join(repo, 'src/server/start.mjs')], {
    cwd: repo,
    env: { ...process.env, EC2LAB_DIST: distDir, EC2LAB_NO_BUILD: '1', HOST: '127.0.0.1', ...env },
  });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', () => reject(new Error(`server exited before listening:\n${output}`)));
  });
  url.catch(() => {});
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, url, exit };
}

describe('npm start (src/server/start.mjs)', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('serves the site, prints its URL and exits 0 on %s', async (signal) => {
    const server = start({ PORT: '0' });
    const url = await server.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const reply = await fetch(new URL('en/', url));
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(reply.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    server.child.kill(signal);
    expect(await server.exit).toBe(0);
  });

  it('refuses a PORT that is not a port, with a clear message', async () => {
    const server = start({ PORT: 'eighty' });
    expect(await server.exit).toBe(1);
    expect(server.output()).toMatch(/PORT must be a port number/);
  });
});
