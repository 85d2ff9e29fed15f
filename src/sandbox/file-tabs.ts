// The file tabs above the editor (rendered by Sandbox.astro, one per file, tests marked read-only): click or
// arrow keys select a file; the editor, once it is up, shows the selected one.
import type { SandboxEditor } from './editor.ts';

export interface FileTabs {
  select(name: string, focus?: boolean): void;
  active(): string;
}

export function wireFileTabs(tabs: HTMLElement, fileNames: readonly string[], editor: () => SandboxEditor | undefined): FileTabs {
  let activeFile = fileNames[0];
  const select = (name: string, focus = false) => {
    activeFile = name;
    for (const tab of tabs.querySelectorAll<HTMLButtonElement>('[role="tab"]')) {
      const selected = tab.dataset.file === name;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      if (selected && focus) tab.focus();
    }
    editor()?.show(name);
  };
  for (const tab of tabs.querySelectorAll<HTMLButtonElement>('[role="tab"]')) {
    const name = tab.dataset.file ?? '';
    tab.addEventListener('click', () => select(name));
  }
  tabs.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = fileNames.indexOf(activeFile);
    const next = fileNames[(index + (event.key === 'ArrowRight' ? 1 : fileNames.length - 1)) % fileNames.length];
    select(next, true);
    event.preventDefault();
  });
  return { select, active: () => activeFile };
}
