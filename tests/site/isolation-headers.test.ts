// Every place that serves the course sends the same isolation headers (COOP, COEP, CORP, nosniff): `npm start`
// (src/server/headers.ts, the one list), the dev server (astro.config.mjs imports that list), and the static
// hosts' settings, which cannot import it (public/_headers for Netlify/Cloudflare Pages, public/vercel.json).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import astroConfig from '../../astro.config.mjs';
import { isolationHeaders } from '../../src/server/headers.ts';

const publicDir = path.resolve(import.meta.dirname, '../../public');
const lowerCased = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

/** The header lines under the `/*` rule of a Netlify/Cloudflare `_headers` file. */
function headersForAllPaths(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let inAll = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) inAll = line.trim() === '/*';
    else if (inAll) {
      const [name, ...value] = line.trim().split(':');
      headers[name.trim().toLowerCase()] = value.join(':').trim();
    }
  }
  return headers;
}

describe('isolation headers', () => {
  it('the list has the four headers the sandbox needs', () => {
    expect(Object.keys(isolationHeaders).sort()).toEqual(['Cross-Origin-Embedder-Policy', 'Cross-Origin-Opener-Policy', 'Cross-Origin-Resource-Policy', 'X-Content-Type-Options']);
  });

  it('public/_headers sends exactly that set on every path', () => {
    expect(headersForAllPaths(readFileSync(path.join(publicDir, '_headers'), 'utf8'))).toEqual(lowerCased(isolationHeaders));
  });

  it('public/vercel.json sends exactly that set on every path', () => {
    const config = JSON.parse(readFileSync(path.join(publicDir, 'vercel.json'), 'utf8')) as { headers: { source: string; headers: { key: string; value: string }[] }[] };
    const all = config.headers.find((rule) => rule.source === '/(.*)');
    expect(Object.fromEntries((all?.headers ?? []).map((h) => [h.key, h.value]))).toEqual(isolationHeaders);
  });

  it('the dev server (astro.config.mjs) sends exactly that set', () => {
    expect(astroConfig.server).toMatchObject({ headers: isolationHeaders });
    expect(astroConfig.vite?.server?.headers).toEqual(isolationHeaders);
  });
});
