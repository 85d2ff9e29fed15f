// The knowledge check's question data, its grading and its mastery loop, as pure functions shared by the page
// script and the tests. Lessons write questions inline in MDX (see content/lessons/AUTHORING.md); each language
// supplies its own strings and keeps the same right answers.
//
// The loop: a wrong first try gets a targeted hint (never the answer); a second wrong try reveals the right
// answer; every retry reshuffles what is shown, so a retry is answered by reading, not by position. The score
// counts first tries only.

interface ChoiceOption {
  text: string;
  correct?: boolean;
  /**
   * A right option: why it is right (shown once answered right, or revealed).
   * A wrong option: the targeted hint shown when the learner picks it; it names the misconception and must not
   * give the right answer away.
   */
  explain: string;
}

interface Common {
  prompt: string;
  /** A short code sample shown under the prompt (predict-the-output questions). */
  code?: string;
}

export type Question =
  | (Common & { kind: 'single'; options: ChoiceOption[] })
  | (Common & { kind: 'multiple'; options: ChoiceOption[] })
  /** steps in the right order; the page shows them scrambled. `hint`: a nudge shown after a wrong try. */
  | (Common & { kind: 'order'; steps: string[]; hint: string; explain: string })
  | (Common & { kind: 'match'; pairs: { left: string; right: string }[]; hint: string; explain: string });

/** What the learner answered: chosen option indexes, step indexes in the order shown, or per left item the chosen right item index (-1 = none). */
export type Answer =
  | { kind: 'single'; chosen: number[] }
  | { kind: 'multiple'; chosen: number[] }
  | { kind: 'order'; order: number[] }
  | { kind: 'match'; chosen: number[] };

function choiceProblem(question: Extract<Question, { kind: 'single' | 'multiple' }>): string | null {
  if (question.options.length < 2) return 'needs at least two options';
  const right = question.options.filter((o) => o.correct).length;
  if (question.kind === 'single' && right !== 1) return `a single-choice question needs exactly one correct option, has ${right}`;
  if (question.kind === 'multiple' && right < 1) return 'a multiple-choice question needs at least one correct option';
  if (question.kind === 'multiple' && right === question.options.length) return 'a multiple-choice question needs at least one wrong option';
  if (question.options.some((o) => !o.explain?.trim())) return 'every option needs an explanation (a hint for a wrong one)';
  return null;
}

function problemOf(question: Question): string | null {
  if (!question.prompt?.trim()) return 'the prompt is empty';
  if (question.kind === 'single' || question.kind === 'multiple') return choiceProblem(question);
  if (question.kind === 'order') {
    if (question.steps.length < 3) return 'an ordering question needs at least three steps';
    if (new Set(question.steps).size !== question.steps.length) return 'steps must differ';
  } else if (question.kind === 'match') {
    if (question.pairs.length < 2) return 'a matching question needs at least two pairs';
    if (new Set(question.pairs.map((p) => p.right)).size !== question.pairs.length) return 'right-hand items must differ';
  } else {
    return `unknown kind ${JSON.stringify((question as { kind: unknown }).kind)}`;
  }
  if (!question.hint?.trim()) return 'needs a hint for a wrong try';
  return null;
}

/** Throws on a question a learner could not answer, so a broken lesson fails the build, not the learner. */
export function validateQuestion(question: Question, where: string): void {
  const problem = problemOf(question);
  if (problem) throw new Error(`Knowledge check ${where}: ${problem}`);
}

export function isCorrect(question: Question, answer: Answer): boolean {
  if ((question.kind === 'single' || question.kind === 'multiple') && (answer.kind === 'single' || answer.kind === 'multiple')) {
    const right = question.options.flatMap((o, i) => (o.correct ? [i] : []));
    const chosen = [...new Set(answer.chosen)].sort((a, b) => a - b);
    return chosen.length === right.length && chosen.every((c, i) => c === right[i]);
  }
  if (question.kind === 'order' && answer.kind === 'order') {
    return answer.order.length === question.steps.length && answer.order.every((step, position) => step === position);
  }
  if (question.kind === 'match' && answer.kind === 'match') {
    return answer.chosen.length === question.pairs.length && answer.chosen.every((right, left) => right === left);
  }
  return false;
}

/** How many parts of an ordering or matching answer are already right (steps in place, pairs matched). */
export function partsRight(answer: Answer): number {
  if (answer.kind === 'order') return answer.order.filter((step, position) => step === position).length;
  if (answer.kind === 'match') return answer.chosen.filter((right, left) => right === left).length;
  return 0;
}

/** One question's progress through the mastery loop. */
export interface Attempt {
  tries: number;
  /** Right on the first try: the only thing the score counts. Undefined until the first check. */
  firstTryRight?: boolean;
  solved: boolean;
  /** The right answer has been shown (after the second wrong try). */
  revealed: boolean;
}

export const freshAttempt: Attempt = { tries: 0, solved: false, revealed: false };

/** What the learner sees after a check: praise, a hint (first wrong try), or the right answer (second and later). */
export type Stage = 'right' | 'hint' | 'reveal';

export function afterCheck(attempt: Attempt, right: boolean): { attempt: Attempt; stage: Stage } {
  const tries = attempt.tries + 1;
  const revealed = attempt.revealed || (!right && tries >= 2);
  const next: Attempt = { tries, firstTryRight: attempt.firstTryRight ?? right, solved: attempt.solved || right, revealed };
  return { attempt: next, stage: right ? 'right' : revealed ? 'reveal' : 'hint' };
}

/** The score: questions answered right on the first try. A right answer after a hint or a reveal adds nothing. */
export function firstTryScore(attempts: Iterable<Attempt>): number {
  return [...attempts].filter((a) => a.firstTryRight === true).length;
}

const sameOrder = (a: number[], b: number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * A new random order of `previous` for a retry: never the order shown before, and never one of `avoid` (an
 * ordering question passes the solved order). Fisher-Yates with `random`; when chance repeats an order, the
 * next cyclic shift that is allowed (with three or more items one always is).
 */
export function reshuffle(previous: number[], random: () => number, avoid: number[][] = []): number[] {
  const order = [...previous];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const banned = [previous, ...avoid];
  for (let shift = 0; shift < order.length; shift++) {
    const candidate = [...order.slice(shift), ...order.slice(0, shift)];
    if (!banned.some((b) => sameOrder(b, candidate))) return candidate;
  }
  return order;
}

/**
 * A fixed scrambled order of n items that is never the identity (for n >= 2): reversed, then rotated by one.
 * Deterministic so the server-rendered page and tests agree, and never already solved.
 */
export function scrambledOrder(n: number): number[] {
  const reversed = Array.from({ length: n }, (_, i) => n - 1 - i);
  const rotated = [...reversed.slice(1), ...reversed.slice(0, 1)];
  const isIdentity = (order: number[]) => order.every((v, i) => v === i);
  return isIdentity(rotated) ? reversed : rotated;
}

/** The right-hand items of a matching question in the order the menu lists them (alphabetical, so no hint). */
export function matchMenu(question: Extract<Question, { kind: 'match' }>, locale: string): number[] {
  return question.pairs.map((_, i) => i).sort((a, b) => question.pairs[a].right.localeCompare(question.pairs[b].right, locale));
}

/** The positions (0-based) of the right options of a choice question, as a string such as "0,1,3". */
export function rightPositions(question: Extract<Question, { kind: 'single' | 'multiple' }>): string {
  return question.options.flatMap((o, i) => (o.correct ? [i] : [])).join(',');
}
