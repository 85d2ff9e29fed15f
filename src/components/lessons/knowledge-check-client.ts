// Browser side of <KnowledgeCheck>: the mastery loop of questions.ts on the page. Check grades the form; a
// wrong first try shows a targeted hint and a Try again button; a second wrong try shows the right answer;
// Try again clears the answer and reshuffles what is shown. The score line (and the progress store, so the
// course home can show it) counts first tries only.
import { htmlLang, isLocale } from '../../i18n/locales.ts';
import { fill, pickForm, type Entry } from '../../i18n/translate.ts';
import { readProgress, recordQuiz } from '../site/progress.ts';
import { afterCheck, firstTryScore, freshAttempt, isCorrect, partsRight, reshuffle, type Answer, type Attempt, type Question, type Stage } from './questions.ts';

type Strings = Record<
  | 'correct' | 'incorrect' | 'multipleSummary' | 'noAnswer' | 'rightOrder' | 'rightPairs' | 'rightAnswer' | 'youChose' | 'shouldChoose'
  | 'score' | 'saved' | 'tryAgainNote' | 'revealNote',
  string
> &
  Record<'stepsInPlace' | 'pairsRight', Entry>;

type ChoiceQuestion = Extract<Question, { kind: 'single' | 'multiple' }>;

function readJson<T>(root: Element, selector: string): T {
  return JSON.parse(root.querySelector(selector)?.textContent ?? 'null') as T;
}

/** The learner's current answer, or null when nothing is chosen yet. */
function readAnswer(item: HTMLElement, question: Question): Answer | null {
  if (question.kind === 'single' || question.kind === 'multiple') {
    const chosen = [...item.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => Number(input.value));
    return chosen.length ? { kind: question.kind, chosen } : null;
  }
  if (question.kind === 'order') {
    return { kind: 'order', order: [...item.querySelectorAll<HTMLElement>('[data-step]')].map((li) => Number(li.dataset.step)) };
  }
  // Indexed by each menu's own left item: a retry reshuffles the rows, so screen order is not pair order.
  const chosen: number[] = [];
  item.querySelectorAll<HTMLSelectElement>('[data-match]').forEach((select) => (chosen[Number(select.dataset.match)] = Number(select.value)));
  return chosen.some((c) => c < 0) ? null : { kind: 'match', chosen };
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

function list(lines: string[], ordered: boolean): HTMLElement {
  const element = document.createElement(ordered ? 'ol' : 'ul');
  for (const line of lines) {
    const li = document.createElement('li');
    li.textContent = line;
    element.append(li);
  }
  return element;
}

/** Marks one option with its note (the hint of a wrong pick, or why a right one is right), or hides the note. */
function markOption(item: HTMLElement, index: number, note: { verdict: 'right' | 'wrong'; text: string } | null): void {
  const explain = item.querySelector<HTMLElement>(`[data-option="${index}"] [data-explain]`);
  if (!explain) return;
  explain.hidden = !note;
  if (!note) return;
  explain.dataset.verdict = note.verdict;
  explain.textContent = note.text;
}

/** Feedback on a choice question: hints for wrong picks; on a reveal or a right answer, why the right ones are right. */
function choiceFeedback(item: HTMLElement, question: ChoiceQuestion, chosen: Set<number>, stage: Stage, strings: Strings): Node[] {
  const showRight = stage !== 'hint';
  const nodes: Node[] = [];
  question.options.forEach((option, index) => {
    const picked = chosen.has(index);
    const note =
      picked && !option.correct ? { verdict: 'wrong' as const, text: `${strings.youChose} ${option.explain}` }
      : option.correct && showRight && question.kind === 'multiple' ? { verdict: 'right' as const, text: `${picked ? strings.youChose : strings.shouldChoose} ${option.explain}` }
      : null;
    markOption(item, index, question.kind === 'multiple' ? note : null);
  });
  const wrongPicks = question.options.filter((o, i) => !o.correct && chosen.has(i));
  if (question.kind === 'multiple' && stage !== 'right') {
    const missed = question.options.filter((o, i) => o.correct && !chosen.has(i)).length;
    nodes.push(paragraph(fill(strings.multipleSummary, { missed, wrong: wrongPicks.length })));
  }
  if (question.kind === 'single') nodes.push(...wrongPicks.map((o) => paragraph(o.explain)));
  if (!showRight) return nodes;
  const right = question.options.filter((o) => o.correct);
  if (stage === 'reveal') nodes.push(paragraph(strings.rightAnswer), list(right.map((o) => o.text), false));
  if (question.kind === 'single') nodes.push(paragraph(right[0].explain));
  return nodes;
}

/** Feedback on an ordering or matching question: how many parts are right and the hint; the answer on a reveal. */
function sequenceFeedback(question: Extract<Question, { kind: 'order' | 'match' }>, answer: Answer, stage: Stage, strings: Strings, lang: string): Node[] {
  if (stage === 'right') return [paragraph(question.explain)];
  const count = partsRight(answer);
  const total = question.kind === 'order' ? question.steps.length : question.pairs.length;
  const progress = fill(pickForm(question.kind === 'order' ? strings.stepsInPlace : strings.pairsRight, lang, count), { count, total });
  const nodes: Node[] = [paragraph(progress), paragraph(question.hint)];
  if (stage === 'hint') return nodes;
  const lines = question.kind === 'order' ? question.steps : question.pairs.map((p) => `${p.left} → ${p.right}`);
  nodes.push(paragraph(question.kind === 'order' ? strings.rightOrder : strings.rightPairs), list(lines, question.kind === 'order'), paragraph(question.explain));
  return nodes;
}

function showFeedback(item: HTMLElement, question: Question, answer: Answer, stage: Stage, strings: Strings, lang: string): void {
  const feedback = item.querySelector<HTMLElement>('[data-feedback]')!;
  feedback.dataset.verdict = stage === 'right' ? 'right' : 'wrong';
  feedback.dataset.stage = stage;
  const verdict = document.createElement('strong');
  verdict.textContent = stage === 'right' ? strings.correct : strings.incorrect;
  const body =
    question.kind === 'single' || question.kind === 'multiple'
      ? choiceFeedback(item, question, new Set(answer.kind === 'order' ? [] : answer.chosen), stage, strings)
      : sequenceFeedback(question, answer, stage, strings, lang);
  const note = stage === 'hint' ? [paragraph(strings.tryAgainNote)] : stage === 'reveal' ? [paragraph(strings.revealNote)] : [];
  feedback.replaceChildren(verdict, ...body, ...note);
}

/** Up/Down buttons move a step; focus follows the moved step so keyboard users keep their place. */
function moveStep(button: HTMLButtonElement): void {
  const li = button.closest<HTMLElement>('[data-step]');
  const parent = li?.parentElement;
  if (!li || !parent) return;
  const delta = Number(button.dataset.move);
  const sibling = delta < 0 ? li.previousElementSibling : li.nextElementSibling;
  if (!sibling) return;
  if (delta < 0) parent.insertBefore(li, sibling);
  else parent.insertBefore(sibling, li);
  li.querySelector<HTMLButtonElement>(`[data-move="${delta}"]`)?.focus();
}

/** The shuffled parts of a question (options, steps or matching rows) and the attribute that numbers them. */
function shuffledParts(item: HTMLElement, question: Question): { parts: HTMLElement[]; attribute: string } {
  const attribute = question.kind === 'order' ? 'step' : question.kind === 'match' ? 'pair' : 'option';
  return { parts: [...item.querySelectorAll<HTMLElement>(`[data-${attribute}]`)], attribute };
}

/** Try again: clear the answer, reshuffle what is shown (never the same order, never a solved one), focus the first control. */
function retry(item: HTMLElement, question: Question): void {
  const { parts, attribute } = shuffledParts(item, question);
  const shown = parts.map((part) => Number(part.dataset[attribute]));
  const solved = question.kind === 'order' ? [parts.map((_, i) => i)] : [];
  const order = reshuffle(shown, Math.random, solved);
  const byNumber = new Map(parts.map((part) => [Number(part.dataset[attribute]), part]));
  const parent = parts[0]?.parentElement;
  for (const number of order) parent?.append(byNumber.get(number)!);
  item.querySelectorAll<HTMLInputElement>('input').forEach((input) => (input.checked = false));
  item.querySelectorAll<HTMLSelectElement>('[data-match]').forEach((select) => (select.value = '-1'));
  item.querySelectorAll<HTMLElement>('[data-explain]').forEach((explain) => (explain.hidden = true));
  setLocked(item, false);
  item.querySelector<HTMLElement>('input, select, [data-move]')?.focus();
}

/** While a wrong answer's feedback is up, the answer is frozen until Try again (so a retry always reshuffles). */
function setLocked(item: HTMLElement, locked: boolean, retryOffered = false): void {
  item.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('input, select, [data-move], [data-check]').forEach((control) => {
    control.disabled = locked;
  });
  const retryButton = item.querySelector<HTMLButtonElement>('[data-retry]')!;
  retryButton.hidden = !retryOffered;
  item.querySelector<HTMLButtonElement>('[data-check]')!.hidden = retryOffered;
}

function setUpOne(root: HTMLElement): void {
  if (root.dataset.ready) return;
  root.dataset.ready = 'true';
  const questions = readJson<Question[]>(root, '[data-questions]');
  const strings = readJson<Strings>(root, '[data-strings]');
  const locale = root.dataset.locale;
  const lang = isLocale(locale) ? htmlLang[locale] : 'en';
  const slug = root.dataset.slug ?? '';
  const scoreLine = root.querySelector<HTMLElement>('[data-score]')!;
  const attempts = new Map<number, Attempt>();

  const saved = slug ? readProgress().quizzes[slug] : undefined;
  if (saved) scoreLine.textContent = fill(strings.saved, { correct: saved.correct, total: saved.total });

  const check = (item: HTMLElement, index: number) => {
    const question = questions[index];
    const answer = readAnswer(item, question);
    const feedback = item.querySelector<HTMLElement>('[data-feedback]')!;
    if (!answer) {
      feedback.dataset.verdict = 'wrong';
      feedback.textContent = strings.noAnswer;
      return;
    }
    const { attempt, stage } = afterCheck(attempts.get(index) ?? freshAttempt, isCorrect(question, answer));
    attempts.set(index, attempt);
    showFeedback(item, question, answer, stage, strings, lang);
    setLocked(item, true, stage !== 'right');
    if (stage !== 'right') item.querySelector<HTMLButtonElement>('[data-retry]')!.focus();
    const correct = firstTryScore(attempts.values());
    scoreLine.textContent = fill(strings.score, { correct, total: questions.length });
    if (slug) recordQuiz(slug, { correct, total: questions.length });
  };

  root.querySelectorAll<HTMLElement>('[data-question]').forEach((item) => {
    const index = Number(item.dataset.question);
    item.addEventListener('click', (event) => {
      const target = event.target as HTMLElement;
      const move = target.closest<HTMLButtonElement>('[data-move]');
      if (move) moveStep(move);
      else if (target.closest('[data-check]')) check(item, index);
      else if (target.closest('[data-retry]')) retry(item, questions[index]);
    });
  });
}

export function setUpKnowledgeChecks(doc: Document): void {
  doc.querySelectorAll<HTMLElement>('[data-knowledge-check]').forEach(setUpOne);
}
