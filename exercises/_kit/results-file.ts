// Reads the results file the kit's reporter (reporter.ts) writes: one JSON line per finished test file. The
// one reader for everyone: the grader, a WebContainer run in the sandbox, and `npm test` in a student's
// assignment folder (score.ts). Pure (no Node built-ins), so it also runs in the browser.
import type { ReportedModule } from './reporter.ts';

/**
 * The finished test files in a results file's text. A line cut short (the run was killed while writing) or
 * anything that is not a reporter record is skipped: that test file counts as not finished.
 */
export function parseResultsFile(text: string): ReportedModule[] {
  const modules: ReportedModule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isReportedModule(value)) modules.push(value);
    } catch {
      // a line cut short
    }
  }
  return modules;
}

function isReportedModule(value: unknown): value is ReportedModule {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<ReportedModule>;
  return typeof record.file === 'string' && Array.isArray(record.tests) && Array.isArray(record.errors);
}

/** Points earned: the sum of the manifest's points (keyed by test id) for the tests (ids) that passed. */
export function pointsEarned(points: Record<string, number>, passed: ReadonlySet<string>): number {
  return Object.entries(points).reduce((sum, [name, p]) => sum + (passed.has(name) ? p : 0), 0);
}

/** The most points an exercise gives: the sum of the manifest's points. */
export function pointsPossible(points: Record<string, number>): number {
  return Object.values(points).reduce((sum, p) => sum + p, 0);
}
