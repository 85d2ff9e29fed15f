// Classes (issue 15), the whole loop in Chromium: the class server (`ec2-lab class serve`, which also serves
// the built course) runs on a free port with its data in a temporary folder; a teacher creates a class with the
// real `ec2-lab class create`; two students join from the course home and hand in from the lesson's sandbox
// (one types the exercise's solution, one hands in the starter); each sees the official result; the teacher's
// dashboard shows both with the scores the CLI grader gives those files, opens a hand-in, and the CSV it
// downloads with the token says the same. Then a static host: the join form says there is no class server.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeGrader, gradeSubmission, loadExercise } from '../../src/grader/index.ts';
import { classStrings } from '../../src/i18n/class-strings.ts';
import { sandboxStrings } from '../../src/i18n/sandbox-strings.ts';
import { serveStatic } from '../../src/server/static-files.ts';
import { axeScan, distDir, launchBrowser, repoRoot, skipBrowser, watchConsole } from './harness.ts';

const EXERCISE = 'launch';
const bin = path.join(repoRoot, 'src/cli/ec2-lab.mjs');
// DATABASE_URL emptied: the class server keeps its data in PGlite under the temporary folder.
const env = { ...process.env, EC2LAB_DIST: distDir, EC2LAB_NO_BUILD: '1', DATABASE_URL: '' };

function lessonSlugFor(exercise: string): string {
  const dir = path.join(repoRoot, 'content/lessons/en');
  const file = readdirSync(dir).find((name) => new RegExp(`^exercise:\\s*['"]?${exercise}['"]?\\s*$`, 'm').test(readFileSync(path.join(dir, name), 'utf8')));
  if (!file) throw new Error(`no lesson has exercise: ${exercise}`);
  return file.replace(/^\d+-/, '').replace(/\.mdx$/, '');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** `ec2-lab class serve` on a free port; resolves once its API says it is a class server (GET /api/classes). */
async function startClassServer(dataDir: string): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [bin, 'class', 'serve', '--data', dataDir, '--port', String(port)], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}/`;
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`class serve exited with ${child.exitCode}:\n${output}`);
    const answer = await fetch(`${url}api/classes`).catch(() => undefined);
    if (answer?.ok && ((await answer.json()) as { classServer?: boolean }).classServer === true) break;
    if (tries > 300) throw new Error(`class serve did not answer within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, child, output: () => output };
}

describe.skipIf(skipBrowser)('a class in Chromium: join, hand in, the dashboard, the CSV', () => {
  const slug = lessonSlugFor(EXERCISE);
  const exercise = loadExercise(EXERCISE);
  const file = exercise.manifest.files[0];
  const maxPoints = Object.values(exercise.manifest.points).reduce((a, b) => a + b, 0);
  let dataDir: string;
  let server: Awaited<ReturnType<typeof startClassServer>>;
  let browser: Browser;
  let expected: { solution: number; starter: number };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ec2lab-class-loop-'));
    // The scores the CLI grader gives the two hand-ins, graded here independently of the class server.
    const [solution, starter] = [await gradeSubmission({ exerciseId: EXERCISE, files: exercise.solution }), await gradeSubmission({ exerciseId: EXERCISE, files: exercise.starter })];
    await closeGrader();
    expected = { solution: solution.points, starter: starter.points };
    [server, browser] = await Promise.all([startClassServer(dataDir), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
    if (server?.child.exitCode === null) await new Promise((resolve) => server.child.once('exit', resolve));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function createClass(): Promise<{ code: string; dashboardUrl: string }> {
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'class', 'create', '--server', server.url, '--name', 'EC2 101', '--exercises', EXERCISE, '--lang', 'en'], { cwd: repoRoot, env });
    const match = /(https?:\/\/\S+\/en\/class\/([A-Z2-9]{6})\/#teacher=\S+)/.exec(stdout);
    if (!match) throw new Error(`ec2-lab class create printed no dashboard link:\n${stdout}`);
    return { dashboardUrl: match[1], code: match[2] };
  }

  const sandbox = (page: Page) => page.locator(`[data-exercise="${EXERCISE}"]`);

  async function pasteIntoEditor(page: Page, text: string): Promise<void> {
    await sandbox(page).locator('.monaco-editor .view-lines').click();
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
    const editorText = () => sandbox(page).evaluate((root, name) => (root as HTMLElement & { ec2labEditor: { content(n: string): string } }).ec2labEditor.content(name), file);
    await expect.poll(editorText).toBe(text);
  }

  /** A student follows the teacher's link, joins, opens the exercise from the class list and hands in. */
  async function studentHandsIn(code: string, name: string, typesSolution: boolean): Promise<{ state: string | null; passed: number; total: number; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(`${server.url}en/?class=${code}`);
    const join = page.locator('[data-class-join]');
    expect(await join.getAttribute('open')).not.toBeNull(); // the invitation opens the form with the code filled in
    expect(await page.getByLabel(classStrings.en['join.code']).inputValue()).toBe(code);
    await page.getByLabel(classStrings.en['join.name']).fill(name);
    await page.getByRole('button', { name: classStrings.en['join.submit'] }).click();
    await page.locator(`[data-class-join][data-joined="${code}"]`).waitFor();
    expect(await join.locator('[data-role="joined-text"]').textContent()).toBe(`You are in the class EC2 101 as ${name}.`);
    if (name === 'Ana') expect(await axeScan(page, { include: '[data-class-join]' })).toEqual([]);

    await join.getByRole('link').first().click();
    await page.waitForURL(`**/en/${slug}/`);
    await sandbox(page).locator('[data-role="editor"]').hover();
    await page.waitForSelector(`[data-exercise="${EXERCISE}"][data-editor-ready]`, { timeout: 30_000 });
    if (typesSolution) await pasteIntoEditor(page, exercise.solution[file]);
    const handIn = sandbox(page).getByRole('button', { name: sandboxStrings.en['handIn.button'], exact: true });
    await handIn.click();
    await expect.poll(() => sandbox(page).locator('[data-role="hand-in-status"]').textContent()).toBe(sandboxStrings.en['handIn.grading']);
    const summary = sandbox(page).locator('[data-role="official-summary"]');
    await summary.locator('xpath=self::*[@data-total]').waitFor({ timeout: 60_000 });
    const official = { state: await summary.getAttribute('data-state'), passed: Number(await summary.getAttribute('data-passed')), total: Number(await summary.getAttribute('data-total')), problems };
    await context.close();
    return official;
  }

  it('two students hand in from the page; the dashboard and the CSV show their official scores', async () => {
    const { code, dashboardUrl } = await createClass();
    const ana = await studentHandsIn(code, 'Ana', true);
    expect(ana).toMatchObject({ state: 'pass', passed: ana.total });
    const bruno = await studentHandsIn(code, 'Bruno', false);
    expect(bruno.state).toBe('fail');
    expect(bruno.passed).toBeLessThan(bruno.total);
    expect([...ana.problems, ...bruno.problems]).toEqual([]);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(dashboardUrl);
    const cell = (student: string) => page.locator(`td[data-student="${student}"][data-exercise="${EXERCISE}"]`);
    await cell('Bruno').locator('xpath=self::*[@data-best]').waitFor();
    expect(new URL(page.url()).hash).toBe(''); // the token left the address bar for sessionStorage
    expect(await page.locator('h1').textContent()).toBe(`EC2 101 · class ${code}`);
    for (const [student, best] of [['Ana', expected.solution], ['Bruno', expected.starter]] as const) {
      expect(await cell(student).getAttribute('data-best'), student).toBe(String(best));
      expect(await cell(student).getAttribute('data-max'), student).toBe(String(maxPoints));
      expect(await cell(student).getAttribute('data-attempts'), student).toBe('1');
    }
    expect(expected.solution).toBe(maxPoints);
    expect(await page.locator('table caption').textContent()).toBe(classStrings.en['dash.caption']);
    expect(await page.locator('tbody th[scope="row"]').allTextContents()).toEqual(['Ana', 'Bruno']);
    expect(await axeScan(page)).toEqual([]);

    // Ana's hand-in: her code and every test passing, as she saw it; the list of her hand-ins has just it.
    await cell('Ana').getByRole('button').click();
    const detail = page.locator('[data-role="detail"]');
    await detail.locator('[data-role="detail-summary"][data-total]').waitFor();
    expect(await detail.locator('[data-role="detail-summary"]').getAttribute('data-state')).toBe('pass');
    expect(await detail.locator(`pre[data-file="${file}"]`).textContent()).toBe(exercise.solution[file]);
    expect(await detail.locator('[data-role="handin-list"] button').count()).toBe(1);

    // The CSV, downloaded with the token through the dashboard's button.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="grades.csv"]').click()]);
    const csv = readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/).map((line) => line.split(','));
    expect(csv[0]).toEqual(['student', 'exercise', 'score', 'max', 'status', 'handed_in_at']);
    const rows = Object.fromEntries(csv.slice(1).map((row) => [row[0], row]));
    expect(rows.Ana.slice(1, 4)).toEqual([EXERCISE, String(expected.solution), String(maxPoints)]);
    expect(rows.Bruno.slice(1, 4)).toEqual([EXERCISE, String(expected.starter), String(maxPoints)]);

    // Caio hands in twice (from the CLI's API: the starter, then the solution); the teacher opens either one.
    const api = (urlPath: string, body: unknown, token?: string) =>
      fetch(`${server.url}api/classes/${code}/${urlPath}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<Record<string, string>>);
    const { studentToken } = await api('students', { name: 'Caio' });
    for (const files of [exercise.starter, exercise.solution]) await api('handins', { exercise: EXERCISE, files }, studentToken);
    await cell('Caio').locator(`xpath=self::*[@data-best="${expected.solution}"][@data-attempts="2"]`).waitFor({ timeout: 120_000 });
    await cell('Caio').getByRole('button').click();
    const handins = detail.locator('[data-role="handin-list"] button');
    await expect.poll(() => handins.count()).toBe(2);
    expect(await handins.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-score')))).toEqual([String(expected.solution), String(expected.starter)]);
    expect(await handins.first().getAttribute('aria-current')).toBe('true'); // the newest is shown first
    await detail.locator('[data-role="detail-summary"][data-state="pass"]').waitFor();
    await handins.last().click();
    await detail.locator('[data-role="detail-summary"][data-state="fail"]').waitFor();
    expect(await detail.locator(`pre[data-file="${file}"]`).textContent()).toBe(exercise.starter[file]);
    expect(await handins.last().getAttribute('aria-current')).toBe('true');
    expect(await axeScan(page, { include: '[data-role="detail"]' })).toEqual([]);

    // A reload keeps the dashboard working from the token kept in this tab.
    await page.reload();
    await cell('Ana').locator('xpath=self::*[@data-best]').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000); // two editors, two hand-ins graded by the server's worker, on a 2-core machine shared with others
});

describe.skipIf(skipBrowser)('a class on a static host', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('on a static host the join form says there is no class server', async () => {
    const plain: Server = createServer((req, res) => {
      const target = new URL(req.url ?? '/', 'http://localhost');
      serveStatic(req, res, distDir, target.pathname, target.search);
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${(plain.address() as AddressInfo).port}/es/`);
      await page.getByText(classStrings.es['join.heading']).click();
      const status = page.locator('[data-role="join-status"]');
      await expect.poll(() => status.textContent()).toBe(classStrings.es['join.noServer']);
      expect(await page.locator('[data-class-join] form').isHidden()).toBe(true);
      // The dashboard page is there too, and without a class in its address it says what an address looks like.
      await page.goto(`http://127.0.0.1:${(plain.address() as AddressInfo).port}/es/class/`);
      await expect.poll(() => page.locator('[data-class-dashboard] [data-role="status"]').textContent()).toBe(classStrings.es['dash.noCode']);
      expect(await page.locator('[data-role="tools"]').isHidden()).toBe(true);
      await page.close();
    } finally {
      await new Promise((resolve) => plain.close(resolve));
    }
  });
});
