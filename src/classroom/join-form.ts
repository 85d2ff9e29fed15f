// The "Join a class" form (src/components/site/JoinClass.astro): checks the code and the name, asks the class
// server on this origin, keeps the student token (student-store.ts) and then shows the class joined. On a
// host without a class server it says so as soon as the form is opened, and hides the form.
import type { Locale } from '../i18n/locales.ts';
import { type ClassTranslate, classStrings } from '../i18n/class-strings.ts';
import { translator } from '../i18n/translate.ts';
import { ClassApiError, classInfo, type Fetch, hasClassServer, joinClass, NoClassServerError } from './class-api.ts';
import { isClassCode, normalizeCode } from './class-code.ts';
import { forget, type Membership, memberships, remember, type Store } from './student-store.ts';

interface JoinParts {
  form: HTMLFormElement;
  code: HTMLInputElement;
  name: HTMLInputElement;
  submit: HTMLButtonElement;
  status: HTMLElement;
  joined: HTMLElement;
  leave: HTMLButtonElement;
}

function find<T extends Element>(root: HTMLElement, selector: string): T {
  const node = root.querySelector<T>(selector);
  if (!node) throw new Error(`join form markup is missing ${selector}`);
  return node;
}

function findJoinParts(root: HTMLElement): JoinParts {
  return {
    form: find(root, 'form'),
    code: find(root, 'input[name="code"]'),
    name: find(root, 'input[name="name"]'),
    submit: find(root, 'button[type="submit"]'),
    status: find(root, '[data-role="join-status"]'),
    joined: find(root, '[data-role="joined"]'),
    leave: find(root, '[data-action="leave"]'),
  };
}

/** The sentence for a failed join, in the page's language (the server's own words only for the unforeseen). */
export function joinFailure(t: ClassTranslate, error: unknown, code: string, name: string): { text: string; noServer: boolean } {
  if (error instanceof NoClassServerError) return { text: t('join.noServer'), noServer: true };
  if (error instanceof ClassApiError) {
    if (error.status === 404) return { text: t('join.unknownCode', { code }), noServer: false };
    if (error.status === 409) return { text: t('join.nameTaken', { name }), noServer: false };
    if (error.status === 429) return { text: t('join.tooMany'), noServer: false };
    return { text: t('join.failed', { message: error.message }), noServer: false };
  }
  return { text: t('join.unreachable', { error: error instanceof Error ? error.message : String(error) }), noServer: false };
}

function say(parts: JoinParts, text: string, state: 'error' | 'busy' | 'ok' | 'no-server'): void {
  parts.status.textContent = text;
  parts.status.dataset.state = state;
}

function showJoined(root: HTMLElement, parts: JoinParts, t: ClassTranslate, membership: Membership | undefined): void {
  parts.form.hidden = membership !== undefined;
  parts.joined.hidden = membership === undefined;
  root.dataset.joined = membership ? membership.code : '';
  if (!membership) return;
  find(parts.joined, '[data-role="joined-text"]').textContent = t('join.joined', { className: membership.className, student: membership.student });
  const links = JSON.parse(root.dataset.exerciseLinks ?? '{}') as Record<string, string>;
  find(parts.joined, '[data-role="joined-exercises"]').replaceChildren(...membership.exercises.map((id) => {
    const item = document.createElement('li');
    const title = membership.titles[id] ?? id;
    const href = links[id];
    item.append(href ? Object.assign(document.createElement('a'), { href, textContent: title }) : title);
    return item;
  }));
}

async function join(fetchFn: Fetch, storage: Store, parts: JoinParts, t: ClassTranslate): Promise<Membership | undefined> {
  const code = normalizeCode(parts.code.value);
  const name = parts.name.value.trim();
  if (!isClassCode(code)) return void (say(parts, t('join.badCode'), 'error'), parts.code.focus());
  if (!name) return void (say(parts, t('join.noName'), 'error'), parts.name.focus());
  say(parts, t('join.joining'), 'busy');
  parts.submit.disabled = true;
  try {
    const info = await classInfo(fetchFn, code);
    const joined = await joinClass(fetchFn, code, name);
    const membership: Membership = {
      code, className: info.name, student: joined.name, token: joined.studentToken,
      exercises: info.exercises.map((e) => e.id), titles: Object.fromEntries(info.exercises.map((e) => [e.id, e.title])),
      joinedAt: new Date().toISOString(),
    };
    if (!remember(storage, membership)) return void say(parts, t('join.storageFailed'), 'error');
    say(parts, '', 'ok');
    return membership;
  } catch (error) {
    const failure = joinFailure(t, error, code, name);
    say(parts, failure.text, failure.noServer ? 'no-server' : 'error');
    if (failure.noServer) parts.form.hidden = true;
    return undefined;
  } finally {
    parts.submit.disabled = false;
  }
}

/**
 * Asks once whether this origin has a class server (where it has none, the form gives way to the sentence).
 * With a teacher's invitation it asks for that class, which a class server answers 200 (or says the code is
 * unknown, at once); without one, GET /api/classes, which a class server answers 200 (no 404 in the console).
 */
async function probeServer(fetchFn: Fetch, parts: JoinParts, t: ClassTranslate, invited: string | undefined): Promise<void> {
  const noServer = () => {
    say(parts, t('join.noServer'), 'no-server');
    parts.form.hidden = true;
  };
  try {
    if (!invited) {
      if (!(await hasClassServer(fetchFn))) noServer();
      return;
    }
    await classInfo(fetchFn, invited);
  } catch (error) {
    if (error instanceof NoClassServerError) noServer();
    else if (invited && error instanceof ClassApiError && error.status === 404) {
      say(parts, t('join.unknownCode', { code: invited }), 'error');
    }
  }
}

export function wireJoinForm(root: HTMLElement, locale: Locale, storage: Store, fetchFn: Fetch): void {
  const t = translator(classStrings, locale);
  const parts = findJoinParts(root);
  const details = root instanceof HTMLDetailsElement ? root : undefined;
  const current = memberships(storage)[0];
  const invited = normalizeCode(new URLSearchParams(location.search).get('class') ?? '');
  if (isClassCode(invited) && !current) parts.code.value = invited;
  showJoined(root, parts, t, current);
  if (details && (current || isClassCode(invited))) details.open = true;
  let probed = false;
  const probeOnce = () => {
    if (probed || current) return;
    probed = true;
    void probeServer(fetchFn, parts, t, isClassCode(invited) ? invited : undefined);
  };
  if (!details || details.open) probeOnce();
  details?.addEventListener('toggle', () => details.open && probeOnce());
  parts.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void join(fetchFn, storage, parts, t).then((membership) => membership && showJoined(root, parts, t, membership));
  });
  parts.leave.addEventListener('click', () => {
    const membership = memberships(storage)[0];
    if (!membership || !window.confirm(t('join.leaveConfirm', { className: membership.className }))) return;
    forget(storage, membership.code);
    showJoined(root, parts, t, memberships(storage)[0]);
  });
}
