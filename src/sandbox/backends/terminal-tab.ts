// The sandbox's terminal tab, offered only where a WebContainer boots (cross-origin isolated, online, and
// StackBlitz's servers reachable): a real shell with Node in the exercise's workspace, where the learner
// runs `npm test` (vitest's own output) and their own scripts against the model. Run never waits for it.
import type { Locale } from '../../i18n/locales.ts';
import { translator } from '../../i18n/translate.ts';
import { sandboxStrings } from '../../i18n/sandbox-strings.ts';
import type { ContainerProcess, WebContainerBackend } from './webcontainer.ts';

/** Boots the WebContainer in the background; when it is up, adds a Terminal button next to `anchor`. */
export function offerTerminal(options: {
  webcontainer: WebContainerBackend;
  anchor: HTMLElement;
  host: HTMLElement;
  locale: Locale;
  exercise: string;
  files: () => Record<string, string>;
}): void {
  if (!globalThis.crossOriginIsolated || !navigator.onLine) return;
  void options.webcontainer.start().then(() => {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.action = 'terminal';
    button.textContent = translator(sandboxStrings, options.locale)('terminal.open');
    options.anchor.after(button);
    let shell: Promise<ContainerProcess> | undefined;
    button.addEventListener('click', () => {
      options.host.hidden = false;
      shell ??= import('@xterm/xterm').then(({ Terminal }) => {
        const terminal = new Terminal({ convertEol: true, rows: 16, fontSize: 13 });
        terminal.open(options.host);
        terminal.write(`${translator(sandboxStrings, options.locale)('terminal.intro')}\r\n`);
        return options.webcontainer.openShell(options.exercise, options.files(), terminal, options.locale);
      });
    });
  }, () => {
    // No WebContainer here (offline, firewall, no isolation): the sandbox works without a terminal.
  });
}
