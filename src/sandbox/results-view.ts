// Draws a GradeResult into the results panel: a summary (announced by aria-live) and one entry per test,
// the first failure open. Plain DOM: the panel is small and must render before Monaco arrives.
import type { Locale } from '../i18n/locales.ts';
import { translator } from '../i18n/translate.ts';
import { sandboxStrings } from '../i18n/sandbox-strings.ts';
import { type GradeResult, summarize } from './result.ts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function showRunning(summary: HTMLElement, list: HTMLElement, locale: Locale): void {
  const t = translator(sandboxStrings, locale);
  summary.removeAttribute('data-passed');
  summary.removeAttribute('data-total');
  summary.dataset.state = 'running';
  summary.textContent = t('sandbox.running');
  list.setAttribute('aria-busy', 'true');
}

export function showRunFailure(summary: HTMLElement, list: HTMLElement, locale: Locale, message: string): void {
  const t = translator(sandboxStrings, locale);
  summary.dataset.state = 'error';
  summary.dataset.passed = '0';
  summary.dataset.total = '0';
  summary.textContent = t('results.runFailed', { message });
  list.replaceChildren();
  list.removeAttribute('aria-busy');
}

export function renderResult(summary: HTMLElement, list: HTMLElement, locale: Locale, result: GradeResult): void {
  const t = translator(sandboxStrings, locale);
  const { passed, total, firstFailure } = summarize(result);
  summary.dataset.state = result.status;
  summary.dataset.passed = String(passed);
  summary.dataset.total = String(total);
  const seconds = (result.durationMs / 1000).toFixed(1);
  if (result.status === 'error' && total === 0) {
    summary.textContent = t('results.error', { message: result.message ?? '' });
  } else if (result.status === 'pass') {
    summary.textContent = `${t('results.allPassed', { count: total })} ${t('results.summary', { passed, count: total, points: result.points, maxPoints: result.maxPoints })}`;
  } else {
    summary.textContent = t('results.summary', { passed, count: total, points: result.points, maxPoints: result.maxPoints });
  }
  summary.title = t('results.duration', { seconds });

  const items = result.tests.map((test, index) => {
    const item = element('li', `sandbox-test sandbox-test--${test.status}`);
    item.dataset.status = test.status;
    const statusWord = test.status === 'pass' ? t('results.pass') : test.status === 'fail' ? t('results.fail') : t('results.errorStatus');
    const head = [
      element('span', 'sandbox-test__icon', test.status === 'pass' ? '✓' : '✗'),
      element('span', 'sandbox-test__name', test.name),
      element('span', 'lab-visually-hidden', ` (${statusWord})`),
      element('span', 'sandbox-test__points', t('results.points', { points: test.points, maxPoints: test.maxPoints })),
    ];
    const details = test.message || test.output;
    if (!details) {
      const row = element('div', 'sandbox-test__row');
      row.append(...head);
      item.append(row);
      return item;
    }
    const disclosure = element('details', 'sandbox-test__details');
    disclosure.open = index === firstFailure;
    const summaryRow = element('summary', 'sandbox-test__row');
    summaryRow.append(...head);
    disclosure.append(summaryRow);
    if (test.message) disclosure.append(element('pre', 'sandbox-test__message', test.message));
    if (test.output) disclosure.append(element('pre', 'sandbox-test__output', test.output));
    item.append(disclosure);
    return item;
  });
  if (result.status === 'error' && result.message && total > 0) {
    const note = element('li', 'sandbox-test sandbox-test--error');
    note.append(element('pre', 'sandbox-test__message', result.message));
    items.unshift(note);
  }
  list.replaceChildren(...items);
  list.removeAttribute('aria-busy');
}
