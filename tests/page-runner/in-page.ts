// Drives the built page runner from a page of the site, as the sandbox does: reads the runner's manifest
// and the exercise's data (what the sandbox fetches), then grades each submission in turn.
import type { Page } from 'playwright-core';
import type { GradeResult } from '../../src/grader/types.ts';
import type { RunLimits } from '../../src/page-runner/protocol.ts';

export type Graded = Pick<GradeResult, 'status' | 'message' | 'points' | 'maxPoints' | 'tests'>;

/**
 * Opens a page of the site and waits until it has settled: on a host without COOP/COEP the service worker
 * reloads the page once to isolate it (src/layouts/Base.astro).
 */
export async function openSettled(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => crossOriginIsolated && navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  await page.waitForLoadState('load');
}

export async function gradeInPage(
  page: Page,
  exercise: string,
  submissions: { name: string; files: Record<string, string> }[],
  limits: Partial<RunLimits> = {},
): Promise<Record<string, Graded>> {
  return page.evaluate(
    async ({ exercise, submissions, limits }) => {
      const manifest = (await (await fetch('/page-runner/manifest.json')).json()) as { main: string };
      // A dynamic import written as text: vitest would otherwise rewrite it for Node before Chromium sees it.
      const load = (0, eval)('(url) => import(url)') as (url: string) => Promise<typeof import('../../src/page-runner/page-runner.ts')>;
      const { createPageRunner } = await load(`/page-runner/${manifest.main}`);
      const data = await (await fetch(`/exercise-data/${exercise}.json`)).json();
      const runner = createPageRunner();
      const results: Record<string, Graded> = {};
      for (const submission of submissions) {
        const { status, message, points, maxPoints, tests } = await runner.run({ exercise: data, files: submission.files, limits });
        results[submission.name] = { status, message, points, maxPoints, tests };
      }
      return results;
    },
    { exercise, submissions, limits },
  );
}
