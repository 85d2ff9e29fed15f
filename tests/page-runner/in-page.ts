// Browser-test helpers for the page runner: drive the built runner from a page of the site as the sandbox
// does (gradeInPage), or drive a lesson's sandbox as a learner does (runInSandbox).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { loadExercise } from '../../src/grader/index.ts';
import { repoRoot } from '../grader/run-cli.ts';
import type { GradeResult } from '../../src/results/grade-result.ts';
import type { ExerciseToGrade } from '../../src/page-runner/index.ts';
import type { RunLimits } from '../../src/page-runner/protocol.ts';

export type Graded = Pick<GradeResult, 'status' | 'message' | 'points' | 'maxPoints' | 'tests'>;

/**
 * Opens a page of the site and waits until the service worker has cached the course and taken over: on a
 * host without COOP/COEP it then reloads the page once to isolate it (src/layouts/Base.astro). Slow (it
 * caches the whole course first): tests that do not test the service worker block it instead
 * (`browser.newContext({ serviceWorkers: 'block' })`) and open pages with a plain `goto`.
 */
export async function openSettled(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => crossOriginIsolated && navigator.serviceWorker.controller !== null, undefined, { timeout: 150_000, polling: 500 });
  await page.waitForLoadState('load');
}

export async function gradeInPage(
  page: Page,
  exercise: string,
  submissions: { name: string; files: Record<string, string> }[],
  limits: Partial<RunLimits> = {},
  lang: 'en' | 'pt-br' | 'es' = 'en',
): Promise<Record<string, Graded>> {
  return page.evaluate(
    async ({ exercise, submissions, limits, lang }) => {
      const manifest = (await (await fetch('/page-runner/manifest.json')).json()) as { main: string };
      // A dynamic import written as text: vitest would otherwise rewrite it for Node before Chromium sees it.
      const load = (0, eval)('(url) => import(url)') as (url: string) => Promise<typeof import('../../src/page-runner/index.ts')>;
      const { createPageRunner } = await load(`/page-runner/${manifest.main}`);
      const data = (await (await fetch(`/exercise-data/${exercise}.json`)).json()) as ExerciseToGrade;
      const runner = createPageRunner();
      const results: Record<string, Graded> = {};
      for (const submission of submissions) {
        const { status, message, points, maxPoints, tests } = await runner.run({ exercise: data, files: submission.files, limits, lang });
        results[submission.name] = { status, message, points, maxPoints, tests };
      }
      return results;
    },
    { exercise, submissions, limits, lang },
  );
}

/** The lesson whose frontmatter names the exercise, as its own or among `moreExercises` (same slug in every language). */
export function lessonSlugFor(exercise: string): string {
  const dir = path.join(repoRoot, 'content/lessons/en');
  const own = new RegExp(`^exercise:\\s*['"]?${exercise}['"]?\\s*$`, 'm');
  const more = new RegExp(`^moreExercises:\\s*\\[([^\\]]*[\\s,])?['"]?${exercise}['"]?([\\s,][^\\]]*)?\\]\\s*$`, 'm');
  for (const file of readdirSync(dir)) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    if (own.test(text) || more.test(text)) return file.replace(/^\d+-/, '').replace(/\.mdx$/, '');
  }
  throw new Error(`no lesson has exercise: ${exercise}`);
}

type Editor = { setContent(name: string, content: string): void; content(name: string): string };
export const sandboxOf = (page: Page, exercise: string) => page.locator(`[data-exercise="${exercise}"]`);

/** Wakes the sandbox like a learner (pointer on the editor), puts `code` in it and clicks Run; returns the results. */
export async function runInSandbox(page: Page, exercise: string, code: string): Promise<{ passed: number; total: number; failing: string[]; backend: string | null }> {
  const sandbox = sandboxOf(page, exercise);
  await sandbox.locator('[data-role="editor"]').hover();
  await page.waitForSelector(`[data-exercise="${exercise}"][data-editor-ready]`, { timeout: 60_000 });
  const file = loadExercise(exercise).manifest.files[0];
  await sandbox.evaluate((root, [name, text]) => (root as HTMLElement & { ec2labEditor: Editor }).ec2labEditor.setContent(name, text), [file, code] as const);
  const summary = sandbox.locator('[data-testid="result-summary"]');
  await summary.evaluate((node) => node.removeAttribute('data-total')); // the previous run's results are not this one's
  await sandbox.locator('[data-action="run"]').click();
  await summary.locator('xpath=self::*[@data-total]').waitFor({ timeout: 60_000 });
  return {
    passed: Number(await summary.getAttribute('data-passed')),
    total: Number(await summary.getAttribute('data-total')),
    failing: await sandbox.locator('[data-role="tests"] li:not([data-status="pass"]) .sandbox-test__name').allTextContents(),
    backend: await sandbox.locator('[data-role="backend"]').getAttribute('data-backend'),
  };
}
