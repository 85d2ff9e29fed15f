// Paints the learner's progress into the page: ProgressBadges lists, the home page summary and
// "continue" link, the lesson page's "mark as read" button. Runs on load and after every change, and turns
// a sandbox's passing run into a completed exercise.
import { fill } from '../../i18n/translate.ts';
import { listenForRunResults, markLessonComplete, onProgressChange, readProgress, resetProgress, type Progress } from './progress.ts';

function setBadge(badge: Element | null, done: boolean, values: Record<string, number> = {}): void {
  if (!badge) return;
  const text = badge.getAttribute(done ? 'data-done-text' : 'data-todo-text') ?? '';
  badge.textContent = fill(text, values);
  badge.classList.toggle('lab-badge--done', done);
}

function paintBadges(progress: Progress): void {
  for (const list of document.querySelectorAll('[data-progress-lesson]')) {
    const slug = list.getAttribute('data-progress-lesson') ?? '';
    const exercise = list.getAttribute('data-progress-exercise');
    setBadge(list.querySelector('[data-progress="read"]'), Boolean(progress.lessons[slug]));
    if (exercise) setBadge(list.querySelector('[data-progress="exercise"]'), Boolean(progress.exercises[exercise]));
    const quiz = progress.quizzes[slug];
    setBadge(list.querySelector('[data-progress="quiz"]'), Boolean(quiz), quiz ? { correct: quiz.correct, total: quiz.total } : {});
  }
}

function paintSummary(progress: Progress): void {
  const summary = document.querySelector('[data-progress-summary]');
  if (!summary) return;
  const slugs = [...document.querySelectorAll('[data-progress-lesson]')].map((el) => el.getAttribute('data-progress-lesson') ?? '');
  const read = slugs.filter((slug) => progress.lessons[slug]).length;
  const text = summary.querySelector('[data-summary-text]');
  if (text) text.textContent = fill(summary.getAttribute('data-template') ?? '', { read, total: slugs.length });
  summary.querySelector('progress')?.setAttribute('value', String(read));
  // "Continue" goes to the first lesson not read yet.
  const next = slugs.find((slug) => !progress.lessons[slug]);
  const link = document.querySelector<HTMLAnchorElement>('[data-continue-link]');
  const target = next && document.querySelector<HTMLAnchorElement>(`[data-lesson-link="${next}"]`);
  if (link && target) {
    link.setAttribute('href', target.getAttribute('href') ?? link.href);
    if (read > 0) link.textContent = link.getAttribute('data-continue-text');
  }
}

function paintMarkReadButton(progress: Progress): void {
  const button = document.querySelector<HTMLButtonElement>('[data-mark-read]');
  if (!button) return;
  const done = Boolean(progress.lessons[button.getAttribute('data-mark-read') ?? '']);
  button.textContent = button.getAttribute(done ? 'data-done-text' : 'data-todo-text');
  button.setAttribute('aria-pressed', String(done));
  button.classList.toggle('lab-badge--done', done);
}

function paint(progress: Progress): void {
  paintBadges(progress);
  paintSummary(progress);
  paintMarkReadButton(progress);
}

paint(readProgress());
onProgressChange(paint);
// A passing run in a sandbox on this page completes its exercise.
listenForRunResults();

document.addEventListener('click', (event) => {
  const target = event.target as Element | null;
  const markRead = target?.closest?.('[data-mark-read]');
  if (markRead) markLessonComplete(markRead.getAttribute('data-mark-read') ?? '');
  // Going on to the next lesson counts as having read this one.
  const next = target?.closest?.('[data-next-marks-read]');
  if (next) markLessonComplete(next.getAttribute('data-next-marks-read') ?? '');
  const reset = target?.closest?.('[data-reset-progress]');
  if (reset && confirm(reset.getAttribute('data-confirm') ?? '')) resetProgress();
});
