import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  PROGRESS_KEY,
  emptyProgress,
  listenForRunResults,
  markExerciseComplete,
  markLessonComplete,
  parseProgress,
  readProgress,
  recordQuiz,
  resetProgress,
  withExerciseDone,
  withLessonRead,
  withQuizScore,
  type ProgressStorage,
} from '../../src/components/site/progress.ts';

function memoryStorage(initial: Record<string, string> = {}): ProgressStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, String(value)),
    removeItem: (key) => void data.delete(key),
  };
}

const t0 = new Date('2026-01-02T03:04:05.000Z');
const t1 = new Date('2026-02-03T04:05:06.000Z');

afterEach(() => vi.restoreAllMocks());

describe('progress: pure functions', () => {
  it('marks a lesson read once and keeps the first time', () => {
    const once = withLessonRead(emptyProgress(), 'what-is-ec2', t0);
    expect(once.lessons).toEqual({ 'what-is-ec2': t0.toISOString() });
    expect(withLessonRead(once, 'what-is-ec2', t1)).toBe(once);
  });

  it('marks an exercise done without touching lessons', () => {
    const p = withExerciseDone(emptyProgress(), 'launch', t0);
    expect(p.exercises).toEqual({ launch: t0.toISOString() });
    expect(p.lessons).toEqual({});
  });

  it('keeps the latest quiz attempt', () => {
    const first = withQuizScore(emptyProgress(), 'finding-amis', { correct: 1, total: 4 }, t0);
    const second = withQuizScore(first, 'finding-amis', { correct: 4, total: 4 }, t1);
    expect(second.quizzes['finding-amis']).toEqual({ correct: 4, total: 4, at: t1.toISOString() });
  });

  it('does not change its input', () => {
    const start = emptyProgress();
    withLessonRead(start, 'a', t0);
    withExerciseDone(start, 'b', t0);
    withQuizScore(start, 'c', { correct: 0, total: 1 }, t0);
    expect(start).toEqual(emptyProgress());
  });

  it('rejects bad arguments with a clear error', () => {
    expect(() => withLessonRead(emptyProgress(), '', t0)).toThrow(/lesson slug/);
    expect(() => withExerciseDone(emptyProgress(), undefined as unknown as string, t0)).toThrow(/exercise id/);
    expect(() => withQuizScore(emptyProgress(), 'a', { correct: 5, total: 4 }, t0)).toThrow(/correct <= total/);
    expect(() => withQuizScore(emptyProgress(), 'a', { correct: 1.5, total: 4 }, t0)).toThrow(RangeError);
    expect(() => withQuizScore(emptyProgress(), 'a', { correct: 0, total: 0 }, t0)).toThrow(RangeError);
  });

  it('parses what it writes', () => {
    const p = withQuizScore(withExerciseDone(withLessonRead(emptyProgress(), 'a', t0), 'launch', t0), 'a', { correct: 2, total: 3 }, t1);
    expect(parseProgress(JSON.stringify(p))).toEqual({ progress: p });
    expect(parseProgress(null)).toEqual({ progress: emptyProgress() });
  });

  it.each([
    ['not JSON', '{oops', /not JSON/],
    ['a string', '"hello"', /not an object/],
    ['an array', '[1,2]', /not an object/],
    ['null', 'null', /not an object/],
    ['an old version', JSON.stringify({ version: 0, lessons: {} }), /version 0/],
    ['no version', JSON.stringify({ lessons: {}, exercises: {}, quizzes: {} }), /version undefined/],
    ['lessons of the wrong type', JSON.stringify({ version: 1, lessons: [], exercises: {}, quizzes: {} }), /wrong shape/],
    ['a bad quiz score', JSON.stringify({ version: 1, lessons: {}, exercises: {}, quizzes: { a: { correct: 9, total: 2, at: 'x' } } }), /wrong shape/],
  ])('discards %s and says why', (_name, raw, problem) => {
    const result = parseProgress(raw);
    expect(result.progress).toEqual(emptyProgress());
    expect(result.problem).toMatch(problem);
  });
});

describe('progress: storage', () => {
  it('saves under a versioned value and reads it back', () => {
    const storage = memoryStorage();
    markLessonComplete('what-is-ec2', storage);
    markExerciseComplete('pick-instance-type', storage);
    recordQuiz('what-is-ec2', { correct: 3, total: 4 }, storage);
    const stored = JSON.parse(storage.data.get(PROGRESS_KEY)!) as { version: number };
    expect(stored.version).toBe(1);
    const progress = readProgress(storage);
    expect(Object.keys(progress.lessons)).toEqual(['what-is-ec2']);
    expect(Object.keys(progress.exercises)).toEqual(['pick-instance-type']);
    expect(progress.quizzes['what-is-ec2']).toMatchObject({ correct: 3, total: 4 });
  });

  it('discards a corrupt value with a warning, removes it, and carries on', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const storage = memoryStorage({ [PROGRESS_KEY]: '{"version":1,"lessons":' });
    expect(readProgress(storage)).toEqual(emptyProgress());
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0][0])).toMatch(/discarding/);
    expect(storage.data.has(PROGRESS_KEY)).toBe(false);
    markLessonComplete('a', storage);
    expect(Object.keys(readProgress(storage).lessons)).toEqual(['a']);
  });

  it('discards a value from another version', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const storage = memoryStorage({ [PROGRESS_KEY]: JSON.stringify({ version: 2, lessons: { a: 'x' }, exercises: {}, quizzes: {} }) });
    expect(readProgress(storage).lessons).toEqual({});
    expect(warn).toHaveBeenCalledOnce();
  });

  it('never throws when storage itself fails', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const broken: ProgressStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readProgress(broken)).toEqual(emptyProgress());
    expect(() => markLessonComplete('a', broken)).not.toThrow();
    expect(() => resetProgress(broken)).not.toThrow();
    expect(warn).toHaveBeenCalled();
  });

  it('works without any storage (server-side rendering, blocked storage)', () => {
    expect(readProgress(null)).toEqual(emptyProgress());
    expect(markLessonComplete('a', null).lessons).toHaveProperty('a');
  });

  it('resets', () => {
    const storage = memoryStorage();
    markLessonComplete('a', storage);
    resetProgress(storage);
    expect(storage.data.has(PROGRESS_KEY)).toBe(false);
    expect(readProgress(storage)).toEqual(emptyProgress());
  });
});

describe('the progress store listens to the sandbox run-result event', () => {
  const runResult = (detail: unknown) => new CustomEvent('ec2lab:run-result', { detail });

  it('marks the exercise complete on a passing run and ignores failing runs and malformed details', () => {
    const storage = memoryStorage();
    const sandboxRoot = new EventTarget();
    const stop = listenForRunResults(sandboxRoot, storage);
    sandboxRoot.dispatchEvent(runResult({ exercise: 'ex-fail', status: 'fail' }));
    sandboxRoot.dispatchEvent(runResult(null));
    sandboxRoot.dispatchEvent(runResult({ status: 'pass' }));
    expect(readProgress(storage).exercises).toEqual({});
    sandboxRoot.dispatchEvent(runResult({ exercise: 'ex-pass', status: 'pass' }));
    expect(Object.keys(readProgress(storage).exercises)).toEqual(['ex-pass']);
    stop();
    sandboxRoot.dispatchEvent(runResult({ exercise: 'ex-later', status: 'pass' }));
    expect(Object.keys(readProgress(storage).exercises)).toEqual(['ex-pass']);
  });
});
