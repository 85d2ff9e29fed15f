// Page runner benchmark (`npm run bench page-runner`), in Chromium, on dist/ behind a plain static host
// (python3 -m http.server), the lesson with the `launch` exercise, its solution in the editor:
//   - Run -> results, warm: median of 20 runs (target < 300 ms);
//   - the first Run after the page loaded (sandbox awake, nothing of the runner loaded yet; target < 1.5 s);
//   - JavaScript fetched for that first Run (runner, model, compiler, tests), KB gzipped;
//   - the lesson's JavaScript before the sandbox is touched, KB gzipped (target <= 60 KB);
//   - the longest main-thread task while the learner's endless loop runs, after one ordinary Run has loaded the
//     runner (target < 50 ms).
// The service worker is blocked so that every byte comes from the network, as on a first visit.
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { loadExercise } from '../../src/grader/index.ts';
import { ensureBuilt } from '../../src/server/build.ts';
import { distDir, launchBrowser, repoRoot } from '../../tests/browser/harness.ts';
import { lessonSlugFor, sandboxOf } from '../../tests/page-runner/in-page.ts';
import { startStaticHost } from '../../tests/page-runner/static-host.ts';

const EXERCISE = 'launch';
const WARM_RUNS = 20;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Gzipped sizes of the JavaScript responses a page receives while `during` runs. */
async function javascriptDuring(page: Page, during: () => Promise<void>): Promise<{ bytes: number; files: number }> {
  const sizes: Promise<number>[] = [];
  const onResponse = (response: { headers(): Record<string, string>; body(): Promise<Buffer>; url(): string }) => {
    const type = response.headers()['content-type'] ?? '';
    if (type.includes('javascript') || response.url().endsWith('.js')) sizes.push(response.body().then((body) => gzipSync(body).length, () => 0));
  };
  page.on('response', onResponse);
  await during();
  page.off('response', onResponse);
  const all = await Promise.all(sizes);
  return { bytes: all.reduce((a, b) => a + b, 0), files: all.length };
}

async function setCode(page: Page, code: string): Promise<void> {
  const file = loadExercise(EXERCISE).manifest.files[0];
  await sandboxOf(page, EXERCISE).evaluate((root, [name, text]) => {
    (root as HTMLElement & { ec2labEditor: { setContent(n: string, t: string): void } }).ec2labEditor.setContent(name, text);
  }, [file, code] as const);
}

async function clickToResults(page: Page): Promise<number> {
  const summary = sandboxOf(page, EXERCISE).locator('[data-testid="result-summary"]');
  await summary.evaluate((node) => node.removeAttribute('data-total'));
  const started = Date.now();
  await sandboxOf(page, EXERCISE).locator('[data-action="run"]').click();
  await summary.locator('xpath=self::*[@data-total]').waitFor({ timeout: 60_000 });
  return Date.now() - started;
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  return context.newPage();
}

async function main(): Promise<void> {
  if (process.env.EC2LAB_NO_BUILD !== '1') await ensureBuilt(repoRoot, distDir, { quiet: true });
  const host = await startStaticHost(distDir);
  const browser = await launchBrowser();
  const url = `${host.url}en/${lessonSlugFor(EXERCISE)}/`;
  const solution = loadExercise(EXERCISE).solution[`${EXERCISE}.ts`];
  try {
    // The lesson's JavaScript before the sandbox is touched.
    let page = await newPage(browser);
    const lesson = await javascriptDuring(page, async () => {
      await page.goto(url, { waitUntil: 'networkidle' });
      await page.waitForTimeout(1000);
    });
    console.log(`lesson JS before the sandbox is touched: ${kb(lesson.bytes)} KB gzipped in ${lesson.files} files (target <= 60 KB)`);

    // The first Run: the sandbox is awake and the editor ready, the runner not loaded yet.
    await sandboxOf(page, EXERCISE).locator('[data-role="editor"]').hover();
    await page.waitForSelector(`[data-exercise="${EXERCISE}"][data-editor-ready]`, { timeout: 60_000 });
    await setCode(page, solution);
    let firstRunMs = 0;
    const firstRunJs = await javascriptDuring(page, async () => {
      firstRunMs = await clickToResults(page);
    });
    console.log(`first Run after the page loaded: ${firstRunMs} ms (target < 1500 ms)`);
    console.log(`JS fetched on the first Run (runner, model, compiler, tests): ${kb(firstRunJs.bytes)} KB gzipped in ${firstRunJs.files} files`);

    // Warm runs.
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await clickToResults(page));
    console.log(`Run -> results, warm: median ${median(warm)} ms (min ${Math.min(...warm)}, max ${Math.max(...warm)}, n=${WARM_RUNS}; target < 300 ms)`);

    // The longest main-thread task while an endless loop runs (long tasks are those over 50 ms).
    await page.context().close();
    page = await newPage(browser);
    await page.goto(url, { waitUntil: 'networkidle' });
    await sandboxOf(page, EXERCISE).locator('[data-role="editor"]').hover();
    await page.waitForSelector(`[data-exercise="${EXERCISE}"][data-editor-ready]`, { timeout: 60_000 });
    // One ordinary Run first, so that what is measured is the loop, not loading the runner on a first Run.
    await setCode(page, solution);
    await clickToResults(page);
    await setCode(page, "export async function launchWebServers(): Promise<string[]> {\n  for (;;) {}\n}\n");
    // Long tasks (over 50 ms) seen from the click: those that ended before the run was stopped happened while
    // the loop spun; the rest belong to stopping it (workers terminated, a fresh judge, results drawn).
    await page.evaluate((exercise) => {
      const seen = { clickAt: 0, stoppedAt: 0, tasks: [] as { start: number; end: number }[] };
      (window as unknown as { seen: typeof seen }).seen = seen;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) seen.tasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
      }).observe({ type: 'longtask' });
      const summary = document.querySelector(`[data-exercise="${exercise}"] [data-testid="result-summary"]`)!;
      new MutationObserver(() => {
        if (summary.hasAttribute('data-total') && !seen.stoppedAt) seen.stoppedAt = performance.now();
      }).observe(summary, { attributes: true });
      document.querySelector(`[data-exercise="${exercise}"] [data-action="run"]`)!.addEventListener('click', () => (seen.clickAt = performance.now()), { capture: true });
    }, EXERCISE);
    await clickToResults(page);
    const seen = await page.evaluate(() => (window as unknown as { seen: { clickAt: number; stoppedAt: number; tasks: { start: number; end: number }[] } }).seen);
    const longestOf = (tasks: { start: number; end: number }[]) => tasks.reduce((most, t) => Math.max(most, t.end - t.start), 0);
    const afterClick = seen.tasks.filter((t) => t.start >= seen.clickAt);
    const during = longestOf(afterClick.filter((t) => t.end <= seen.stoppedAt - 100));
    const stopping = longestOf(afterClick.filter((t) => t.end > seen.stoppedAt - 100));
    const ms = (value: number) => (value === 0 ? 'none over 50 ms' : `${value.toFixed(0)} ms`);
    console.log(`longest main-thread task while an endless loop ran (${((seen.stoppedAt - seen.clickAt) / 1000).toFixed(1)} s): ${ms(during)} (target < 50 ms); when it was stopped: ${ms(stopping)}`);
    await page.context().close();
  } finally {
    await browser.close();
    await host.stop();
  }
}

await main();
