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
  points: Record<string, number>; // test id -> points, e.g. { "count": 2 }
  titles: Record<string, Localized<string>>; // test id -> its title in every language (unique per language)
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
  starter: Files; // English comments
  solution: Files;
  starters: Localized<Files>; // the same code, with comments in each language
  solutions: Localized<Files>;
  tests: Files; // everything in tests/: the test files (manifest.tests) and what they import (messages.ts)
}

/** Bad input to the grader (unknown exercise, bad file names, oversized files...): a clear message, nothing graded. */
export class GradeInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GradeInputError';
  }
}
