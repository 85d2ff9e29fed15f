// The run result every backend returns: the GradeResult of src/results/, with the model's final
// state and event log for the live map. The results panel, the progress store and the live map read only
// this object, whichever backend produced it. A type-only import.
import type { GradeResult, TestResult, TestStatus } from '../results/grade-result.ts';
import type { Locale } from '../i18n/locales.ts';
import { sandboxStrings } from '../i18n/sandbox-strings.ts';
import { translator } from '../i18n/translate.ts';

export type { GradeResult };

const statuses: readonly TestStatus[] = ['pass', 'fail', 'error'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asStatus(value: unknown): TestStatus | undefined {
  return statuses.find((s) => s === value);
}

function asNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function asOptionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Checks that a JSON value (from the server or a results file) has the GradeResult shape.
 * Throws a plain Error naming the first thing wrong: a malformed answer must never look like a pass.
 */
export function parseGradeResult(value: unknown): GradeResult {
  if (!isRecord(value)) throw new Error('result is not an object');
  const status = asStatus(value.status);
  if (!status) throw new Error(`result has an unknown status: ${String(value.status)}`);
  if (typeof value.exercise !== 'string') throw new Error('result has no exercise id');
  if (!Array.isArray(value.tests)) throw new Error('result has no tests list');
  const tests = value.tests.map((raw, i): TestResult => {
    if (!isRecord(raw) || typeof raw.name !== 'string') throw new Error(`test ${i} has no name`);
    const testStatus = asStatus(raw.status);
    if (!testStatus) throw new Error(`test "${raw.name}" has an unknown status`);
    return {
      // A result from before tests had ids (a saved run, an older server) is named by its title.
      id: typeof raw.id === 'string' ? raw.id : raw.name,
      name: raw.name,
      status: testStatus,
      message: asOptionalString(raw.message),
      output: asOptionalString(raw.output),
      test_code: typeof raw.test_code === 'string' ? raw.test_code : '',
      task_id: typeof raw.task_id === 'number' ? raw.task_id : undefined,
      points: asNumber(raw.points, 0),
      maxPoints: asNumber(raw.maxPoints, 0),
    };
  });
  // The model's state and events are passed through as the grader sent them (the live map checks them).
  const model = isRecord(value.model) && Array.isArray(value.model.events)
    ? (value.model as unknown as GradeResult['model'])
    : undefined;
  return {
    version: 3,
    status,
    message: asOptionalString(value.message),
    exercise: value.exercise,
    tests,
    points: asNumber(value.points, tests.reduce((sum, t) => sum + t.points, 0)),
    maxPoints: asNumber(value.maxPoints, tests.reduce((sum, t) => sum + t.maxPoints, 0)),
    durationMs: asNumber(value.durationMs, 0),
    model,
  };
}

/** Counts for the summary line and the stable test hooks (data-passed / data-total). */
export function summarize(result: GradeResult): { passed: number; total: number; firstFailure: number } {
  const passed = result.tests.filter((t) => t.status === 'pass').length;
  const firstFailure = result.tests.findIndex((t) => t.status !== 'pass');
  return { passed, total: result.tests.length, firstFailure };
}

/** A result for a run that could not produce test results at all (crash, timeout, bad answer). */
export function errorResult(exercise: string, message: string, durationMs = 0): GradeResult {
  return { version: 3, status: 'error', message, exercise, tests: [], points: 0, maxPoints: 0, durationMs };
}

const green = (text: string) => `\u001b[32m${text}\u001b[39m`;
const red = (text: string) => `\u001b[31m${text}\u001b[39m`;

/** What the output panel shows for a graded run: one line per test, then what the learner's code printed. */
export function transcript(result: GradeResult, locale: Locale): string {
  const t = translator(sandboxStrings, locale);
  const lines = result.tests.map((test) => `${test.status === 'pass' ? green('✓') : red('✗')} ${test.name}  (${test.points}/${test.maxPoints})`);
  const printed = [...new Set(result.tests.map((t) => t.output).filter((o): o is string => Boolean(o)))];
  if (printed.length) lines.push('', t('transcript.output'), ...printed);
  if (result.message) lines.push('', result.message);
  lines.push('', t('transcript.total', { points: result.points, maxPoints: result.maxPoints, seconds: (result.durationMs / 1000).toFixed(1) }));
  return `${lines.join('\n').replace(/\r?\n/g, '\r\n')}\r\n`;
}
