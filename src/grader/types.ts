// The grader's data: exercise manifests and the results it returns (contracts.md, "exercises and the grader").
// Results follow Exercism's results.json version 3, plus points and the model's main scenario.

import type { ModelEvent, ModelState } from '../mini-ec2/index.ts';

export const LOCALES = ['en', 'pt-br', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export type Localized<T> = Record<Locale, T>;

export interface ExerciseManifest {
  id: string;
  lesson: number; // 1..7
  title: Localized<string>;
  instructions: Localized<string>;
  files: string[]; // the files the learner edits, e.g. ["launch.ts"]
  tests: string[]; // test files in tests/, e.g. ["launch.test.ts"]
  points: Record<string, number>; // test name -> points
  hints: Localized<string[]>; // progressive: the first is gentle, the last nearly gives it away
}

export interface ExerciseInfo {
  id: string;
  lesson: number;
  title: Localized<string>;
  files: string[];
  maxPoints: number;
}

export type Files = Record<string, string>;

export interface Exercise {
  manifest: ExerciseManifest;
  dir: string;
  starter: Files;
  solution: Files;
  tests: Files;
}

export type TestStatus = 'pass' | 'fail' | 'error';

export interface TestResult {
  name: string;
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

/** Bad input to the grader (unknown exercise, bad file names, oversized files...): a clear message, nothing graded. */
export class GradeInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GradeInputError';
  }
}
