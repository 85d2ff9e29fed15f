// The "done when", as a new user meets it: dist/ behind `python3 -m http.server` (no special headers,
// no grading server, nothing beyond it), Chromium, the lesson sandboxes. In each of the three languages the
// user solves every exercise (Run -> all tests pass, graded by the page runner, never by a WebContainer or
// the server); in English the starter first fails exactly the tests the CLI grader fails it on; and an
// endless loop ends with a clear message while the page keeps answering.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listExercises, loadExercise } from '../../src/grader/index.ts';
import { runCli, type JsonReport } from '../grader/run-cli.ts';
import { lessonSlugFor, runInSandbox, sandboxOf } from '../page-runner/in-page.ts';
import { startStaticHost, type StaticHost } from '../page-runner/static-host.ts';
import { distDir, launchBrowser, watchConsole } from './harness.ts';

const locales = ['en', 'pt-br', 'es'] as const;
const exercises = listExercises().map((e) => e.id);

describe('a new user on a plain static host', () => {
  let host: StaticHost;
  let browser: Browser;
  let cliStarters: Promise<Map<string, string[]>>;
  let classDir: string;

  beforeAll(async () => {
    // The CLI grader's verdict on every starter, graded while the browser works.
    classDir = mkdtempSync(path.join(tmpdir(), 'ec2-lab-starters-'));
    mkdirSync(path.join(classDir, 'starter'));
    for (const id of exercises) for (const [file, source] of Object.entries(loadExercise(id).starter)) writeFileSync(path.join(classDir, 'starter', file), source);
    cliStarters = runCli(['grade', 'all', classDir, '--format', 'json']).then((run) => {
      if (run.code !== 0) throw new Error(run.stderr);
      const report = JSON.parse(run.stdout) as JsonReport;
      return new Map((report.results as (JsonReport['results'][number] & { exercise: string })[]).map((r) => [r.exercise, r.tests.filter((t) => t.status !== 'pass').map((t) => t.name)]));
    });
    [host, browser] = await Promise.all([startStaticHost(distDir), launchBrowser()]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (classDir) rmSync(classDir, { recursive: true, force: true });
  });

  for (const locale of locales) {
    it(`${locale}: solves every exercise${locale === 'en' ? ' after the starter fails what the CLI grader fails' : ''}`, async () => {
      // No service worker: it would cache the whole course first (offline.test.ts tests it).
      const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      const problems = watchConsole(page);
      for (const id of exercises) {
        await page.goto(`${host.url}${locale}/${lessonSlugFor(id)}/`);
        const exercise = loadExercise(id);
        const file = exercise.manifest.files[0];
        if (locale === 'en') {
          const starter = await runInSandbox(page, id, exercise.starter[file]);
          expect(starter.backend, id).toBe('page');
          expect(starter.failing.sort(), `${id}: the starter fails what the CLI grader fails`).toEqual((await cliStarters).get(id)?.sort());
        }
        const solved = await runInSandbox(page, id, exercise.solution[file]);
        expect(solved, `${locale}/${id}`).toMatchObject({ passed: Object.keys(exercise.manifest.points).length, total: Object.keys(exercise.manifest.points).length, backend: 'page' });
        expect(await sandboxOf(page, id).getAttribute('data-complete')).toBe('true');
      }
      // The static host has no /api/grade and nothing else may go wrong.
      expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
      await context.close();
    }, 240_000);
  }

  it('an endless loop ends with a clear message while the page keeps answering', async () => {
    const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
    await page.goto(`${host.url}en/${lessonSlugFor('launch')}/`);
    const loop = "import type { Ec2Api } from 'mini-ec2';\nexport async function launchWebServers(_ec2: Ec2Api): Promise<string[]> {\n  for (;;) {}\n}\n";
    let finished = false;
    const running = runInSandbox(page, 'launch', loop).finally(() => (finished = true));
    await page.waitForSelector('[data-exercise="launch"] [data-action="run"][aria-busy="true"]');
    // While the loop spins, the page reacts at once: the hint button opens a hint.
    await sandboxOf(page, 'launch').locator('[data-action="hint"]').click();
    expect(await sandboxOf(page, 'launch').locator('[data-role="hints"] li').count()).toBe(1);
    expect(finished).toBe(false);
    const result = await running;
    expect(result.passed).toBe(0);
    const message = await sandboxOf(page, 'launch').locator('[data-role="tests"] li').first().textContent();
    expect(message).toContain('was still running after 5 s and was stopped');
    await page.close();
  }, 60_000);
});
