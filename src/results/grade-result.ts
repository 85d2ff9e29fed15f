// The result of grading one submission: Exercism's results.json version 3, plus points and the model's main
// scenario for the live map. Every path that grades (the CLI grader, the course server, a WebContainer run)
// returns this object, and the results view, the progress store and the live map read only it.
import type { Language } from '../../exercises/_kit/lang.ts';
import type { ModelEvent, ModelState } from '../mini-ec2/index.ts';

export type TestStatus = 'pass' | 'fail' | 'error';

export interface TestResult {
  id: string; // the test's stable id (the manifest's key), the same in every language
  name: string; // its title in the language it ran in
  status: TestStatus;
  message?: string;
  output?: string; // the learner's console output, capped at 500 characters
  test_code: string;
  task_id?: number;
  points: number;
  maxPoints: number;
}

export interface GradeResult {
  version: 3;
  status: TestStatus;
  message?: string;
  exercise: string;
  tests: TestResult[];
  points: number;
  maxPoints: number;
  durationMs: number;
  model?: { state: ModelState; events: ModelEvent[] }; // the main scenario's final state and event log (live map)
}

/**
 * What grading needs to know of an exercise: its id, each test's points (in order) and title in every
 * language (both keyed by the test's stable id), and the test files' sources.
 */
export interface GradedExercise {
  manifest: { id: string; points: Record<string, number>; titles: Record<string, Record<Language, string>> };
  tests: Record<string, string>;
}
