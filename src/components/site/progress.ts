// The learner's progress, kept in this browser's localStorage: lessons read, exercises passed, quiz scores.
// Lessons are keyed by slug and exercises by id, both the same in every locale, so switching language keeps
// progress. The stored value carries a version; a value that is corrupt, from another version or of the wrong
// shape is discarded with a console warning and never throws (a broken store must not break a lesson page).
//
// API (the site contract): markLessonComplete(slug), markExerciseComplete(id), recordQuiz(slug, {correct,total}),
// readProgress(), plus resetProgress() and onProgressChange(callback). The pure functions below do the work;
// the storage functions only read, write and announce. listenForRunResults() marks exercises complete from the
// sandbox's `ec2lab:run-result` event, so the sandbox never imports this store.
import { RUN_RESULT_EVENT } from '../../results/sandbox-events.ts';

export const PROGRESS_KEY = 'ec2lab:progress';
const PROGRESS_VERSION = 1;
/** Dispatched on window after every change in this tab; `storage` events cover other tabs. */
const PROGRESS_EVENT = 'ec2lab:progress-change';

interface QuizScore {
  correct: number;
  total: number;
  /** ISO time of the attempt. */
  at: string;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  /** slug -> ISO time the lesson was marked read. */
  lessons: Record<string, string>;
  /** exercise id -> ISO time the exercise first passed. */
  exercises: Record<string, string>;
  /** slug -> latest quiz attempt. */
  quizzes: Record<string, QuizScore>;
}

export type ParseResult = { progress: Progress; problem?: string };

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {}, exercises: {}, quizzes: {} };
}

// ---- pure functions -------------------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringMap(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'string');
}

function isQuizScore(value: unknown): value is QuizScore {
  return (
    isRecord(value) &&
    Number.isInteger(value.correct) &&
    Number.isInteger(value.total) &&
    (value.correct as number) >= 0 &&
    (value.total as number) > 0 &&
    (value.correct as number) <= (value.total as number) &&
    typeof value.at === 'string'
  );
}

/** Reads a stored value. null (nothing stored) is fine; anything unusable comes back empty with a `problem`. */
export function parseProgress(raw: string | null): ParseResult {
  if (raw === null) return { progress: emptyProgress() };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { progress: emptyProgress(), problem: 'the stored value is not JSON' };
  }
  if (!isRecord(value)) return { progress: emptyProgress(), problem: 'the stored value is not an object' };
  if (value.version !== PROGRESS_VERSION) {
    return { progress: emptyProgress(), problem: `version ${JSON.stringify(value.version)} is not ${PROGRESS_VERSION}` };
  }
  const { lessons, exercises, quizzes } = value;
  if (!isStringMap(lessons) || !isStringMap(exercises) || !isRecord(quizzes) || !Object.values(quizzes).every(isQuizScore)) {
    return { progress: emptyProgress(), problem: 'the stored value has the wrong shape' };
  }
  return { progress: { version: PROGRESS_VERSION, lessons: { ...lessons }, exercises: { ...exercises }, quizzes: { ...quizzes } as Record<string, QuizScore> } };
}

function requireName(kind: string, name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') throw new TypeError(`${kind} must be a non-empty string, got ${JSON.stringify(name)}`);
  return name;
}

/** Marks a lesson read; the first time counts, later calls keep the original time. */
export function withLessonRead(progress: Progress, slug: string, now: Date): Progress {
  requireName('lesson slug', slug);
  if (progress.lessons[slug]) return progress;
  return { ...progress, lessons: { ...progress.lessons, [slug]: now.toISOString() } };
}

/** Marks an exercise passed; the first pass counts. */
export function withExerciseDone(progress: Progress, exerciseId: string, now: Date): Progress {
  requireName('exercise id', exerciseId);
  if (progress.exercises[exerciseId]) return progress;
  return { ...progress, exercises: { ...progress.exercises, [exerciseId]: now.toISOString() } };
}

/** Records the latest quiz attempt of a lesson. */
export function withQuizScore(progress: Progress, slug: string, score: { correct: number; total: number }, now: Date): Progress {
  requireName('lesson slug', slug);
  const entry = { correct: score?.correct, total: score?.total, at: now.toISOString() };
  if (!isQuizScore(entry)) {
    throw new RangeError(`quiz score must be whole numbers with 0 <= correct <= total and total > 0, got ${JSON.stringify(score)}`);
  }
  return { ...progress, quizzes: { ...progress.quizzes, [slug]: entry } };
}

// ---- storage --------------------------------------------------------------------------------------------

/** What the store needs of localStorage (tests pass a Map-backed fake). */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function defaultStorage(): ProgressStorage | null {
  try {
    return globalThis.localStorage ?? null; // reading the property throws where storage is blocked
  } catch {
    return null;
  }
}

/** The learner's progress. Never throws: an unusable stored value is removed and reported with console.warn. */
export function readProgress(storage: ProgressStorage | null = defaultStorage()): Progress {
  if (!storage) return emptyProgress();
  let raw: string | null;
  try {
    raw = storage.getItem(PROGRESS_KEY);
  } catch (error) {
    console.warn('[ec2lab] progress: localStorage cannot be read; starting empty.', error);
    return emptyProgress();
  }
  const { progress, problem } = parseProgress(raw);
  if (problem) {
    console.warn(`[ec2lab] progress: discarding the saved progress (${problem}).`);
    try {
      storage.removeItem(PROGRESS_KEY);
    } catch {
      /* nothing more to do: the empty progress is used either way */
    }
  }
  return progress;
}

function save(next: Progress, storage: ProgressStorage | null): Progress {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(next));
  } catch (error) {
    console.warn('[ec2lab] progress: could not save (storage full or blocked).', error);
  }
  globalThis.dispatchEvent?.(new CustomEvent(PROGRESS_EVENT, { detail: next }));
  return next;
}

function update(change: (current: Progress) => Progress, storage: ProgressStorage | null): Progress {
  const current = readProgress(storage);
  const next = change(current);
  return next === current ? current : save(next, storage);
}

export function markLessonComplete(slug: string, storage = defaultStorage()): Progress {
  return update((p) => withLessonRead(p, slug, new Date()), storage);
}

export function markExerciseComplete(exerciseId: string, storage = defaultStorage()): Progress {
  return update((p) => withExerciseDone(p, exerciseId, new Date()), storage);
}

export function recordQuiz(slug: string, score: { correct: number; total: number }, storage = defaultStorage()): Progress {
  return update((p) => withQuizScore(p, slug, score, new Date()), storage);
}

export function resetProgress(storage = defaultStorage()): Progress {
  try {
    storage?.removeItem(PROGRESS_KEY);
  } catch {
    /* blocked storage: nothing was saved either */
  }
  const empty = emptyProgress();
  globalThis.dispatchEvent?.(new CustomEvent(PROGRESS_EVENT, { detail: empty }));
  return empty;
}

/** Calls back with fresh progress after any change, in this tab or another. Returns an unsubscribe function. */
export function onProgressChange(callback: (progress: Progress) => void): () => void {
  const fromThisTab = (event: Event) => callback((event as CustomEvent<Progress>).detail);
  const fromOtherTab = (event: StorageEvent) => {
    if (event.key === PROGRESS_KEY || event.key === null) callback(readProgress());
  };
  addEventListener(PROGRESS_EVENT, fromThisTab);
  addEventListener('storage', fromOtherTab);
  return () => {
    removeEventListener(PROGRESS_EVENT, fromThisTab);
    removeEventListener('storage', fromOtherTab);
  };
}

/** What the store reads of a sandbox's run result (a GradeResult): which exercise, and whether it passed. */
interface RunOutcome {
  exercise?: unknown;
  status?: unknown;
}

/**
 * Marks an exercise complete when a sandbox on the page reports a passing run. The sandbox dispatches
 * `ec2lab:run-result` on its root and knows nothing of progress; the store listens for it bubbling to
 * `target`. Returns an unsubscribe function.
 */
export function listenForRunResults(target: EventTarget = document, storage = defaultStorage()): () => void {
  const onResult = (event: Event) => {
    const detail = (event as CustomEvent<RunOutcome | null>).detail;
    if (detail?.status === 'pass' && typeof detail.exercise === 'string' && detail.exercise) {
      markExerciseComplete(detail.exercise, storage);
    }
  };
  target.addEventListener(RUN_RESULT_EVENT, onResult);
  return () => target.removeEventListener(RUN_RESULT_EVENT, onResult);
}
