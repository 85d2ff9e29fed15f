// The output panel: what a run printed, in a terminal (xterm.js) so colours and progress lines from vitest
// show as they would in a shell. Imported dynamically with the editor.
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';

export interface OutputPanel {
  write(text: string): void;
  clear(): void;
  /** Everything written since the last clear (for tests and screen readers' copy). */
  text(): string;
}

const dark = { background: '#0d1117', foreground: '#e6edf3', cursor: '#0d1117' };
const light = { background: '#f6f8fa', foreground: '#1f2328', cursor: '#f6f8fa' };

export function createOutputPanel(host: HTMLElement): OutputPanel {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const terminal = new Terminal({
    convertEol: true,
    disableStdin: true,
    cursorBlink: false,
    rows: 12,
    cols: Math.max(40, Math.floor((host.clientWidth || 640) / 8.5)),
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    fontSize: 13,
    scrollback: 2000,
    theme: media.matches ? dark : light,
  });
  terminal.open(host);
  media.addEventListener('change', () => {
    terminal.options.theme = media.matches ? dark : light;
  });
  let written = '';
  return {
    write(text) {
      written += text;
      terminal.write(text);
    },
    clear() {
      written = '';
      terminal.reset();
    },
    text: () => written,
  };
}
