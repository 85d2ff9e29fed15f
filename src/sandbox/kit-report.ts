// Turns the results file a WebContainer run wrote (the kit's reporter: one JSON line per finished test file)
// into a GradeResult with the same pure `buildResult` the grader uses, so a run in a WebContainer and a run
// through the local grader give the learner the same object. Browser-safe: no grader code comes along.
import { kitMessages } from '../../exercises/_kit/kit-messages.ts';
import { parseResultsFile } from '../../exercises/_kit/results-file.ts';
import { buildResult } from '../results/build-result.ts';
import type { Locale } from '../i18n/locales.ts';
import type { ExerciseData } from './exercise-data.ts';
import type { GradeResult } from './result.ts';

/** The last lines of what a crashed run printed: usually the reason. */
function tail(output: string, lines = 6): string {
  // eslint-disable-next-line no-control-regex -- an ANSI escape sequence starts with ESC: matching it is the point
  return output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').trim().split('\n').slice(-lines).join('\n');
}

export function kitReportToGradeResult(
  data: ExerciseData,
  report: string | undefined,
  run: { durationMs: number; output: string },
  locale: Locale = 'en',
): GradeResult {
  const modules = report ? parseResultsFile(report) : [];
  const failure = modules.length < data.tests.length
    ? `${kitMessages[locale].runEnded}${run.output.trim() ? `\n${tail(run.output)}` : ''}`
    : undefined;
  const exercise = { manifest: { id: data.id, points: data.points, titles: data.titles }, tests: data.testFiles };
  return buildResult(exercise, { modules, failure, durationMs: run.durationMs, includeModel: true, language: locale });
}
