// Browser side of <KnowledgeCheck>: reads each question's answer from the form, grades it with the pure
// functions of questions.ts, writes the verdict and the explanations into live regions, and keeps the score
// in the site's progress store (src/components/site/progress.ts) so the course home can show it.
import { fill } from '../../i18n/translate.ts';
import { readProgress, recordQuiz } from '../site/progress.ts';
import { isCorrect, type Answer, type Question } from './questions.ts';

type Strings = Record<
  'check' | 'correct' | 'incorrect' | 'multipleSummary' | 'noAnswer' | 'rightOrder' | 'rightPairs' | 'youChose' | 'shouldChoose' | 'score' | 'saved' | 'moveUp' | 'moveDown',
  string
>;

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
  const chosen = [...item.querySelectorAll<HTMLSelectElement>('[data-match]')].map((select) => Number(select.value));
  return chosen.some((c) => c < 0) ? null : { kind: 'match', chosen };
}

function showFeedback(item: HTMLElement, question: Question, answer: Answer, right: boolean, strings: Strings): void {
  const feedback = item.querySelector<HTMLElement>('[data-feedback]')!;
  feedback.dataset.verdict = right ? 'right' : 'wrong';
  feedback.replaceChildren();
  const verdict = document.createElement('strong');
  verdict.textContent = right ? strings.correct : strings.incorrect;
  feedback.append(verdict);

  if (question.kind === 'single' || question.kind === 'multiple') {
    const chosen = new Set(answer.kind === 'order' ? [] : answer.chosen);
    if (question.kind === 'single') {
      // One choice: its explanation goes in the announced feedback, nothing repeated beside the option.
      const picked = question.options.find((_, i) => chosen.has(i));
      feedback.append(' ', picked?.explain ?? '');
      return;
    }
    // Several choices: each option the learner chose, and each right one they missed, is explained beside
    // it; the announced feedback sums up.
    item.querySelectorAll<HTMLElement>('[data-option]').forEach((li) => {
      const index = Number(li.dataset.option);
      const option = question.options[index];
      const explain = li.querySelector<HTMLElement>('[data-explain]')!;
      const picked = chosen.has(index);
      if (!picked && !(option.correct && question.kind === 'multiple' && !right)) {
        explain.hidden = true;
        return;
      }
      explain.hidden = false;
      explain.dataset.verdict = option.correct ? 'right' : 'wrong';
      explain.textContent = `${picked ? strings.youChose : strings.shouldChoose} ${option.explain}`;
    });
    const missed = question.options.filter((o, i) => o.correct && !chosen.has(i)).length;
    const wrong = question.options.filter((o, i) => !o.correct && chosen.has(i)).length;
    if (!right) feedback.append(' ', strings.multipleSummary.replace('{missed}', String(missed)).replace('{wrong}', String(wrong)));
    feedback.append(' ', question.options.filter((_, i) => chosen.has(i)).map((o) => o.explain).join(' '));
    return;
  }

  feedback.append(' ', question.explain);
  if (right) return;
  const title = document.createElement('p');
  title.textContent = question.kind === 'order' ? strings.rightOrder : strings.rightPairs;
  const list = document.createElement(question.kind === 'order' ? 'ol' : 'ul');
  const lines = question.kind === 'order' ? question.steps : question.pairs.map((p) => `${p.left} → ${p.right}`);
  for (const line of lines) {
    const li = document.createElement('li');
    li.textContent = line;
    list.append(li);
  }
  feedback.append(title, list);
}

/** Up/Down buttons move a step; focus follows the moved step so keyboard users keep their place. */
function moveStep(button: HTMLButtonElement): void {
  const li = button.closest<HTMLElement>('[data-step]');
  const list = li?.parentElement;
  if (!li || !list) return;
  const delta = Number(button.dataset.move);
  const sibling = delta < 0 ? li.previousElementSibling : li.nextElementSibling;
  if (!sibling) return;
  if (delta < 0) list.insertBefore(li, sibling);
  else list.insertBefore(sibling, li);
  li.querySelector<HTMLButtonElement>(`[data-move="${delta}"]`)?.focus();
}

function setUpOne(root: HTMLElement): void {
  if (root.dataset.ready) return;
  root.dataset.ready = 'true';
  const questions = readJson<Question[]>(root, '[data-questions]');
  const strings = readJson<Strings>(root, '[data-strings]');
  const slug = root.dataset.slug ?? '';
  const scoreLine = root.querySelector<HTMLElement>('[data-score]')!;
  const results = new Map<number, boolean>();

  const saved = slug ? readProgress().quizzes[slug] : undefined;
  if (saved) scoreLine.textContent = fill(strings.saved, { correct: saved.correct, total: saved.total });

  root.querySelectorAll<HTMLElement>('[data-question]').forEach((item) => {
    const index = Number(item.dataset.question);
    const question = questions[index];
    item.addEventListener('click', (event) => {
      const target = event.target as HTMLElement;
      const move = target.closest<HTMLButtonElement>('[data-move]');
      if (move) {
        moveStep(move);
        return;
      }
      if (!target.closest('[data-check]')) return;
      const answer = readAnswer(item, question);
      const feedback = item.querySelector<HTMLElement>('[data-feedback]')!;
      if (!answer) {
        feedback.dataset.verdict = 'wrong';
        feedback.textContent = strings.noAnswer;
        return;
      }
      const right = isCorrect(question, answer);
      results.set(index, right);
      showFeedback(item, question, answer, right, strings);
      const correct = [...results.values()].filter(Boolean).length;
      scoreLine.textContent = fill(strings.score, { correct, total: questions.length });
      if (slug) recordQuiz(slug, { correct, total: questions.length });
    });
  });
}

export function setUpKnowledgeChecks(doc: Document): void {
  doc.querySelectorAll<HTMLElement>('[data-knowledge-check]').forEach(setUpOne);
}
