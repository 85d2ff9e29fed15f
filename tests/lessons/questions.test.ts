// The knowledge check's grading rules (src/components/lessons/questions.ts) and the questions the lessons ask.
import { describe, expect, it } from 'vitest';
import { isCorrect, scrambledOrder, validateQuestion, type Question } from '../../src/components/lessons/questions.ts';
import { lessonFiles } from './lesson-files.ts';

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
const order: Question = { kind: 'order', prompt: 'p', steps: ['one', 'two', 'three', 'four'], explain: 'e' };
const match: Question = { kind: 'match', prompt: 'p', pairs: [{ left: 'a', right: 'A' }, { left: 'b', right: 'B' }], explain: 'e' };

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

  it('ordering: the steps in their given order', () => {
    expect(isCorrect(order, { kind: 'order', order: [0, 1, 2, 3] })).toBe(true);
    expect(isCorrect(order, { kind: 'order', order: [1, 0, 2, 3] })).toBe(false);
  });

  it('matching: every left item with its own right item', () => {
    expect(isCorrect(match, { kind: 'match', chosen: [0, 1] })).toBe(true);
    expect(isCorrect(match, { kind: 'match', chosen: [1, 0] })).toBe(false);
  });

  it('shows steps scrambled, never already solved', () => {
    for (let n = 2; n <= 8; n++) {
      const shown = scrambledOrder(n);
      expect([...shown].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
      expect(shown.every((v, i) => v === i)).toBe(false);
    }
  });

  it('rejects questions a learner could not answer', () => {
    expect(() => validateQuestion({ ...single, options: single.options.map((o) => ({ ...o, correct: true })) }, 't')).toThrow(/exactly one/);
    expect(() => validateQuestion({ ...order, steps: ['a', 'b'] }, 't')).toThrow(/three steps/);
    expect(() => validateQuestion({ ...match, pairs: [{ left: 'a', right: 'A' }, { left: 'b', right: 'A' }] }, 't')).toThrow(/differ/);
    expect(() => validateQuestion(single, 't')).not.toThrow();
  });
});

describe('every lesson ends with a knowledge check', () => {
  for (const lesson of lessonFiles()) {
    it(`${lesson.path}`, () => {
      const at = lesson.source.lastIndexOf('<KnowledgeCheck');
      expect(at, `${lesson.path} has no <KnowledgeCheck>`).toBeGreaterThan(0);
      expect(lesson.source.slice(at).trim().endsWith('/>'), 'the check is the last thing in the lesson').toBe(true);
      const kinds = [...lesson.source.slice(at).matchAll(/kind: '(single|multiple|order|match)'/g)].length;
      expect(kinds).toBeGreaterThanOrEqual(3);
      expect(kinds).toBeLessThanOrEqual(5);
    });
  }
});
