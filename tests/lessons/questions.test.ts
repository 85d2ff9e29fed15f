// The knowledge check's grading and mastery loop (src/components/lessons/questions.ts), and the questions the
// lessons ask: every one valid, the same right answers in every language, and no shape a learner could pass by
// pattern (where the right options of a "select all" question sit, or where the one right option of a
// single-choice question sits).
import { describe, expect, it } from 'vitest';
import {
  afterCheck, firstTryScore, freshAttempt, isCorrect, partsRight, reshuffle, rightPositions, scrambledOrder, validateQuestion, type Attempt, type Question,
} from '../../src/components/lessons/questions.ts';
import { knowledgeCheckQuestions, lessonFiles } from './lesson-files.ts';

const single: Question = {
  kind: 'single',
  prompt: 'p',
  options: [{ text: 'a', explain: 'x' }, { text: 'b', correct: true, explain: 'y' }],
};
const multiple: Question = {
  kind: 'multiple',
  prompt: 'p',
  options: [{ text: 'a', correct: true, explain: 'x' }, { text: 'b', explain: 'y' }, { text: 'c', correct: true, explain: 'z' }],
};
const order: Question = { kind: 'order', prompt: 'p', steps: ['one', 'two', 'three', 'four'], hint: 'h', explain: 'e' };
const match: Question = { kind: 'match', prompt: 'p', pairs: [{ left: 'a', right: 'A' }, { left: 'b', right: 'B' }], hint: 'h', explain: 'e' };

describe('knowledge check grading', () => {
  it('single choice: only the correct option', () => {
    expect(isCorrect(single, { kind: 'single', chosen: [1] })).toBe(true);
    expect(isCorrect(single, { kind: 'single', chosen: [0] })).toBe(false);
  });

  it('multiple choice: exactly the correct set', () => {
    expect(isCorrect(multiple, { kind: 'multiple', chosen: [2, 0] })).toBe(true);
    expect(isCorrect(multiple, { kind: 'multiple', chosen: [0] })).toBe(false);
    expect(isCorrect(multiple, { kind: 'multiple', chosen: [0, 1, 2] })).toBe(false);
  });

  it('ordering and matching: every part in place, and a count of the parts already right for the hint', () => {
    expect(isCorrect(order, { kind: 'order', order: [0, 1, 2, 3] })).toBe(true);
    expect(isCorrect(order, { kind: 'order', order: [1, 0, 2, 3] })).toBe(false);
    expect(partsRight({ kind: 'order', order: [1, 0, 2, 3] })).toBe(2);
    expect(isCorrect(match, { kind: 'match', chosen: [0, 1] })).toBe(true);
    expect(isCorrect(match, { kind: 'match', chosen: [1, 0] })).toBe(false);
    expect(partsRight({ kind: 'match', chosen: [1, 0] })).toBe(0);
  });

  it('shows steps scrambled, never already solved', () => {
    for (let n = 2; n <= 8; n++) {
      const shown = scrambledOrder(n);
      expect([...shown].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
      expect(shown.every((v, i) => v === i)).toBe(false);
    }
  });

  it('rejects questions a learner could not answer or learn from', () => {
    expect(() => validateQuestion({ ...single, options: single.options.map((o) => ({ ...o, correct: true })) }, 't')).toThrow(/exactly one/);
    expect(() => validateQuestion({ ...multiple, options: multiple.options.map((o) => ({ ...o, correct: true })) }, 't')).toThrow(/one wrong option/);
    expect(() => validateQuestion({ ...order, steps: ['a', 'b'] }, 't')).toThrow(/three steps/);
    expect(() => validateQuestion({ ...order, hint: ' ' }, 't')).toThrow(/hint/);
    expect(() => validateQuestion({ ...match, pairs: [{ left: 'a', right: 'A' }, { left: 'b', right: 'A' }] }, 't')).toThrow(/differ/);
    expect(() => validateQuestion({ ...single, options: [{ text: 'a', explain: '' }, single.options[1]] }, 't')).toThrow(/hint/);
    expect(() => validateQuestion(single, 't')).not.toThrow();
  });
});

describe('the mastery loop', () => {
  it('a wrong first try gets a hint, a second wrong try the answer; only a first try counts', () => {
    const first = afterCheck(freshAttempt, false);
    expect(first.stage).toBe('hint');
    const second = afterCheck(first.attempt, false);
    expect(second.stage).toBe('reveal');
    const third = afterCheck(second.attempt, true);
    expect(third.stage).toBe('right');
    expect(third.attempt).toMatchObject({ tries: 3, solved: true, revealed: true, firstTryRight: false });
    expect(firstTryScore([third.attempt])).toBe(0);
  });

  it('right after a hint is solved but scores nothing; right at once scores one', () => {
    const afterHint = afterCheck(afterCheck(freshAttempt, false).attempt, true);
    expect(afterHint).toMatchObject({ stage: 'right', attempt: { solved: true, revealed: false, firstTryRight: false } });
    const atOnce = afterCheck(freshAttempt, true).attempt;
    const attempts: Attempt[] = [afterHint.attempt, atOnce, freshAttempt];
    expect(firstTryScore(attempts)).toBe(1);
  });

  it('a retry after the answer was shown does not raise the score', () => {
    let attempt = freshAttempt;
    for (const right of [false, false, true, true]) attempt = afterCheck(attempt, right).attempt;
    expect(firstTryScore([attempt])).toBe(0);
  });

  it('a retry reshuffles: never the order shown before, never a solved order, always the same items', () => {
    const sequences = [[0.1, 0.9, 0.5], [0.99, 0.99, 0.99], [0, 0, 0], [0.5, 0.5, 0.5]];
    for (const values of sequences) {
      let i = 0;
      const random = () => values[i++ % values.length];
      for (const previous of [[0, 1], [1, 0], [2, 0, 1], [0, 1, 2, 3], [3, 1, 0, 2, 4]]) {
        const solved = previous.map((_, k) => k);
        const next = reshuffle(previous, random, previous.length >= 3 ? [solved] : []);
        expect([...next].sort()).toEqual([...previous].sort());
        expect(next).not.toEqual(previous);
        if (previous.length >= 3) expect(next).not.toEqual(solved);
      }
    }
  });
});

type Choice = Extract<Question, { kind: 'single' | 'multiple' }>;
const byLocale = new Map<string, { path: string; questions: Question[] }[]>();
for (const lesson of lessonFiles()) {
  const list = byLocale.get(lesson.locale) ?? [];
  list.push({ path: lesson.path, questions: knowledgeCheckQuestions(lesson.source) as Question[] });
  byLocale.set(lesson.locale, list);
}
const english = byLocale.get('en') ?? [];
const choiceQuestions = (kind: Choice['kind']) =>
  english.flatMap((lesson) => lesson.questions.filter((q): q is Choice => q.kind === kind).map((q) => ({ path: lesson.path, q })));

describe('every lesson ends with a knowledge check', () => {
  for (const lesson of lessonFiles()) {
    it(`${lesson.path}`, () => {
      const at = lesson.source.lastIndexOf('<KnowledgeCheck');
      expect(at, `${lesson.path} has no <KnowledgeCheck>`).toBeGreaterThan(0);
      expect(lesson.source.slice(at).trim().endsWith('/>'), 'the check is the last thing in the lesson').toBe(true);
      const questions = knowledgeCheckQuestions(lesson.source) as Question[];
      expect(questions.length).toBeGreaterThanOrEqual(3);
      expect(questions.length).toBeLessThanOrEqual(5);
      questions.forEach((q, i) => expect(() => validateQuestion(q, `${lesson.path} question ${i + 1}`)).not.toThrow());
    });
  }

  it('asks the same questions with the same right answers in every language', () => {
    for (const [locale, lessons] of byLocale) {
      lessons.forEach((lesson, l) => {
        const en = english[l].questions;
        const shape = (q: Question) =>
          q.kind === 'single' || q.kind === 'multiple' ? `${q.kind}:${q.options.length}:${rightPositions(q)}`
          : q.kind === 'order' ? `order:${q.steps.length}` : `match:${q.pairs.length}`;
        expect(lesson.questions.map(shape), `${locale}: ${lesson.path}`).toEqual(en.map(shape));
        expect(lesson.questions.map((q) => Boolean(q.code)), `${lesson.path}: code samples`).toEqual(en.map((q) => Boolean(q.code)));
      });
    }
  });
});

describe('the knowledge checks cannot be passed by pattern', () => {
  const selectAll = choiceQuestions('multiple');
  const shapes = selectAll.map(({ q }) => ({ n: q.options.length, right: q.options.flatMap((o, i) => (o.correct ? [i] : [])) }));

  it('the course has enough "select all" questions to judge', () => {
    expect(selectAll.length).toBeGreaterThanOrEqual(4);
  });

  // Each shape a learner could learn to guess from; at least one question must break each.
  const guessable: Record<string, (s: { n: number; right: number[] }) => boolean> = {
    'all but the last': (s) => s.right.length === s.n - 1 && !s.right.includes(s.n - 1),
    'all but one': (s) => s.right.length === s.n - 1,
    'the last option is wrong': (s) => !s.right.includes(s.n - 1),
    'the first option is right': (s) => s.right.includes(0),
    'the first option is wrong': (s) => !s.right.includes(0),
    'the last option is right': (s) => s.right.includes(s.n - 1),
    'the right options are adjacent': (s) => s.right.every((r, i) => i === 0 || r === s.right[i - 1] + 1),
    'exactly two right': (s) => s.right.length === 2,
  };
  for (const [name, fits] of Object.entries(guessable)) {
    it(`"select all": not every question follows "${name}"`, () => {
      expect(shapes.filter(fits).length, JSON.stringify(shapes)).toBeLessThan(shapes.length);
    });
  }

  it('single choice: the right option is not mostly in one place', () => {
    const positions = choiceQuestions('single').map(({ q }) => q.options.findIndex((o) => o.correct));
    const counts = new Map<number, number>();
    for (const p of positions) counts.set(p, (counts.get(p) ?? 0) + 1);
    expect(Math.max(...counts.values()), `right-option positions: ${positions.join(',')}`).toBeLessThanOrEqual(Math.ceil(positions.length / 2));
    expect(counts.size).toBeGreaterThanOrEqual(3);
  });

  it('teaches through code: at least three predict-the-output questions', () => {
    expect(english.flatMap((l) => l.questions).filter((q) => q.code?.trim()).length).toBeGreaterThanOrEqual(3);
  });
});
