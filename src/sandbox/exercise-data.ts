// What the sandbox fetches for one exercise when it wakes up. Built at build time (see src/publish/build-data.ts and the
// endpoint src/pages/exercise-data/) from the grader's exercise folder and the model's type declarations.
import type { Locale } from '../i18n/locales.ts';
import type { Files } from './saved-work.ts';

export interface ExerciseData {
  id: string;
  lesson: number;
  title: Record<Locale, string>;
  instructions: Record<Locale, string>;
  /** The learner's files, in tab order. */
  files: string[];
  /** The test files, shown read-only after the learner's files. */
  tests: string[];
  points: Record<string, number>; // test id -> points
  titles: Record<string, Record<Locale, string>>; // test id -> its title in every language
  hints: Record<Locale, string[]>;
  /** The learner's files with comments in each language (the sandbox shows the page's). */
  starter: Record<Locale, Files>;
  solution: Record<Locale, Files>;
  testFiles: Files;
  /** Declarations for IntelliSense, by path in the exercise's folder (node_modules/mini-ec2/index.d.ts, _kit/harness.ts). */
  typeLibraries: { path: string; content: string }[];
}

export const exerciseDataUrl = (id: string) => `/exercise-data/${id}.json`;
/** The assignment folder's name; the zip the sandbox offers is named after it (`<folder>.zip`). */
export const downloadFolder = (id: string) => `ec2-lab-${id}`;
/** The assignment folder, zipped, with its README in `locale` (offered when no backend can run). */
export const downloadUrl = (id: string, locale: string) => `/exercise-data/download/${locale}/${downloadFolder(id)}.zip`;
export const workspaceUrl = (id: string) => `/exercise-data/webcontainer/${id}.json`;
