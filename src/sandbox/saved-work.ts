// The learner's work, kept in localStorage per exercise (not per language: switching language keeps the code).
// Every edit is written at once: localStorage writes are synchronous and the files are small, so a closed tab
// or a crash never loses more than the keystroke in flight.

export type Files = Record<string, string>;

export interface SavedWork {
  version: 1;
  /** What is in the editor now. */
  files: Files;
  /** The learner's own code, kept while they look at the solution so they can go back to it. */
  ownFiles?: Files;
  /** How many hints the learner has revealed. */
  hintsShown: number;
  /** Whether a run failed at least once (Show solution is offered after a failed run and two hints). */
  failedRuns: number;
}

/** The part of the Web Storage API we use, so tests can pass a Map-backed fake. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const storageKey = (exerciseId: string): string => `ec2lab:sandbox:v1:${exerciseId}`;

function isFiles(value: unknown): value is Files {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    && Object.values(value).every((v) => typeof v === 'string');
}

/**
 * Keeps exactly the exercise's files: a file the exercise no longer has is dropped, a new one comes from
 * the starter. Pure, so a changed exercise never breaks a learner's saved work.
 */
function reconcileFiles(saved: Files | undefined, starter: Files): Files {
  const result: Files = {};
  for (const [name, content] of Object.entries(starter)) {
    result[name] = saved && typeof saved[name] === 'string' ? saved[name] : content;
  }
  return result;
}

function freshWork(starter: Files): SavedWork {
  return { version: 1, files: { ...starter }, hintsShown: 0, failedRuns: 0 };
}

/** Reads what was saved, tolerating anything malformed (it falls back to the starter, never throws). */
export function loadWork(storage: KeyValueStorage, exerciseId: string, starter: Files): SavedWork {
  let raw: string | null;
  try {
    raw = storage.getItem(storageKey(exerciseId));
  } catch {
    return freshWork(starter);
  }
  if (!raw) return freshWork(starter);
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return freshWork(starter);
    const p = parsed as Partial<SavedWork>;
    return {
      version: 1,
      files: reconcileFiles(isFiles(p.files) ? p.files : undefined, starter),
      ownFiles: isFiles(p.ownFiles) ? reconcileFiles(p.ownFiles, starter) : undefined,
      hintsShown: typeof p.hintsShown === 'number' && p.hintsShown >= 0 ? Math.floor(p.hintsShown) : 0,
      failedRuns: typeof p.failedRuns === 'number' && p.failedRuns >= 0 ? Math.floor(p.failedRuns) : 0,
    };
  } catch {
    return freshWork(starter);
  }
}

/** Writes the work; returns false when the browser refused (quota, private mode) so the UI can say so. */
export function saveWork(storage: KeyValueStorage, exerciseId: string, work: SavedWork): boolean {
  try {
    storage.setItem(storageKey(exerciseId), JSON.stringify(work));
    return true;
  } catch {
    return false;
  }
}

// Transitions: small pure functions the sandbox applies and then saves.

export function withFile(work: SavedWork, name: string, content: string): SavedWork {
  return { ...work, files: { ...work.files, [name]: content } };
}

/** Reset: the starter comes back; hints stay revealed (the learner has read them). */
export function resetToStarter(work: SavedWork, starter: Files): SavedWork {
  return { ...work, files: { ...starter }, ownFiles: undefined };
}

/** Show solution: the editor gets the solution, the learner's own code is kept aside. */
export function showSolution(work: SavedWork, solution: Files): SavedWork {
  return { ...work, files: { ...solution }, ownFiles: work.ownFiles ?? { ...work.files } };
}

/** Back to my code: undoes showSolution. */
export function backToOwnCode(work: SavedWork): SavedWork {
  if (!work.ownFiles) return work;
  return { ...work, files: { ...work.ownFiles }, ownFiles: undefined };
}

export function revealHint(work: SavedWork, hintCount: number): SavedWork {
  return { ...work, hintsShown: Math.min(hintCount, work.hintsShown + 1) };
}

export function recordRun(work: SavedWork, passed: boolean): SavedWork {
  return passed ? work : { ...work, failedRuns: work.failedRuns + 1 };
}

/** The rule from the course: the solution is offered only after a failed run and two hints. */
export function canShowSolution(work: SavedWork, hintCount: number): boolean {
  return work.failedRuns > 0 && work.hintsShown >= Math.min(2, hintCount);
}
