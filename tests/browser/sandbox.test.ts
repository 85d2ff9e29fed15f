// The lesson sandbox in Chromium, served by the real `npm start` server. Run grades in the page (the page
// runner, in workers) at once, never waiting for a WebContainer (which never boots on this machine); a
// browser without module workers sends Runs to the course server (POST /api/grade), and on a static host
// it offers the exercise as a download.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadExercise } from '../../src/grader/index.ts';
import { sandboxStrings } from '../../src/i18n/sandbox-strings.ts';
import { kitMessages } from '../../exercises/_kit/kit-messages.ts';
import { messages as launchMessages } from '../../exercises/launch/tests/messages.ts';
import { serveStatic } from '../../src/server/static-files.ts';
import { axeScan, distDir, launchBrowser, repoRoot, skipBrowser, startServer, watchConsole, type RunningServer } from './harness.ts';

const EXERCISE = 'launch';
const locales = ['en', 'pt-br', 'es'] as const;

/** The lesson whose frontmatter names the exercise (same slug in every locale). */
function lessonSlugFor(exercise: string): string {
  const dir = path.join(repoRoot, 'content/lessons/en');
  for (const file of readdirSync(dir)) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    if (new RegExp(`^exercise:\\s*['"]?${exercise}['"]?\\s*$`, 'm').test(text)) return file.replace(/^\d+-/, '').replace(/\.mdx$/, '');
  }
  throw new Error(`no lesson has exercise: ${exercise}`);
}

describe.skipIf(skipBrowser)('lesson sandbox in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const slug = lessonSlugFor(EXERCISE);
  const exercise = loadExercise(EXERCISE);
  const file = exercise.manifest.files[0];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openLesson(locale: string): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(new URL(`${locale}/${slug}/`, server.url).href);
    return { page, problems };
  }

  const sandbox = (page: Page) => page.locator(`[data-exercise="${EXERCISE}"]`);

  /** Reaches for the sandbox like a learner (it sits beside the text, already in view): the pointer enters it. */
  async function waitForEditor(page: Page): Promise<void> {
    await sandbox(page).locator('[data-role="editor"]').hover();
    await page.waitForSelector(`[data-exercise="${EXERCISE}"][data-editor-ready]`, { timeout: 30_000 });
  }

  const editorText = (page: Page) =>
    sandbox(page).evaluate((root, name) => (root as HTMLElement & { ec2labEditor: { content(n: string): string } }).ec2labEditor.content(name), file);

  /** Replaces the editor's text the way a learner pastes code: select all, paste from the clipboard. */
  async function pasteIntoEditor(page: Page, text: string): Promise<void> {
    await sandbox(page).locator('.monaco-editor .view-lines').click();
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+V');
    await expect.poll(() => editorText(page)).toBe(text);
  }

  /** Waits for the results of a run; returns { passed, total }. */
  async function results(page: Page, timeout = 30_000): Promise<{ passed: number; total: number }> {
    const summary = sandbox(page).locator('[data-testid="result-summary"]');
    await summary.locator('xpath=self::*[@data-total]').waitFor({ timeout });
    return { passed: Number(await summary.getAttribute('data-passed')), total: Number(await summary.getAttribute('data-total')) };
  }

  /** Clicks Run (or presses Ctrl/Cmd+Enter) and checks the run is graded in the page, and says so. */
  async function runInPage(page: Page, locale: (typeof locales)[number], how: 'click' | 'shortcut'): Promise<void> {
    if (how === 'click') await sandbox(page).locator('[data-action="run"]').click();
    else await page.keyboard.press('ControlOrMeta+Enter');
    await page.waitForSelector(`[data-exercise="${EXERCISE}"] [data-role="backend"][data-backend="page"]`, { timeout: 10_000 });
    // The sandbox says plainly, in the page's language, where the tests run.
    expect(await sandbox(page).locator('[data-role="backend"]').textContent()).toBe(sandboxStrings[locale]['backend.page']);
  }

  // English walks through everything; the other languages repeat the core loop (grading takes seconds each).
  for (const locale of locales) {
    const full = locale === 'en';
    it(`${locale}: grades in the page${full ? ', fails the starter with messages, reveals hints and the solution' : ''}, passes the pasted solution and marks the exercise complete; the code survives a reload; Reset restores the starter`, async () => {
      const { page, problems } = await openLesson(locale);
      // The page's language's starter and solution: the same code, comments in that language.
      const starterCode = exercise.starters[locale][file];
      const solutionCode = exercise.solutions[locale][file];
      await waitForEditor(page);
      expect(await editorText(page)).toBe(starterCode);

      if (full) {
        // Run the starter: the failures say why, and the first one is open.
        await runInPage(page, locale, 'click');
        const starter = await results(page);
        expect(starter.total).toBe(Object.keys(exercise.manifest.points).length);
        expect(starter.passed).toBeLessThan(starter.total);
        const firstFailure = sandbox(page).locator('[data-role="tests"] li[data-status="fail"], [data-role="tests"] li[data-status="error"]').first();
        expect(await firstFailure.locator('details').getAttribute('open')).not.toBeNull();
        expect((await firstFailure.locator('pre').first().textContent())!.trim().length).toBeGreaterThan(5);
        // The whole sandbox (editor, results, output) has no serious accessibility problem.
        expect(await axeScan(page, { include: `[data-exercise="${EXERCISE}"]` })).toEqual([]);

        // Hints one by one; after a failed run and two hints the solution is offered, and the learner's code is kept.
        const hintButton = sandbox(page).locator('[data-action="hint"]');
        await hintButton.click();
        expect(await sandbox(page).locator('[data-role="hints"] li').count()).toBe(1);
        expect(await sandbox(page).locator('[data-action="solution"]').isVisible()).toBe(false);
        await hintButton.click();
        expect(await sandbox(page).locator('[data-role="hints"] li').allTextContents()).toHaveLength(2);
        await sandbox(page).locator('[data-action="solution"]').click();
        await expect.poll(() => editorText(page)).toBe(solutionCode);
        await sandbox(page).locator('[data-action="own-code"]').click();
        await expect.poll(() => editorText(page)).toBe(starterCode);
      }

      // Paste the solution, run with the keyboard shortcut: every test passes and the exercise is complete.
      await pasteIntoEditor(page, solutionCode);
      if (full) await page.keyboard.press('ControlOrMeta+Enter');
      else await runInPage(page, locale, 'shortcut');
      const solved = await results(page);
      expect(solved.total).toBe(Object.keys(exercise.manifest.points).length);
      expect(solved.passed).toBe(solved.total);
      expect(await sandbox(page).getAttribute('data-complete')).toBe('true');
      const progress = await page.evaluate(() => JSON.parse(localStorage.getItem('ec2lab:progress') ?? '{}') as { exercises?: Record<string, string> });
      expect(Object.keys(progress.exercises ?? {})).toContain(EXERCISE);

      // Reload: the code is still there (saved as typed).
      await page.reload();
      await waitForEditor(page);
      expect(await editorText(page)).toBe(solutionCode);

      // Reset (confirmed) restores the starter, and that is saved too.
      page.once('dialog', (dialog) => void dialog.accept());
      await sandbox(page).locator('[data-action="reset"]').click();
      await expect.poll(() => editorText(page)).toBe(starterCode);
      const saved = await page.evaluate((id) => JSON.parse(localStorage.getItem(`ec2lab:sandbox:v1:${id}`) ?? '{}') as { files: Record<string, string> }, EXERCISE);
      expect(saved.files[file]).toBe(starterCode);

      // The home page shows the exercise as done.
      await page.goto(new URL(`${locale}/`, server.url).href);
      expect(await page.locator(`[data-progress-lesson="${slug}"] [data-progress="exercise"]`).textContent()).toMatch(/^✓/);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }

  // A learner in pt-br or es meets no English in a Run: the tests' names, the failure messages and the output
  // panel speak the page's language; and the read-only test tabs type-check (no red squiggles).
  for (const locale of ['pt-br', 'es'] as const) {
    it(`${locale}: Run names the tests and explains the failures in ${locale}; the test tabs have no type errors`, async () => {
      const { page, problems } = await openLesson(locale);
      await waitForEditor(page);
      await runInPage(page, locale, 'click');
      const starter = await results(page);
      expect(starter.passed).toBeLessThan(starter.total);
      const names = await sandbox(page).locator('[data-role="tests"] .sandbox-test__name').allTextContents();
      expect(names).toEqual(Object.keys(exercise.manifest.points).map((id) => exercise.manifest.titles[id][locale]));
      // The starter launches nothing: the first test's message is the exercise's own, in this language.
      const expected = launchMessages[locale].count({ expected: 3, found: kitMessages[locale].noInstances });
      expect(await sandbox(page).locator('[data-role="tests"] .sandbox-test__message').first().textContent()).toContain(expected);
      // The output panel (a terminal drawn as DOM rows) ends with the score line in this language.
      // (xterm draws only while in view: the learner scrolls to it.)
      await sandbox(page).locator('[data-role="terminal"]').scrollIntoViewIfNeeded();
      const output = sandbox(page).locator('[data-role="terminal"] .xterm-rows');
      await expect.poll(async () => (await output.textContent()) ?? '').toMatch(locale === 'pt-br' ? /\d+\/\d+ pontos em/ : /\d+\/\d+ puntos en/);

      // Every tab, the learner's file and the read-only tests (which import ../manifest.json and ./messages.ts),
      // as TypeScript in the editor sees it.
      const errors = await sandbox(page).evaluate(async (root, tabs) => {
        const editor = (root as HTMLElement & { ec2labEditor: { errors(n: string): Promise<string[]> } }).ec2labEditor;
        return Object.fromEntries(await Promise.all(tabs.map(async (name) => [name, await editor.errors(name)] as const)));
      }, [...exercise.manifest.files, ...exercise.manifest.tests]);
      expect(errors).toEqual(Object.fromEntries([...exercise.manifest.files, ...exercise.manifest.tests].map((name) => [name, []])));
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }

  it('without module workers, Run goes to the course server (POST /api/grade)', async () => {
    const { page, problems } = await openLesson('en');
    await page.addInitScript(() => Reflect.deleteProperty(globalThis, 'Worker'));
    await page.reload();
    await sandbox(page).locator('[data-action="run"]').click();
    await page.waitForSelector(`[data-exercise="${EXERCISE}"] [data-role="backend"][data-backend="local"]`, { timeout: 10_000 });
    const starter = await results(page);
    expect(starter.total).toBe(Object.keys(exercise.manifest.points).length);
    expect(starter.passed).toBeLessThan(starter.total);
    expect(problems.filter((p) => !/Worker is not defined/.test(p))).toEqual([]);
    await page.context().close();
  });

  it('without module workers on a static host with no grading server it says so and offers the exercise as a zip', async () => {
    const plain: Server = createServer((req, res) => {
      const target = new URL(req.url ?? '/', 'http://localhost');
      serveStatic(req, res, distDir, target.pathname, target.search);
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    try {
      const page = await browser.newPage();
      await page.addInitScript(() => Reflect.deleteProperty(globalThis, 'Worker'));
      await page.goto(`http://127.0.0.1:${(plain.address() as AddressInfo).port}/en/${slug}/`);
      await sandbox(page).locator('[data-action="run"]').click();
      await page.waitForSelector(`[data-exercise="${EXERCISE}"] [data-role="backend"][data-backend="none"]`, { timeout: 10_000 });
      expect(await sandbox(page).locator('[data-testid="result-summary"]').textContent()).toContain(sandboxStrings.en['backend.none'].slice(0, 30));
      const link = sandbox(page).locator('[data-action="download"]');
      const href = await link.getAttribute('href');
      expect(href).toBe(`/exercise-data/download/en/ec2-lab-${EXERCISE}.zip`);
      const zip = await page.evaluate(async (url) => {
        const response = await fetch(url);
        const bytes = new Uint8Array(await response.arrayBuffer());
        return { status: response.status, magic: String.fromCharCode(bytes[0], bytes[1]), size: bytes.length };
      }, href!);
      expect(zip.status).toBe(200);
      expect(zip.magic).toBe('PK');
      await page.close();
    } finally {
      plain.close();
    }
  });

  it('the model .d.ts gives a completion for ec2.run… and its input shape', async () => {
    const { page, problems } = await openLesson('en');
    await waitForEditor(page);
    await pasteIntoEditor(page, "import type { Ec2Api } from 'mini-ec2';\n\nexport async function probe(ec2: Ec2Api) {\n  await ec2.run");
    await page.keyboard.press('Control+Space');
    // A member of the model's client type (its signature is shown), not a word picked up from another file.
    const suggestion = sandbox(page).locator('.suggest-widget .monaco-list-row', { hasText: 'Ec2Api.runInstances(' });
    await suggestion.first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.keyboard.type('(');
    // Parameter hints show the SDK input shape.
    const hints = sandbox(page).locator('.parameter-hints-widget');
    await hints.waitFor({ timeout: 10_000 });
    expect(await hints.textContent()).toMatch(/RunInstances/);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a cross-origin page cannot get code graded (403, nothing runs)', async () => {
    // Another origin: a page on a different port posts a "simple" request (no preflight), as a hostile site would.
    const other: Server = createServer((_, res) => {
      res.setHeader('content-type', 'text/html');
      res.end('<!doctype html><title>other</title>');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const page = await browser.newPage();
      const otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
      await page.goto(`${otherOrigin}/`);
      const gradeUrl = new URL('api/grade', server.url).href;
      const body = JSON.stringify({ exerciseId: EXERCISE, files: exercise.solution });
      const [request, outcome] = await Promise.all([
        page.waitForRequest((r) => r.url() === gradeUrl && r.method() === 'POST'),
        page.evaluate(
          ({ url, text }) => fetch(url, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: text }).then(() => 'read', () => 'blocked'),
          { url: gradeUrl, text: body },
        ),
      ]);
      // The browser hides the answer from the other page (our responses are same-origin only)...
      expect(outcome).toBe('blocked');
      // ...and the server refuses it: the same request with the other page's Origin gets 403 JSON.
      expect(request.method()).toBe('POST');
      const replay = await fetch(gradeUrl, { method: 'POST', headers: { origin: otherOrigin, 'sec-fetch-site': 'same-site', 'content-type': 'application/json' }, body });
      expect(replay.status).toBe(403);
      expect(((await replay.json()) as { error: string }).error).toMatch(/not allowed/);
      await page.close();
    } finally {
      other.close();
    }
  });
});
