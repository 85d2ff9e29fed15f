// Drives the built page runner from a page of the site, as the sandbox does: reads the runner's manifest
// and the exercise's data (what the sandbox fetches), then grades each submission in turn.
import type { Page } from 'playwright-core';
import type { GradeResult } from '../../src/grader/types.ts';

export type Graded = Pick<GradeResult, 'status' | 'message' | 'points' | 'maxPoints' | 'tests'>;

export async function gradeInPage(page: Page, exercise: string, submissions: { name: string; files: Record<string, string> }[]): Promise<Record<string, Graded>> {
  return page.evaluate(
    async ({ exercise, submissions }) => {
      const manifest = (await (await fetch('/page-runner/manifest.json')).json()) as { main: string };
      const { createPageRunner } = (await import(`/page-runner/${manifest.main}`)) as typeof import('../../src/page-runner/page-runner.ts');
      const data = await (await fetch(`/exercise-data/${exercise}.json`)).json();
      const runner = createPageRunner();
      const results: Record<string, Graded> = {};
      for (const submission of submissions) {
        const { status, message, points, maxPoints, tests } = await runner.run({ exercise: data, files: submission.files });
        results[submission.name] = { status, message, points, maxPoints, tests };
      }
      return results;
    },
    { exercise, submissions },
  );
}
