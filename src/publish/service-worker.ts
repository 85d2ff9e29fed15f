// Build time (Node): bundles src/service-worker/sw.ts (Workbox) into <site>/sw.js with the precache list of the built site:
// every page, the site's scripts and styles (editor included), the page runner and the exercise data. Left
// out: the search index (fetched on demand and cached when used), the WebContainer workspaces (useless
// offline: a WebContainer boots only online), the assignment zips and sw.js itself.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const LEFT_OUT = [/^pagefind\//, /^exercise-data\/(webcontainer|download)\//, /\.zip$/, /^sw\.js$/, /^_headers$/, /^vercel\.json$/, /\.map$/];

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

function precacheList(site: string): { url: string; revision: string }[] {
  return filesUnder(site)
    .filter((file) => !LEFT_OUT.some((pattern) => pattern.test(file)))
    .map((file) => ({ url: `/${file}`, revision: createHash('sha256').update(readFileSync(path.join(site, file))).digest('hex').slice(0, 16) }));
}

export async function buildServiceWorker(site: string): Promise<{ files: number; bytes: number }> {
  const list = precacheList(site);
  await esbuild.build({
    entryPoints: [fileURLToPath(new URL('../service-worker/sw.ts', import.meta.url))],
    outfile: path.join(site, 'sw.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
    define: { PRECACHE_MANIFEST: JSON.stringify(list), 'process.env.NODE_ENV': '"production"' },
  });
  const bytes = list.reduce((sum, entry) => sum + statSync(path.join(site, entry.url.slice(1))).size, 0);
  return { files: list.length, bytes };
}
