// Sandbox benchmark (`npm run bench sandbox`), in Chromium against the real `npm start` server:
//   - JavaScript a lesson page with an exercise loads before the sandbox is touched (gzipped; target <= 60 KB),
//     wide (sandbox beside the text, in view) and narrow (sandbox below the text);
//   - Monaco ready after the sandbox becomes visible (narrow: scrolled into view) or is reached for (wide:
//     the pointer enters it), cold context each time;
//   - click Run -> results with the local backend (POST /api/grade -> grader), warm (target < 1.5 s), and the
//     same grading over HTTP without the browser, to show where the time goes.
// The site is built into dist/ when stale (EC2LAB_DIST picks another build; EC2LAB_NO_BUILD=1 uses it as is).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { ensureBuilt } from '../../src/server/build.ts';
import { loadExercise } from '../../src/grader/index.ts';
import { distDir, launchBrowser, repoRoot, startServer } from '../../tests/browser/harness.ts';

const EXERCISE = 'launch';
const JS_BUDGET_KB = 60;
const RUN_TARGET_MS = 1500;
const COLD_RUNS = 3;
const WARM_RUNS = 5;

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const describeRuns = (values: number[]) => `median ${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}, n=${values.length})`;

function lessonSlugFor(exercise: string): string {
  const dir = path.join(repoRoot, 'content/lessons/en');
  for (const file of readdirSync(dir)) {
    if (new RegExp(`^exercise:\\s*['"]?${exercise}['"]?\\s*$`, 'm').test(readFileSync(path.join(dir, file), 'utf8'))) {
      return file.replace(/^\d+-/, '').replace(/\.mdx$/, '');
    }
  }
  throw new Error(`no lesson has exercise: ${exercise}`);
}

async function jsBeforeTouch(browser: Browser, url: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const sizes: number[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    if (!(response.headers()['content-type'] ?? '').includes('javascript')) return;
    pending.push(response.body().then((body) => void sizes.push(gzipSync(body).length), () => {}));
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(1000);
  await Promise.all(pending);
  const editorLoaded = await page.evaluate(() => Boolean(document.querySelector('[data-sandbox-activated]')));
  await context.close();
  return { total: sizes.reduce((a, b) => a + b, 0), files: sizes.length, editorLoaded };
}

async function monacoReady(browser: Browser, url: string, viewport: { width: number; height: number }, reach: (page: Page) => Promise<void>): Promise<number> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  const started = Date.now();
  await reach(page);
  await page.waitForSelector(`[data-exercise="${EXERCISE}"][data-editor-ready]`, { timeout: 60_000 });
  const ms = Date.now() - started;
  await context.close();
  return ms;
}

async function clickToResults(page: Page): Promise<number> {
  const summary = page.locator('[data-testid="result-summary"]');
  const started = Date.now();
  await page.click(`[data-exercise="${EXERCISE}"] [data-action="run"]`);
  await summary.locator('xpath=self::*[not(@data-total)]').waitFor({ timeout: 5_000 }).catch(() => {});
  await summary.locator('xpath=self::*[@data-total]').waitFor({ timeout: 60_000 });
  return Date.now() - started;
}

async function main() {
  if (process.env.EC2LAB_NO_BUILD !== '1') await ensureBuilt(repoRoot, distDir, { quiet: true });
  const slug = lessonSlugFor(EXERCISE);
  const server = await startServer();
  const browser = await launchBrowser();
  const url = new URL(`en/${slug}/`, server.url).href;
  try {
    for (const viewport of [{ width: 1400, height: 900 }, { width: 390, height: 844 }]) {
      const { total, files, editorLoaded } = await jsBeforeTouch(browser, url, viewport);
      console.log(
        `JS before the sandbox is touched, /en/${slug}/ at ${viewport.width}px: ${kb(total)} KB gzipped in ${files} files` +
          ` = ${((total / 1024 / JS_BUDGET_KB) * 100).toFixed(0)}% of the ${JS_BUDGET_KB} KB budget (editor loaded: ${editorLoaded ? 'YES' : 'no'})`,
      );
    }

    const narrow: number[] = [];
    const wide: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      narrow.push(await monacoReady(browser, url, { width: 390, height: 844 }, (page) => page.locator(`[data-exercise="${EXERCISE}"]`).scrollIntoViewIfNeeded()));
      wide.push(await monacoReady(browser, url, { width: 1400, height: 900 }, (page) => page.hover(`[data-exercise="${EXERCISE}"] [data-role="editor"]`)));
    }
    console.log(`Monaco ready after the sandbox scrolls into view (390px, cold): ${describeRuns(narrow)}`);
    console.log(`Monaco ready after the pointer enters the sandbox (1400px, cold): ${describeRuns(wide)}`);

    // Warm runs: the first run pays for the WebContainer timeout and the fallback; then measure.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.hover(`[data-exercise="${EXERCISE}"] [data-role="editor"]`);
    await page.waitForSelector(`[data-exercise="${EXERCISE}"][data-editor-ready]`, { timeout: 60_000 });
    const first = await clickToResults(page);
    const backend = await page.getAttribute(`[data-exercise="${EXERCISE}"] [data-role="backend"]`, 'data-backend');
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await clickToResults(page));
    await context.close();
    console.log(`First Run -> results (WebContainer timeout + fallback + grading): ${first} ms; backend: ${backend}`);
    console.log(`Run -> results, ${backend} backend, warm: ${describeRuns(warm)} = ${(median(warm) / RUN_TARGET_MS).toFixed(2)}x the ${RUN_TARGET_MS} ms target`);

    const exercise = loadExercise(EXERCISE);
    const direct: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      const started = Date.now();
      const response = await fetch(new URL('api/grade', server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ exerciseId: EXERCISE, files: exercise.starter }),
      });
      await response.json();
      direct.push(Date.now() - started);
    }
    console.log(`POST /api/grade without the browser (grader only): ${describeRuns(direct)}; the browser adds ${(median(warm) - median(direct)).toFixed(0)} ms`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
