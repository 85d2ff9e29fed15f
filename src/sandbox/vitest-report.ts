// Turns the report vitest's built-in `json` reporter writes (Jest-compatible) into a GradeResult, so a run
// inside a WebContainer gives the results panel the same object as the local grader does.
import { type GradeResult, type TestResult, type TestStatus } from './result.ts';

interface AssertionResult {
  title?: unknown;
  fullName?: unknown;
  ancestorTitles?: unknown;
  status?: unknown;
  failureMessages?: unknown;
}

interface FileResult {
  name?: unknown;
  status?: unknown;
  message?: unknown;
  assertionResults?: unknown;
}

/** Vitest prints colours and long stack traces; the learner needs the first lines. */
export function cleanFailureMessage(message: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = message.replace(/\u001b\[[0-9;]*m/g, '');
  const lines = plain.split('\n');
  const firstStackLine = lines.findIndex((line) => /^\s+at /.test(line));
  const kept = firstStackLine === -1 ? lines : lines.slice(0, firstStackLine);
  return kept.join('\n').trim();
}

function tail(text: string, max: number): string {
  return text.length <= max ? text : `…${text.slice(-max)}`;
}

function statusOf(vitestStatus: unknown): TestStatus | 'skipped' {
  if (vitestStatus === 'passed') return 'pass';
  if (vitestStatus === 'failed') return 'fail';
  return 'skipped';
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The manifest keys points by test name; accept the full name ("describe > test") or the bare title. */
function pointsFor(points: Record<string, number>, fullName: string, title: string): number {
  return points[fullName] ?? points[title] ?? 1;
}

export interface ConvertOptions {
  exercise: string;
  points: Record<string, number>;
  durationMs: number;
  /** What the run printed, attached to the result when no test could run. */
  output?: string;
}

export function vitestJsonToGradeResult(report: unknown, options: ConvertOptions): GradeResult {
  const base = { version: 3 as const, exercise: options.exercise, durationMs: options.durationMs };
  if (typeof report !== 'object' || report === null || !Array.isArray((report as { testResults?: unknown }).testResults)) {
    const printed = options.output ? `\n\n${tail(cleanFailureMessage(options.output), 2000)}` : '';
    return { ...base, status: 'error', message: `The test run wrote no readable report.${printed}`, tests: [], points: 0, maxPoints: 0 };
  }
  const files = (report as { testResults: FileResult[] }).testResults;
  const tests: TestResult[] = [];
  const loadErrors: string[] = [];
  for (const file of files) {
    const assertions = Array.isArray(file.assertionResults) ? (file.assertionResults as AssertionResult[]) : [];
    if (assertions.length === 0 && file.status === 'failed') {
      loadErrors.push(cleanFailureMessage(typeof file.message === 'string' ? file.message : 'The test file failed to load.'));
    }
    for (const a of assertions) {
      const status = statusOf(a.status);
      if (status === 'skipped') continue;
      const title = typeof a.title === 'string' ? a.title : '';
      const ancestors = stringArray(a.ancestorTitles);
      const fullName = typeof a.fullName === 'string' ? a.fullName : [...ancestors, title].join(' ');
      const maxPoints = pointsFor(options.points, fullName, title);
      const failures = stringArray(a.failureMessages).map(cleanFailureMessage).filter(Boolean);
      tests.push({
        name: title || fullName,
        status,
        message: status === 'pass' ? undefined : failures.join('\n\n') || 'The test failed.',
        test_code: '',
        points: status === 'pass' ? maxPoints : 0,
        maxPoints,
      });
    }
  }
  const points = tests.reduce((sum, t) => sum + t.points, 0);
  const maxPoints = tests.reduce((sum, t) => sum + t.maxPoints, 0);
  if (loadErrors.length > 0 || tests.length === 0) {
    const message = loadErrors.join('\n\n') || options.output || 'No test ran.';
    return { ...base, status: 'error', message, tests, points, maxPoints };
  }
  const status = tests.every((t) => t.status === 'pass') ? 'pass' : 'fail';
  return { ...base, status, tests, points, maxPoints };
}
