// "Hand in": for a learner who joined a class that includes this exercise (src/classroom/student-store.ts),
// the editor's files go to the class server, which grades them itself; the page shows "handed in, being
// graded", asks until the grade is in, and draws the official GradeResult with the same results view as a
// Run. The page never sends a score: only the files.
import type { Locale } from '../i18n/locales.ts';
import { type SandboxTranslate, sandboxStrings } from '../i18n/sandbox-strings.ts';
import { translator } from '../i18n/translate.ts';
import { ClassApiError, type Fetch, handIn, handInStatus, myStanding, NoClassServerError } from '../classroom/class-api.ts';
import { waitForGrade } from '../classroom/grade-wait.ts';
import { type Membership, membershipFor, type Store } from '../classroom/student-store.ts';
import { renderResult, showRunning } from './results-view.ts';
import type { Files } from './saved-work.ts';

export interface HandInOptions {
  host: HTMLElement;
  exercise: string;
  locale: Locale;
  /** The files as the editor shows them now. */
  files: () => Files;
  storage: Store;
  fetch: Fetch;
}

interface HandInView {
  button: HTMLButtonElement;
  status: HTMLElement;
  best: HTMLElement;
  official: HTMLElement;
  summary: HTMLElement;
  tests: HTMLElement;
}

function build(host: HTMLElement, t: SandboxTranslate, membership: Membership): HandInView {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}) => Object.assign(document.createElement(tag), props);
  const view: HandInView = {
    button: el('button', { type: 'button', className: 'lab-button lab-button--primary', textContent: t('handIn.button') }),
    status: el('p', { className: 'sandbox__hand-in-status' }),
    best: el('p', { className: 'sandbox__muted' }),
    official: el('section', { hidden: true }),
    summary: el('p', { className: 'sandbox__summary' }),
    tests: el('ol', { className: 'sandbox__tests' }),
  };
  view.button.dataset.action = 'hand-in';
  view.status.setAttribute('role', 'status');
  view.status.dataset.role = 'hand-in-status';
  view.summary.dataset.role = 'official-summary';
  view.official.dataset.role = 'official-result';
  view.official.append(el('h4', { textContent: t('handIn.official') }), view.summary, view.tests);
  const intro = el('p', { textContent: t('handIn.to', { className: membership.className, code: membership.code, student: membership.student }) });
  host.replaceChildren(el('h3', { textContent: t('handIn.heading') }), intro, view.button, view.status, view.best, view.official);
  host.hidden = false;
  return view;
}

/** The sentence for a hand-in the server did not take, in the learner's language. */
export function handInFailure(t: SandboxTranslate, error: unknown): string {
  if (error instanceof ClassApiError) {
    if (error.status === 401 || error.status === 403) return t('handIn.tokenRejected');
    if (error.status === 413) return t('handIn.tooLarge');
    if (error.status === 429) return t('handIn.tooMany');
    return t('handIn.rejected', { message: error.message });
  }
  const reason = error instanceof NoClassServerError || !(error instanceof Error) ? String(error) : error.message;
  return t('handIn.unreachable', { error: reason });
}

async function showBest(options: HandInOptions, membership: Membership, view: HandInView, t: SandboxTranslate): Promise<void> {
  try {
    const standing = (await myStanding(options.fetch, membership.code, membership.token)).exercises[options.exercise];
    view.best.textContent = standing && standing.attempts > 0 ? t('handIn.best', { best: standing.best, max: standing.max, count: standing.attempts }) : '';
  } catch {
    view.best.textContent = ''; // the best score is a courtesy; a hand-in says what is wrong when it matters
  }
}

async function handInOnce(options: HandInOptions, membership: Membership, view: HandInView, t: SandboxTranslate): Promise<void> {
  const { code, token } = membership;
  const say = (text: string, state: string) => {
    view.status.textContent = text;
    view.status.dataset.state = state;
  };
  view.button.disabled = true;
  view.button.setAttribute('aria-busy', 'true');
  say(t('handIn.sending'), 'sending');
  try {
    const accepted = await handIn(options.fetch, code, token, options.exercise, options.files());
    say(t('handIn.grading'), 'grading');
    view.official.hidden = false;
    showRunning(view.summary, view.tests, options.locale);
    const done = await waitForGrade(() => handInStatus(options.fetch, code, token, accepted.id));
    if (!done) return say(t('handIn.stillGrading'), 'grading');
    if (done.status === 'failed' || !done.result) return say(t('handIn.failed'), 'failed');
    say('', 'graded');
    renderResult(view.summary, view.tests, options.locale, done.result);
    await showBest(options, membership, view, t);
  } catch (error) {
    say(handInFailure(t, error), 'error');
  } finally {
    view.button.disabled = false;
    view.button.removeAttribute('aria-busy');
  }
}

/** Shows the Hand in panel when this browser joined a class with the exercise; otherwise leaves `host` hidden. */
export function offerHandIn(options: HandInOptions): void {
  const membership = membershipFor(options.storage, options.exercise);
  if (!membership) return;
  const t = translator(sandboxStrings, options.locale);
  const view = build(options.host, t, membership);
  view.button.addEventListener('click', () => void handInOnce(options, membership, view, t));
  void showBest(options, membership, view, t);
}
