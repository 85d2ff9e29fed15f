// The `npm start` server over real HTTP, against a small fixture site (no Astro build needed).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, json, type Route } from '../../src/server/app.ts';

let distDir: string;
let server: Server;
let port: number;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP (fetch would normalise `..` away before it reaches the server). */
function send(method: string, rawPath: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: rawPath, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const routes: Route[] = [
  { method: 'POST', path: '/api/echo', handle: async (req, res) => json(res, 200, { got: req.headers['content-type'] }) },
  {
    method: 'POST',
    path: '/api/boom',
    handle: () => {
      throw new Error('kaboom');
    },
  },
];

beforeAll(async () => {
  distDir = mkdtempSync(path.join(tmpdir(), 'ec2lab-dist-'));
  const files: Record<string, string> = {
    'index.html': '<!doctype html><title>root</title>',
    '404.html': '<!doctype html><title>Not found page</title>',
    'en/index.html': '<!doctype html><title>en home</title>',
    'en/what-is-ec2/index.html': '<!doctype html><title>lesson 1</title>',
    '_astro/page.abc123.js': 'console.log(1)',
    '_astro/style.abc123.css': 'body{}',
    'module.mjs': 'export {}',
    'sandbox.wasm': '\0asm',
    'favicon.svg': '<svg/>',
    'font.woff2': 'wOF2',
    'data.json': '{}',
    '.secret': 'hidden',
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(distDir, name)), { recursive: true });
    writeFileSync(path.join(distDir, name), content);
  }
  writeFileSync(path.join(distDir, '..', `${path.basename(distDir)}-outside.txt`), 'outside');
  server = createApp({ distDir, routes });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(distDir, { recursive: true, force: true });
  rmSync(path.join(distDir, '..', `${path.basename(distDir)}-outside.txt`), { force: true });
});

function expectIsolated(reply: Reply) {
  expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(reply.headers['cross-origin-embedder-policy']).toBe('require-corp');
}

describe('static site server', () => {
  it('serves a lesson page as HTML that is revalidated on each visit', async () => {
    const reply = await send('GET', '/en/what-is-ec2/');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('lesson 1');
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-cache');
    expectIsolated(reply);
  });

  it.each([
    ['/_astro/page.abc123.js', 'text/javascript; charset=utf-8'],
    ['/_astro/style.abc123.css', 'text/css; charset=utf-8'],
    ['/module.mjs', 'text/javascript; charset=utf-8'],
    ['/sandbox.wasm', 'application/wasm'],
    ['/favicon.svg', 'image/svg+xml'],
    ['/font.woff2', 'font/woff2'],
    ['/data.json', 'application/json; charset=utf-8'],
  ])('serves %s as %s', async (urlPath, type) => {
    const reply = await send('GET', urlPath);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(type);
    expectIsolated(reply);
  });

  it('lets browsers keep hashed assets for a year', async () => {
    const reply = await send('GET', '/_astro/page.abc123.js');
    expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await send('GET', '/favicon.svg')).headers['cache-control']).toBe('no-cache');
  });

  it('answers a matching ETag with 304 and no body', async () => {
    const first = await send('GET', '/en/');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await send('GET', '/en/', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expectIsolated(again);
    expect((await send('GET', '/en/', { 'If-None-Match': 'W/"other"' })).status).toBe(200);
  });

  it('answers HEAD with headers only', async () => {
    const reply = await send('HEAD', '/en/');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('');
    expect(Number(reply.headers['content-length'])).toBeGreaterThan(0);
  });

  it('redirects a folder without its trailing slash, keeping the query', async () => {
    const reply = await send('GET', '/en/what-is-ec2?x=1');
    expect(reply.status).toBe(301);
    expect(reply.headers.location).toBe('/en/what-is-ec2/?x=1');
    expectIsolated(reply);
  });

  it('answers unknown paths with the site 404 page and status 404', async () => {
    const reply = await send('GET', '/en/no-such-lesson/');
    expect(reply.status).toBe(404);
    expect(reply.body).toContain('Not found page');
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expectIsolated(reply);
  });

  it.each([
    '/../package.json',
    '/en/../../package.json',
    '/%2e%2e/package.json',
    '/..%2fpackage.json',
    `/../${'x'}`,
    '/.secret',
    '//etc/passwd',
  ])('never serves a file outside the site: %s', async (rawPath) => {
    const reply = await send('GET', rawPath);
    expect([400, 404]).toContain(reply.status);
    expect(reply.body).not.toContain('outside');
    expect(reply.body).not.toContain('hidden');
    expectIsolated(reply);
  });

  it('also refuses the sibling folder that shares the dist prefix', async () => {
    const sibling = `/../${path.basename(distDir)}-outside.txt`;
    const reply = await send('GET', sibling);
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('outside');
  });

  it('rejects NUL bytes and broken percent-encoding with 400', async () => {
    expect((await send('GET', '/en/%00/')).status).toBe(400);
    expect((await send('GET', '/en/%E0%A4%A/')).status).toBe(400);
  });

  it('refuses to write to static files', async () => {
    const reply = await send('POST', '/en/');
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, HEAD');
    expectIsolated(reply);
  });
});

describe('language redirect at /', () => {
  it.each([
    ['pt-BR,pt;q=0.9,en;q=0.8', '/pt-br/'],
    ['es-MX', '/es/'],
    ['fr-FR,de;q=0.5', '/en/'],
    ['', '/en/'],
  ])('Accept-Language %j goes to %s', async (acceptLanguage, location) => {
    const reply = await send('GET', '/', acceptLanguage ? { 'Accept-Language': acceptLanguage } : {});
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe(location);
    expect(reply.headers.vary).toContain('Accept-Language');
    expectIsolated(reply);
  });

  it('prefers the language the learner chose before (cookie)', async () => {
    const reply = await send('GET', '/', { 'Accept-Language': 'pt-BR', Cookie: 'a=b; ec2lab_locale=es' });
    expect(reply.headers.location).toBe('/es/');
    const bogus = await send('GET', '/', { 'Accept-Language': 'pt-BR', Cookie: 'ec2lab_locale=xx' });
    expect(bogus.headers.location).toBe('/pt-br/');
  });

  it('still serves the static picker page at /index.html', async () => {
    const reply = await send('GET', '/index.html');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('root');
  });
});

describe('extra routes (POST /api/grade is added this way)', () => {
  it('dispatches by method and exact path, with the isolation headers', async () => {
    const reply = await send('POST', '/api/echo', { 'Content-Type': 'application/json' }, '{}');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ got: 'application/json' });
    expect(reply.headers['cache-control']).toBe('no-store');
    expectIsolated(reply);
  });

  it('answers another method on a route path with 405 and Allow', async () => {
    const reply = await send('GET', '/api/echo');
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('POST');
  });

  it('turns a throwing handler into a 500 JSON error and keeps serving', async () => {
    const reply = await send('POST', '/api/boom');
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.body)).toEqual({ error: 'Internal server error' });
    expectIsolated(reply);
    expect((await send('GET', '/en/')).status).toBe(200);
  });

  it('answers unknown API paths with 404 JSON', async () => {
    const reply = await send('POST', '/api/nothing');
    expect(reply.status).toBe(404);
    expect((JSON.parse(reply.body) as { error: string }).error).toMatch(/No API route/);
  });
});
