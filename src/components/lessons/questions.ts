// The knowledge check's question data and its grading, as pure functions shared by the page script and the
// tests. Lessons write questions inline in MDX (see content/lessons/AUTHORING.md); each language supplies its
// own strings and keeps the same right answers.

interface ChoiceOption {
  text: string;
  correct?: boolean;
  /** Why this option is right or wrong; shown after the learner checks. */
  explain: string;
}

export type Question =
  | { kind: 'single'; prompt: string; options: ChoiceOption[] }
  | { kind: 'multiple'; prompt: string; options: ChoiceOption[] }
  /** steps in the right order; the page shows them shuffled. */
  | { kind: 'order'; prompt: string; steps: string[]; explain: string }
  | { kind: 'match'; prompt: string; pairs: { left: string; right: string }[]; explain: string };

/** What the learner answered: chosen option indexes, step indexes in the order shown, or per left item the chosen right item index (-1 = none). */
export type Answer =
  | { kind: 'single'; chosen: number[] }
  | { kind: 'multiple'; chosen: number[] }
  | { kind: 'order'; order: number[] }
  | { kind: 'match'; chosen: number[] };

/** Throws on a question a learner could not answer, so a broken lesson fails the build, not the learner. */
export function validateQuestion(question: Question, where: string): void {
  const fail = (why: string) => {
    throw new Error(`Knowledge check ${where}: ${why}`);
  };
  if (!question.prompt?.trim()) fail('the prompt is empty');
  if (question.kind === 'single' || question.kind === 'multiple') {
    if (question.options.length < 2) fail('needs at least two options');
    const right = question.options.filter((o) => o.correct).length;
    if (question.kind === 'single' && right !== 1) fail(`a single-choice question needs exactly one correct option, has ${right}`);
    if (question.kind === 'multiple' && right < 1) fail('a multiple-choice question needs at least one correct option');
    if (question.options.some((o) => !o.explain?.trim())) fail('every option needs an explanation');
  } else if (question.kind === 'order') {
    if (question.steps.length < 3) fail('an ordering question needs at least three steps');
    if (new Set(question.steps).size !== question.steps.length) fail('steps must differ');
  } else if (question.kind === 'match') {
    if (question.pairs.length < 2) fail('a matching question needs at least two pairs');
    if (new Set(question.pairs.map((p) => p.right)).size !== question.pairs.length) fail('right-hand items must differ');
  } else {
    fail(`unknown kind ${JSON.stringify((question as { kind: unknown }).kind)}`);
  }
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
