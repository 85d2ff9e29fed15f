// The teacher's dashboard page (src/pages/[locale]/class/index.astro, served by the class server for any
// /<locale>/class/<code>/): the class code from the address, the teacher token from the link's fragment, then
// a table that refreshes every few seconds (while the tab is visible), one hand-in at a click, re-grade all,
// and the exports downloaded with the token (a plain link could not send it).
import { isLocale, type Locale } from '../i18n/locales.ts';
import { type ClassTranslate, classStrings } from '../i18n/class-strings.ts';
import { translator } from '../i18n/translate.ts';
import { ClassApiError, dashboard, downloadExport, type ExportFile, exportFiles, type Fetch, NoClassServerError, regradeAll } from './class-api.ts';
import { codeFromPath } from './class-code.ts';
import { renderTable } from './dashboard-table.ts';
import { showHandIn } from './hand-in-detail.ts';
import { teacherToken } from './teacher-token.ts';

const REFRESH_MS = 3000;

interface Api {
  fetch: Fetch;
  code: string;
  token: string;
}

function find<T extends HTMLElement = HTMLElement>(root: HTMLElement, role: string): T {
  const node = root.querySelector<T>(`[data-role="${role}"]`);
  if (!node) throw new Error(`dashboard markup is missing [data-role="${role}"]`);
  return node;
}

function sessionStorageOrNone(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Fetches an export with the token and hands it to the browser as a download named like the file. */
async function saveExport(api: Api, file: ExportFile): Promise<void> {
  const blob = await downloadExport(api.fetch, api.code, api.token, file);
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: `${api.code}-${file}` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

function wireActions(root: HTMLElement, api: Api, t: ClassTranslate, refresh: () => Promise<void>): void {
  const actionStatus = find(root, 'action-status');
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-export]')) {
    const file = exportFiles.find((name) => name === button.dataset.export);
    if (!file) throw new Error(`dashboard markup offers an unknown export ${button.dataset.export ?? ''}`);
    button.addEventListener('click', () => {
      actionStatus.textContent = '';
      saveExport(api, file).catch((error: unknown) => (actionStatus.textContent = t('dash.exportFailed', { message: message(error) })));
    });
  }
  find<HTMLButtonElement>(root, 'regrade').addEventListener('click', () => {
    if (!window.confirm(t('dash.regradeConfirm'))) return;
    regradeAll(api.fetch, api.code, api.token)
      .then(({ queued }) => {
        actionStatus.textContent = t('dash.regraded', { count: queued });
        return refresh();
      })
      .catch((error: unknown) => (actionStatus.textContent = t('dash.regradeFailed', { message: message(error) })));
  });
}

/** The sentence for a failed refresh; `fatal` when asking again cannot help (wrong token, no server). */
function refreshFailure(t: ClassTranslate, error: unknown, code: string): { text: string; fatal: boolean } {
  if (error instanceof NoClassServerError) return { text: t('dash.noServer'), fatal: true };
  if (error instanceof ClassApiError && (error.status === 401 || error.status === 403)) return { text: t('dash.badToken'), fatal: true };
  if (error instanceof ClassApiError && error.status === 404) return { text: t('dash.unknownClass', { code }), fatal: true };
  return { text: t('dash.refreshFailed', { error: message(error) }), fatal: false };
}

function startDashboard(root: HTMLElement, locale: Locale, api: Api, t: ClassTranslate): void {
  const status = find(root, 'status');
  const title = find(root, 'class-title');
  const meta = find(root, 'class-meta');
  const tableHost = find(root, 'table');
  const detail = find(root, 'detail');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = async (): Promise<void> => {
    clearTimeout(timer);
    try {
      const data = await dashboard(api.fetch, api.code, api.token);
      title.textContent = t('dash.heading', { className: data.class.name, code: data.class.code });
      const due = data.class.due ? ` · ${t('dash.due', { date: new Date(data.class.due).toLocaleDateString(document.documentElement.lang) })}` : '';
      meta.textContent = `${t('dash.students', { count: data.students.length })}${due}`;
      if (data.students.length === 0) tableHost.textContent = t('dash.noStudents', { code: data.class.code });
      else renderTable(tableHost, data, t, locale, (choice) => void showHandIn(detail, choice, api, t, locale));
      status.textContent = t('dash.updated', { time: new Date().toLocaleTimeString(document.documentElement.lang) });
      root.dataset.loaded = 'true';
    } catch (error) {
      const failure = refreshFailure(t, error, api.code);
      status.textContent = failure.text;
      status.dataset.state = 'error';
      if (failure.fatal) return;
    }
    timer = setTimeout(() => void refresh(), REFRESH_MS);
  };
  wireActions(root, api, t, refresh);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void refresh();
    else clearTimeout(timer);
  });
  void refresh();
}

export function startDashboardPage(): void {
  const root = document.querySelector<HTMLElement>('[data-class-dashboard]');
  if (!root) return;
  const locale = isLocale(root.dataset.locale) ? root.dataset.locale : 'en';
  const t = translator(classStrings, locale);
  const status = find(root, 'status');
  const code = codeFromPath(location.pathname);
  if (!code) return void (status.textContent = t('dash.noCode'));
  const token = teacherToken(code, location.hash, sessionStorageOrNone());
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  if (!token) return void (status.textContent = t('dash.noToken'));
  find(root, 'tools').hidden = false;
  startDashboard(root, locale, { fetch: (input, init) => fetch(input, init), code, token }, t);
}
