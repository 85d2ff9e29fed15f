// Reads the results file the grader's test kit writes (exercises/_kit/reporter.ts: one JSON line per
// finished test file) and turns it into a GradeResult with the grader's own pure `buildResult`, so a run in
// a WebContainer and a run through the local grader give the learner the same object.
import { buildResult } from '../grader/results.ts';
import type { ReportedModule } from '../../exercises/_kit/reporter.ts';
import type { Exercise } from '../grader/types.ts';
import type { ExerciseData } from './exercise-data.ts';
import type { GradeResult } from './result.ts';

/** Parses JSON lines; a line cut short (a killed run) is skipped, as the grader does. */
export function parseKitReport(text: string): ReportedModule[] {
  const modules: ReportedModule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === 'object' && value !== null && Array.isArray((value as ReportedModule).tests)) modules.push(value as ReportedModule);
    } catch {
      // incomplete line
    }
  }
  return modules;
}

function asExercise(data: ExerciseData): Exercise {
  return {
    manifest: {
      id: data.id,
      lesson: data.lesson,
      title: data.title,
      instructions: data.instructions,
      files: data.files,
      tests: data.tests,
      points: data.points,
      hints: data.hints,
    },
    dir: '',
    starter: data.starter,
    solution: data.solution,
    tests: data.testFiles,
  };
}

/** The last lines of what a crashed run printed: usually the reason. */
function tail(output: string, lines = 6): string {
  // eslint-disable-next-line no-control-regex
  return output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').trim().split('\n').slice(-lines).join('\n');
}

export function kitReportToGradeResult(
  data: ExerciseData,
  report: string | undefined,
  run: { durationMs: number; output: string },
): GradeResult {
  const modules = report ? parseKitReport(report) : [];
  const failure = modules.length < data.tests.length
    ? `The test run ended before the tests finished.${run.output.trim() ? `\n${tail(run.output)}` : ''}`
    : undefined;
  return buildResult(asExercise(data), { modules, failure, durationMs: run.durationMs, includeModel: true });
}
