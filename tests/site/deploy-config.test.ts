// Header settings shipped for static hosts (public/ is copied into dist/ by the build).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const publicDir = path.resolve(import.meta.dirname, '../../public');

/** Parses Netlify/Cloudflare `_headers`: a path line, then indented `Name: value` lines. */
function parseHeadersFile(text: string): Record<string, Record<string, string>> {
  const rules: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | null = null;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = rules[line.trim()] = {};
    } else if (current) {
      const [name, ...value] = line.trim().split(':');
      current[name.trim().toLowerCase()] = value.join(':').trim();
    } else {
      throw new Error(`header line before any path: ${line}`);
    }
  }
  return rules;
}

describe('static host settings', () => {
  it('_headers isolates every page and caches hashed assets for a year', () => {
    const rules = parseHeadersFile(readFileSync(path.join(publicDir, '_headers'), 'utf8'));
    expect(rules['/*']).toMatchObject({ 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' });
    expect(rules['/_astro/*']['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('vercel.json does the same', () => {
    const config = JSON.parse(readFileSync(path.join(publicDir, 'vercel.json'), 'utf8')) as { headers: Array<{ source: string; headers: { key: string; value: string }[] }> };
    const all = config.headers.find((rule: { source: string }) => rule.source === '/(.*)');
    const asHeaders = (rule: { headers: { key: string; value: string }[] }) => Object.fromEntries(rule.headers.map((h) => [h.key, h.value]));
    expect(asHeaders(all!)).toMatchObject({ 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });
    const assets = config.headers.find((rule: { source: string }) => rule.source === '/_astro/(.*)');
    expect(asHeaders(assets!)['Cache-Control']).toContain('immutable');
  });

  it('the service worker adds both headers', () => {
    const worker = readFileSync(path.join(publicDir, '..', 'src', 'service-worker', 'sw.ts'), 'utf8');
    expect(worker).toContain("'Cross-Origin-Opener-Policy': 'same-origin'");
    expect(worker).toContain("'Cross-Origin-Embedder-Policy': 'require-corp'");
  });
});
