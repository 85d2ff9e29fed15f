// The dashboard's table: one row per student, one column per exercise; each cell the best score, the number
// of hand-ins and when the last one came, and a button that opens that hand-in. Real table semantics (a
// caption, column and row headers) so a screen reader names every cell by student and exercise.
import { htmlLang, type Locale } from '../i18n/locales.ts';
import type { ClassTranslate } from '../i18n/class-strings.ts';
import type { Dashboard, ExerciseStanding } from './class-api.ts';

export interface CellChoice {
  student: string;
  exercise: string;
  title: string;
  lastId: string;
}

export function formatTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(htmlLang[locale], { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

function cell(standing: ExerciseStanding | undefined, choice: Omit<CellChoice, 'lastId'>, t: ClassTranslate, locale: Locale, open: (c: CellChoice) => void): HTMLTableCellElement {
  const td = document.createElement('td');
  td.dataset.student = choice.student;
  td.dataset.exercise = choice.exercise;
  if (!standing || standing.attempts === 0 || !standing.lastId) {
    td.dataset.attempts = '0';
    td.append(Object.assign(document.createElement('span'), { className: 'dash-muted', textContent: t('dash.notYet') }));
    return td;
  }
  Object.assign(td.dataset, { best: String(standing.best), max: String(standing.max), attempts: String(standing.attempts) });
  const button = Object.assign(document.createElement('button'), { type: 'button', className: 'dash-cell', textContent: t('dash.score', { best: standing.best, max: standing.max }) });
  button.setAttribute('aria-label', `${button.textContent}. ${t('dash.open', { student: choice.student, exercise: choice.title })}`);
  button.dataset.cellKey = `${choice.student}\n${choice.exercise}`;
  const lastId = standing.lastId;
  button.addEventListener('click', () => open({ ...choice, lastId }));
  const when = standing.lastHandedInAt ? ` · ${t('dash.lastAt', { time: formatTime(standing.lastHandedInAt, locale) })}` : '';
  const note = Object.assign(document.createElement('span'), { className: 'dash-muted', textContent: `${t('dash.attempts', { count: standing.attempts })}${when}` });
  if (standing.best >= standing.max && standing.max > 0) td.dataset.complete = 'true';
  td.append(button, document.createElement('br'), note);
  return td;
}

/** Draws the table into `host`, keeping the keyboard focus on the same cell across refreshes. */
export function renderTable(host: HTMLElement, data: Dashboard, t: ClassTranslate, locale: Locale, open: (choice: CellChoice) => void): void {
  const focused = (document.activeElement as HTMLElement | null)?.dataset?.cellKey;
  const table = document.createElement('table');
  table.className = 'dash-table';
  table.createCaption().textContent = t('dash.caption');
  const head = table.createTHead().insertRow();
  const columns = [t('dash.student'), ...data.class.exercises.map((e) => e.title)];
  for (const label of columns) head.append(Object.assign(document.createElement('th'), { scope: 'col', textContent: label }));
  const body = table.createTBody();
  for (const student of data.students) {
    const row = body.insertRow();
    row.dataset.student = student.name;
    row.append(Object.assign(document.createElement('th'), { scope: 'row', textContent: student.name }));
    for (const exercise of data.class.exercises) {
      row.append(cell(student.exercises[exercise.id], { student: student.name, exercise: exercise.id, title: exercise.title }, t, locale, open));
    }
  }
  host.replaceChildren(table);
  if (focused) host.querySelector<HTMLElement>(`[data-cell-key="${CSS.escape(focused)}"]`)?.focus();
}
