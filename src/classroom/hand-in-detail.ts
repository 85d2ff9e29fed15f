// A student's hand-ins for an exercise as the teacher opens them from the table: the list of every hand-in
// (when, and its official score), and the one picked (the newest at first): its code as handed in and its
// per-test results, drawn by the sandbox's own results view (the same GradeResult a student sees).
import type { Locale } from '../i18n/locales.ts';
import type { ClassTranslate } from '../i18n/class-strings.ts';
import { renderResult } from '../sandbox/results-view.ts';
import { type Fetch, handInFiles, handInStatus, type HandInSummary, studentHandIns } from './class-api.ts';
import { type CellChoice, formatTime } from './dashboard-table.ts';

type Api = { fetch: Fetch; code: string; token: string };

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}) => Object.assign(document.createElement(tag), props);

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What a hand-in came to, in a few words: its score once graded, else where it is. */
function outcome(handin: HandInSummary, t: ClassTranslate): string {
  if (handin.status === 'graded' && handin.score !== null) return t('dash.score', { best: handin.score, max: handin.max });
  return handin.status === 'failed' ? t('dash.handinFailed') : t('dash.handinWaiting');
}

/** One hand-in's time, code and results, drawn into `host` (replacing what was there). */
async function showOne(host: HTMLElement, id: string, api: Api, t: ClassTranslate, locale: Locale): Promise<void> {
  host.replaceChildren();
  host.dataset.handin = id;
  try {
    const [status, stored] = await Promise.all([handInStatus(api.fetch, api.code, api.token, id), handInFiles(api.fetch, api.code, api.token, id)]);
    if (host.dataset.handin !== id) return; // another hand-in was picked meanwhile
    const when = el('p', { textContent: t('dash.handedInAt', { time: formatTime(status.handedInAt, locale) }) });
    const code = [el('h3', { textContent: t('dash.code') }), ...Object.entries(stored.files).flatMap(([name, text]) => {
      const pre = el('pre', { className: 'dash-code', tabIndex: 0 }); // scrolls: reachable by keyboard too
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
    host.append(el('p', { className: 'dash-error', textContent: t('dash.detailFailed', { message: errorText(error) }) }));
  }
}

/** The list of hand-ins, one button each; the picked one is marked aria-current and shown in `shown`. */
function handInList(handins: HandInSummary[], shown: HTMLElement, api: Api, t: ClassTranslate, locale: Locale): HTMLElement {
  const list = el('ol', { className: 'dash-handins' });
  list.dataset.role = 'handin-list';
  const buttons: HTMLButtonElement[] = [];
  const pick = (index: number) => {
    buttons.forEach((b, i) => (i === index ? b.setAttribute('aria-current', 'true') : b.removeAttribute('aria-current')));
    void showOne(shown, handins[index].id, api, t, locale);
  };
  handins.forEach((handin, index) => {
    const button = el('button', { type: 'button', className: 'dash-cell', textContent: `${formatTime(handin.handedInAt, locale)} · ${outcome(handin, t)}` });
    Object.assign(button.dataset, { handin: handin.id, status: handin.status, score: String(handin.score ?? '') });
    button.addEventListener('click', () => pick(index));
    buttons.push(button);
    list.append(el('li', {}));
    list.lastElementChild?.append(button);
  });
  if (handins.length) pick(0);
  return list;
}

export async function showHandIn(host: HTMLElement, choice: CellChoice, api: Api, t: ClassTranslate, locale: Locale): Promise<void> {
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
  const shown = el('div');
  shown.dataset.role = 'handin-shown';
  try {
    const { handins } = await studentHandIns(api.fetch, api.code, api.token, choice.student, choice.exercise);
    host.append(el('h3', { textContent: t('dash.handins', { count: handins.length }) }), handInList(handins, shown, api, t, locale), shown);
  } catch (error) {
    host.append(el('p', { className: 'dash-error', textContent: t('dash.detailFailed', { message: errorText(error) }) }));
  }
}
