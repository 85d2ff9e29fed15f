// Hostile code in the page runner, on dist/ behind a plain static host: an endless loop, a memory hog, a
// promise that never settles and a throw at import each end the Run with the same outcome and message as the
// CLI grader gives the same file (graded by the real `ec2-lab grade`), and the page keeps answering while
// the learner's code spins (its own code runs, a click lands) because that code runs in a worker the page
// terminates. Both engines get a 96 MB memory limit (as tests/grader/hostile.test.ts): at the default 256 MB
// the CLI's own verdict on a hog depends on the machine's speed (its heap fills before or after the 5 s
// time limit), so only a limit the hog passes quickly gives one answer to compare with.
const MEMORY_MB = 96;
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classFolder, repoRoot, runCli, type JsonReport } from '../grader/run-cli.ts';
import { startStaticHost, type StaticHost } from '../page-runner/static-host.ts';
import { gradeInPage, type Graded } from '../page-runner/in-page.ts';
import { distDir, launchBrowser, skipBrowser } from './harness.ts';
import { kitMessages } from '../../exercises/_kit/kit-messages.ts';

const fixture = (name: string) => readFileSync(path.join(repoRoot, 'tests/grader/fixtures/hostile', name), 'utf8');
const hostile: Record<string, string> = {
  'endless-loop': fixture('endless-sync-loop.ts'),
  'memory-hog': fixture('memory-bomb.ts'),
  'never-settles': "import type { Ec2Api } from 'mini-ec2';\nexport async function launchWebServers(_ec2: Ec2Api): Promise<string[]> {\n  return new Promise(() => {});\n}\n",
  'throw-at-import': fixture('throw-at-import.ts'),
};
const expected: Record<string, RegExp> = {
  'endless-loop': /^launchWebServers\(\) was still running after 5 s and was stopped/,
  'memory-hog': /^Your code used more memory than allowed \(about 96 MB\)/,
  'never-settles': /^launchWebServers\(\) was still running after 5 s and was stopped/,
  'throw-at-import': /^launch\.ts threw an error as soon as it was loaded, before launchWebServers\(\) could run: Error: boom at import$/,
};

/** The outcome as the learner reads it: the overall status and message, and each test's status and message. */
const outcome = (result: Graded) => ({ status: result.status, message: result.message, tests: result.tests.map((t) => [t.name, t.status, t.message]) });

describe.skipIf(skipBrowser)('hostile code in the page runner', () => {
  let cli: Promise<Map<string, Graded>>; // graded while the browser works
  let host: StaticHost;
  let browser: Browser;
  let page: Page;
  let classDir: string;

  beforeAll(async () => {
    classDir = classFolder('launch.ts', hostile);
    cli = runCli(['grade', 'launch', classDir, '--format', 'json', '--memory', String(MEMORY_MB)]).then((run) => {
      if (run.code !== 0) throw new Error(`ec2-lab grade failed: ${run.stderr}`);
      return new Map((JSON.parse(run.stdout) as JsonReport).results.map((r) => [r.student, r as unknown as Graded]));
    });
    cli.catch(() => {}); // reported by the tests that await it
    [host, browser] = await Promise.all([startStaticHost(distDir), launchBrowser()]);
    // No service worker: it would cache the whole course first (offline.test.ts tests it).
    page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
    await page.goto(`${host.url}en/`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (classDir) rmSync(classDir, { recursive: true, force: true });
  });

  it.each(Object.keys(hostile).filter((name) => name !== 'endless-loop'))('%s: the same outcome and message as the CLI grader', async (name) => {
    const inPage = (await gradeInPage(page, 'launch', [{ name, files: { 'launch.ts': hostile[name] } }], { memoryMb: MEMORY_MB }))[name];
    expect(inPage.message).toMatch(expected[name]);
    expect(outcome(inPage)).toEqual(outcome((await cli).get(name)!));
  }, 60_000);

  it('endless-loop: the same outcome and message as the CLI grader, and the page keeps answering meanwhile', async () => {
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'still-here';
      button.textContent = 'still here';
      button.addEventListener('click', () => (button.dataset.clicked = String(Number(button.dataset.clicked ?? 0) + 1)));
      document.body.append(button);
    });
    let finished = false;
    const grading = gradeInPage(page, 'launch', [{ name: 'loop', files: { 'launch.ts': hostile['endless-loop'] } }], { memoryMb: MEMORY_MB }).finally(() => (finished = true));
    await page.waitForTimeout(1_000); // the loop is spinning now (its time limit is 5 s)
    await page.click('#still-here');
    await page.click('#still-here');
    expect(await page.evaluate(() => document.getElementById('still-here')?.dataset.clicked)).toBe('2');
    expect(finished).toBe(false);
    const inPage = (await grading).loop;
    expect(inPage.message).toMatch(expected['endless-loop']);
    expect(outcome(inPage)).toEqual(outcome((await cli).get('endless-loop')!));
  }, 60_000);

  it('es: a Run past its own time limit says so in Spanish, for the Run and for each test, under Spanish titles', async () => {
    // The whole Run's limit (3 s) before the call's (10 s): the page ends the judge, not the learner's run.
    const limits = { runTimeoutMs: 3_000, callTimeoutMs: 10_000 };
    const inPage = (await gradeInPage(page, 'launch', [{ name: 'stuck', files: { 'launch.ts': hostile['never-settles'] } }], { memoryMb: MEMORY_MB, ...limits }, 'es')).stuck;
    const said = kitMessages.es.timeLimit({ seconds: 3 });
    expect(inPage.status).toBe('error');
    expect(inPage.message).toBe(said);
    expect(inPage.tests.every((t) => t.status === 'error' && t.message === said)).toBe(true);
    expect(inPage.tests[0].name).toBe('lanza exactamente la cantidad de instancias pedida');
  }, 60_000);
});
