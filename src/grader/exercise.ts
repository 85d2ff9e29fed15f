// An exercise as the grader loads it: its manifest (exercises/README.md describes the fields) and its files.
// The result of grading one is src/results/grade-result.ts.
import type { Locale } from '../i18n/locales.ts';

export type { GradeResult } from '../results/grade-result.ts';
export type { Locale };
type Localized<T> = Record<Locale, T>;

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

/** Bad input to the grader (unknown exercise, bad file names, oversized files...): a clear message, nothing graded. */
export class GradeInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GradeInputError';
  }
}
