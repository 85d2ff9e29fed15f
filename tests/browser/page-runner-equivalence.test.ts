// One result, whichever engine graded it: for every exercise, its solution, its starter and four broken
// variants (tests/page-runner/variants.ts) are graded by the real CLI grader (`ec2-lab grade all`) and by the
// page runner in Chromium, on dist/ served by a plain static host (python3 -m http.server, no special
// headers). Both must agree on every test's id, name, status and points, and on the overall status and points,
// in Portuguese (`--lang pt-br` and the page's locale): titles and messages come from the same tables.
const LANG = 'pt-br';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listExercises, loadExercise } from '../../src/grader/index.ts';
import { runCli, type JsonReport } from '../grader/run-cli.ts';
import { startStaticHost, type StaticHost } from '../page-runner/static-host.ts';
import { gradeInPage, type Graded } from '../page-runner/in-page.ts';
import { variantsOf, type Variant } from '../page-runner/variants.ts';
import { distDir, launchBrowser, skipBrowser } from './harness.ts';

const exercises = listExercises().map((e) => e.id);
const variants = new Map<string, Variant[]>(exercises.map((id) => [id, variantsOf(id)]));
const variantNames = variants.get(exercises[0])!.map((v) => v.name);

/** What must be equal: per test id, name, status and points; overall status and points. */
const comparable = (result: Graded) => ({
  status: result.status,
  points: `${result.points}/${result.maxPoints}`,
  tests: result.tests.map((t) => `${t.status} ${t.points}/${t.maxPoints} ${t.id} ${t.name}`),
});

describe.skipIf(skipBrowser)('the page runner grades as the CLI grader does', () => {
  let cli: Promise<Map<string, Graded>>; // by `${exercise}/${variant}`, graded while the browser works
  let host: StaticHost;
  let browser: Browser;
  let page: Page;
  let classDir: string;

  beforeAll(async () => {
    // One student folder per variant, holding that variant of every exercise's file.
    classDir = mkdtempSync(path.join(tmpdir(), 'ec2-lab-equivalence-'));
    for (const name of variantNames) {
      mkdirSync(path.join(classDir, name));
      for (const id of exercises) {
        const variant = variants.get(id)!.find((v) => v.name === name)!;
        for (const [file, source] of Object.entries(variant.files)) writeFileSync(path.join(classDir, name, file), source);
      }
    }
    cli = runCli(['grade', 'all', classDir, '--format', 'json', '--lang', LANG]).then((run) => {
      if (run.code !== 0) throw new Error(`ec2-lab grade failed: ${run.stderr}`);
      const results = (JSON.parse(run.stdout) as JsonReport).results as unknown as (Graded & { student: string; exercise: string })[];
      return new Map(results.map((result) => [`${result.exercise}/${result.student}`, result]));
    });
    cli.catch(() => {}); // reported by the tests that await it
    [host, browser] = await Promise.all([startStaticHost(distDir), launchBrowser()]);
    // No service worker: it would cache the whole course first (offline.test.ts tests it).
    page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
    await page.goto(`${host.url}en/`);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (classDir) rmSync(classDir, { recursive: true, force: true });
  });

  it.each(exercises)('%s: solution, starter and four broken variants get the same results', async (id) => {
    const inPage = await gradeInPage(page, id, variants.get(id)!, {}, LANG);
    for (const variant of variants.get(id)!) {
      const fromCli = (await cli).get(`${id}/${variant.name}`);
      expect(fromCli, `the CLI graded ${id}/${variant.name}`).toBeDefined();
      expect(comparable(inPage[variant.name]), `${id}/${variant.name}`).toEqual(comparable(fromCli!));
    }
    // In Portuguese: the names are the manifest's pt-br titles.
    const { titles } = loadExercise(id).manifest;
    for (const t of inPage.solution.tests) expect(t.name).toBe(titles[t.id][LANG]);
    // The variants are worth comparing: they do not all score alike.
    expect(new Set(variants.get(id)!.map((v) => inPage[v.name].points)).size).toBeGreaterThan(1);
  }, 120_000);
});
