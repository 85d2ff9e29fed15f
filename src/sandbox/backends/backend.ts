// What every backend offers the sandbox: run the exercise's tests on the learner's files, return a
// GradeResult. The sandbox does not care where the tests run.
import type { GradeResult } from '../result.ts';
import type { Files } from '../saved-work.ts';
import type { Locale } from '../../i18n/locales.ts';

type BackendKind = 'page' | 'webcontainer' | 'local';

export interface RunRequest {
  exercise: string;
  files: Files;
  /** The page's language: the test names and messages come back in it. */
  locale: Locale;
  /** Aborted when the learner starts another run or leaves the page. */
  signal: AbortSignal;
  /** What the run prints, as it prints it (for the output panel). */
  onOutput: (text: string) => void;
}

export interface Backend {
  kind: BackendKind;
  run(request: RunRequest): Promise<GradeResult>;
}

/** Thrown when a run was cancelled; the sandbox ignores it (a newer run is on its way). */
export class RunCancelled extends Error {
  constructor() {
    super('run cancelled');
    this.name = 'RunCancelled';
  }
}

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new RunCancelled();
}
