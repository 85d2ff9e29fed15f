// The "Equivalent AWS CLI" box under each wizard step: the command, and a Copy button.
import { h } from '../dom.ts';
import type { Translate } from '../../i18n/viz-strings.ts';

export interface CliBlock {
  element: HTMLElement;
  set(command: string): void;
}

export function cliBlock(t: Translate, step: string): CliBlock {
  const code = h('code', { 'data-cli': step });
  const copy = h('button', { type: 'button', 'aria-label': `${t('wizard.copy')}: ${t('wizard.cli')}` }, t('wizard.copy'));
  copy.addEventListener('click', () => {
    // Clipboard access can be refused (permissions, http): the command stays selectable either way.
    void navigator.clipboard?.writeText(code.textContent ?? '').then(() => {
      copy.textContent = t('wizard.copied');
      setTimeout(() => { copy.textContent = t('wizard.copy'); }, 1500);
    }, () => undefined);
  });
  const element = h('div', { class: 'viz-cli' },
    h('div', { style: 'flex:1;min-width:0' }, h('span', { class: 'viz-cli-label' }, t('wizard.cli')), h('pre', {}, code)),
    copy);
  return { element, set: (command) => { code.textContent = command; } };
}
