// A class's grades in the formats a gradebook, a CI system or Gradescope reads. Pure functions of the rows;
// the CSV's cells and the JUnit XML come from the CLI grader's report code (src/grader/reports.ts), so a
// class server and `ec2-lab grade` write the same formats.
import { csvCell, formatReport } from '../grader/reports.ts';
import type { GradeResult } from '../grader/index.ts';
import type { ClassProgress } from './progress.ts';

export interface GradebookInput {
  students: string[];
  exercises: { id: string; maxPoints: number }[];
  progress: ClassProgress;
}

/**
 * One row per student and exercise of the class: the best official score (empty before any grading), the
 * status of the last hand-in ("missing" when there is none) and when it was handed in.
 */
export function gradesCsv({ students, exercises, progress }: GradebookInput): string {
  const lines = ['student,exercise,score,max,status,handed_in_at'];
  for (const student of students) {
    for (const { id, maxPoints } of exercises) {
      const p = progress.get(student)?.[id];
      const cells = p ? [student, id, p.best ?? '', maxPoints, p.lastStatus, p.lastHandedInAt] : [student, id, '', maxPoints, 'missing', ''];
      lines.push(cells.map(csvCell).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

export interface BestResult {
  student: string;
  exercise: string;
  result: GradeResult;
}

/** JUnit XML, one test suite per student and exercise (their best graded hand-in). */
export function gradesJunit(code: string, best: BestResult[]): string {
  return formatReport('junit', {
    exercise: `class ${code}`,
    results: best.map((b) => ({ student: b.student, result: b.result })),
    durationMs: best.reduce((sum, b) => sum + b.result.durationMs, 0),
  });
}

/**
 * Gradescope's autograder results.json (score, execution_time, tests[] with score, max_score, status
 * "passed"/"failed", name, output), one per student and exercise, under { class, submissions }.
 */
export function gradescopeResults(code: string, best: BestResult[]): string {
  const submissions = best.map(({ student, exercise, result }) => ({
    student,
    exercise,
    results: {
      score: result.points,
      max_score: result.maxPoints,
      execution_time: Math.round(result.durationMs / 1000),
      ...(result.message ? { output: result.message } : {}),
      tests: result.tests.map((t, i) => ({
        name: t.name,
        number: String(i + 1),
        score: t.points,
        max_score: t.maxPoints,
        status: t.status === 'pass' ? 'passed' : 'failed',
        ...(t.message || t.output ? { output: [t.message, t.output].filter(Boolean).join('\n') } : {}),
      })),
    },
  }));
  return `${JSON.stringify({ class: code, submissions }, null, 2)}\n`;
}
