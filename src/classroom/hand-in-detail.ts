// One hand-in as the teacher opens it from the table: who, which exercise, when, the code as handed in and
// the per-test results, drawn by the sandbox's own results view (the same GradeResult a student sees).
import type { Locale } from '../i18n/locales.ts';
import type { ClassTranslate } from '../i18n/class-strings.ts';
import { renderResult } from '../sandbox/results-view.ts';
import { type Fetch, handInFiles, handInStatus } from './class-api.ts';
import { type CellChoice, formatTime } from './dashboard-table.ts';

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}) => Object.assign(document.createElement(tag), props);

export async function showHandIn(host: HTMLElement, choice: CellChoice, api: { fetch: Fetch; code: string; token: string }, t: ClassTranslate, locale: Locale): Promise<void> {
  const heading = el('h2', { id: 'dash-detail-heading', tabIndex: -1, textContent: t('dash.detailHeading', { student: choice.student, exercise: choice.title }) });
  const close = el('button', { type: 'button', className: 'lab-button', textContent: t('dash.close') });
  close.dataset.action = 'close-detail';
  close.addEventListener('click', () => {
    host.hidden = true;
    host.replaceChildren();
    document.querySelector<HTMLElement>(`[data-cell-key="${CSS.escape(`${choice.student}\n${choice.exercise}`)}"]`)?.focus();
  });
  host.replaceChildren(heading, close);
  host.hidden = false;
  host.dataset.student = choice.student;
  host.dataset.exercise = choice.exercise;
  heading.focus();
  try {
    const [status, stored] = await Promise.all([handInStatus(api.fetch, api.code, api.token, choice.lastId), handInFiles(api.fetch, api.code, api.token, choice.lastId)]);
    const when = el('p', { textContent: t('dash.handedInAt', { time: formatTime(status.handedInAt, locale) }) });
    const code = [el('h3', { textContent: t('dash.code') }), ...Object.entries(stored.files).flatMap(([name, text]) => {
      const pre = el('pre', { className: 'dash-code' });
      pre.append(el('code', { textContent: text }));
      pre.dataset.file = name;
      return [el('h4', { textContent: name }), pre];
    })];
    const summary = el('p', { className: 'dash-summary' });
    summary.dataset.role = 'detail-summary';
    const tests = el('ol', { className: 'dash-tests' });
    const result = stored.result ?? status.result;
    if (result) renderResult(summary, tests, locale, result);
    else summary.textContent = t('dash.pending');
    host.append(when, el('h3', { textContent: t('dash.results') }), summary, tests, ...code);
  } catch (error) {
    host.append(el('p', { className: 'dash-error', textContent: t('dash.detailFailed', { message: error instanceof Error ? error.message : String(error) }) }));
  }
}
