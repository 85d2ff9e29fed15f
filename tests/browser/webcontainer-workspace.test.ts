// Issue 17: the WebContainer workspace a visitor downloads (dist/exercise-data/webcontainer/<id>.json, the
// built file, not buildWorkspace() called from a test) is complete, installs from its own lockfile, and its
// test command grades like the CLI grader: the solution passes every test, the starter fails exactly the
// tests `ec2-lab grade` fails it on. In the browser suite because its global setup builds dist/.
// And the results file the sandbox would read back gives the same result (status, points, every test's
// name, status and points) as the page runner grading the same files in Chromium on the same dist/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listExercises } from '../../src/grader/index.ts';
import { kitReportToGradeResult } from '../../src/sandbox/kit-report.ts';
import { runCli } from '../grader/run-cli.ts';
import { builtWorkspaceIds, installWorkspace, readBuiltExerciseData, readBuiltWorkspace, runWorkspaceTests, topLevel, writeWorkspace } from './built-workspace.ts';
import { gradeInPage, type Graded } from '../page-runner/in-page.ts';
import { startStaticHost, type StaticHost } from '../page-runner/static-host.ts';
import { distDir, launchBrowser, repoRoot, skipBrowser } from './harness.ts';

const template = (name: string) => readFileSync(path.join(repoRoot, 'src', 'publish', 'webcontainer', name), 'utf8');
const failing = (tests: { name: string; status: string }[]) => tests.filter((t) => t.status !== 'pass').map((t) => t.name).sort();
const comparable = (result: Graded) => ({ status: result.status, points: result.points, tests: result.tests.map((t) => `${t.status} ${t.points}/${t.maxPoints} ${t.name}`) });

describe.skipIf(skipBrowser)('the WebContainer workspace in the built site', () => {
  const ids = skipBrowser ? [] : builtWorkspaceIds(distDir);
  let dir: string;
  let host: StaticHost;
  let browser: Browser;
  let page: Page;
  /** The page runner's result for the same files, on the same dist/ behind a plain static host. */
  const inPage = async (id: string, files: Record<string, string>) => (await gradeInPage(page, id, [{ name: 'it', files }])).it;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ec2lab-built-workspace-'));
    writeWorkspace(readBuiltWorkspace(distDir, ids[0]), dir);
    [host, browser] = await Promise.all([startStaticHost(distDir), launchBrowser()]);
    installWorkspace(dir);
    // No service worker: it would cache the whole course first (offline.test.ts tests it).
    page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
    await page.goto(`${host.url}en/`);
  }, 300_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await browser?.close();
    await host?.stop();
  });

  it('publishes a workspace for every exercise', () => {
    expect(ids).toEqual(listExercises().map((e) => e.id).sort());
  });

  it.each(ids)('%s: holds package.json and its lockfile beside the config, the kit, the model and the exercise', (id) => {
    const { tree } = readBuiltWorkspace(distDir, id);
    expect(topLevel(tree)).toEqual(['_kit', 'mini-ec2', 'package-lock.json', 'package.json', 's0', 'vitest.config.mjs']);
    expect(tree['package.json']).toEqual({ file: { contents: template('package.json') } });
    expect(tree['package-lock.json']).toEqual({ file: { contents: template('package-lock.json') } });
  });

  it.each(ids)('%s: the solution passes every test', async (id) => {
    const workspace = readBuiltWorkspace(distDir, id);
    const data = readBuiltExerciseData(distDir, id);
    writeWorkspace(workspace, dir);
    const run = await runWorkspaceTests(workspace, dir, data.solution.en);
    const result = kitReportToGradeResult(data, run.report, run);
    expect(result.tests.length, run.output).toBe(Object.keys(data.points).length);
    expect(failing(result.tests), run.output).toEqual([]);
    expect(result.points).toBe(result.maxPoints);
    expect(comparable(await inPage(id, data.solution.en)), `${id}: the page runner agrees`).toEqual(comparable(result));
  }, 120_000);

  it('the starter fails exactly the tests the CLI grader fails it on', async () => {
    const classDir = mkdtempSync(path.join(tmpdir(), 'ec2lab-starters-'));
    try {
      const student = path.join(classDir, 'starter');
      for (const id of ids) {
        const data = readBuiltExerciseData(distDir, id);
        for (const [name, content] of Object.entries(data.starter.en)) {
          mkdirSync(path.join(student, id), { recursive: true });
          writeFileSync(path.join(student, id, name), content);
        }
      }
      const cli = await runCli(['grade', 'all', student, '--format', 'json']);
      expect(cli.code, cli.stderr).toBe(0);
      const graded = JSON.parse(cli.stdout) as { results: { exercise: string; tests: { name: string; status: string }[] }[] };
      for (const id of ids) {
        const workspace = readBuiltWorkspace(distDir, id);
        const data = readBuiltExerciseData(distDir, id);
        writeWorkspace(workspace, dir);
        const run = await runWorkspaceTests(workspace, dir, data.starter.en);
        const result = kitReportToGradeResult(data, run.report, run);
        const byCli = graded.results.find((r) => r.exercise === id);
        expect(byCli, `the CLI graded ${id}`).toBeDefined();
        expect(failing(result.tests), `${id}\n${run.output}`).toEqual(failing(byCli!.tests));
        expect(failing(result.tests).length, `${id}: the starter fails something`).toBeGreaterThan(0);
        expect(comparable(await inPage(id, data.starter.en)), `${id}: the page runner agrees`).toEqual(comparable(result));
      }
    } finally {
      rmSync(classDir, { recursive: true, force: true });
    }
  }, 300_000);
});
