// Site benchmark (`npm run bench site`):
//   - JavaScript a lesson page loads before the learner touches the sandbox (gzipped KB; target <= 60 KB),
//     measured in Chromium by summing the gzip size of every JavaScript response until the network is idle;
//   - first contentful paint of a lesson served by `npm start`, headless Chromium, cold cache (target < 300 ms),
//     and of the course home for comparison (no sandbox on it);
//   - `astro build` time (wall, and CPU where /proc tells it: on a shared machine wall time mostly measures the
//     neighbours) and the size of dist.
// BENCH_SITE_DIST=<folder> measures an existing build instead of building (the build time is then not reported).
import { readdirSync, statSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { buildSite } from '../../src/server/build.ts';
import { launchBrowser, repoRoot, startServer } from '../../tests/browser/harness.ts';

const JS_BUDGET_KB = 60;
const FCP_TARGET_MS = 300;
const FCP_RUNS = 7;
const lessonPaths = ['en/what-is-ec2/', 'pt-br/what-is-ec2/', 'es/what-is-ec2/'];

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesBelow(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

/**
 * CPU seconds (user + system) of every finished child this process waited for, from /proc/self/stat (Linux);
 * null elsewhere. esbuild's service processes exit on their own after astro does, so their CPU is not in it.
 */
function childCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticksPerSecond = 100; // USER_HZ, 100 on every Linux architecture Node supports
    return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond; // cutime, cstime
  } catch {
    return null;
  }
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function scriptBytes(browser: Browser, url: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const scripts: { url: string; gzip: number }[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!type.includes('javascript')) return;
    pending.push(
      response.body().then(
        (body) => void scripts.push({ url: new URL(response.url()).pathname, gzip: gzipSync(body).length }),
        () => {},
      ),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500); // anything started lazily once the page is idle (still untouched)
  await Promise.all(pending);
  const inline = await page.$$eval('script:not([src])', (nodes) => nodes.map((n) => n.textContent ?? '').join('\n'));
  await context.close();
  const inlineGzip = inline ? gzipSync(inline).length : 0;
  return { scripts, inlineGzip, total: scripts.reduce((sum, s) => sum + s.gzip, 0) + inlineGzip };
}

async function firstContentfulPaint(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const fcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const entry = performance.getEntriesByName('first-contentful-paint')[0];
        if (entry) return resolve(entry.startTime);
        new PerformanceObserver((list) => resolve(list.getEntries()[0].startTime)).observe({ type: 'paint', buffered: true });
      }),
  );
  await context.close();
  return fcp;
}

async function main() {
  let distDir = process.env.BENCH_SITE_DIST ? path.resolve(process.env.BENCH_SITE_DIST) : '';
  let build = 'not run (BENCH_SITE_DIST)';
  if (!distDir) {
    distDir = path.join(tmpdir(), 'ec2lab-bench-site-dist');
    rmSync(distDir, { recursive: true, force: true });
    const started = performance.now();
    const cpuBefore = childCpuSeconds();
    await buildSite(repoRoot, distDir, { quiet: true });
    const cpuAfter = childCpuSeconds();
    build = `${((performance.now() - started) / 1000).toFixed(1)} s wall`;
    if (cpuBefore !== null && cpuAfter !== null) build += `, ${(cpuAfter - cpuBefore).toFixed(1)} s CPU (user + system)`;
  }

  const files = filesBelow(distDir);
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  const jsFiles = files.filter((f) => /\.m?js$/.test(f));
  const jsGzip = jsFiles.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);
  console.log(`build:      ${build}`);
  console.log(`dist:       ${files.length} files, ${(bytes / 1024 / 1024).toFixed(2)} MB (all JS in dist: ${kb(jsGzip)} KB gzipped, ${jsFiles.length} files)`);

  process.env.EC2LAB_DIST = distDir;
  const server = await startServer({ env: { EC2LAB_DIST: distDir } });
  const browser = await launchBrowser();
  try {
    for (const viewport of [{ width: 1400, height: 900 }, { width: 390, height: 844 }]) {
      for (const lesson of lessonPaths) {
        const { scripts, inlineGzip, total } = await scriptBytes(browser, server.url + lesson, viewport);
        const biggest = [...scripts].sort((a, b) => b.gzip - a.gzip).slice(0, 3).map((s) => `${path.basename(s.url)} ${kb(s.gzip)}`).join(', ');
        console.log(
          `JS before sandbox use, /${lesson} at ${viewport.width}px: ${kb(total)} KB gzipped in ${scripts.length} files + inline ${kb(inlineGzip)} KB` +
            ` = ${((total / 1024 / JS_BUDGET_KB) * 100).toFixed(0)}% of the ${JS_BUDGET_KB} KB budget${biggest ? ` (largest: ${biggest})` : ''}`,
        );
      }
    }
    for (const lesson of [...lessonPaths, 'en/']) {
      await firstContentfulPaint(browser, server.url + lesson); // warm the server's file cache once
      const runs: number[] = [];
      for (let i = 0; i < FCP_RUNS; i++) runs.push(await firstContentfulPaint(browser, server.url + lesson));
      const m = median(runs);
      console.log(
        `FCP /${lesson}: median ${m.toFixed(0)} ms over ${FCP_RUNS} cold loads (min ${Math.min(...runs).toFixed(0)}, max ${Math.max(...runs).toFixed(0)})` +
          ` = ${(m / FCP_TARGET_MS).toFixed(2)}x the ${FCP_TARGET_MS} ms target`,
      );
    }
  } finally {
    await browser.close();
    await server.stop();
    if (!process.env.BENCH_SITE_DIST) rmSync(distDir, { recursive: true, force: true });
  }
}

await main();
