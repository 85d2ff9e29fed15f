// The elements of one sandbox that Sandbox.astro renders, found once by their data-role/data-action; a missing
// one is a markup bug and says which.
export interface SandboxParts {
  runButton: HTMLButtonElement;
  resetButton: HTMLButtonElement;
  backendStatus: HTMLElement;
  summary: HTMLElement;
  testList: HTMLElement;
  editorHost: HTMLElement;
  tabs: HTMLElement;
  saveStatus: HTMLElement;
  hintList: HTMLElement;
  hintButton: HTMLButtonElement;
  solutionBox: HTMLElement;
  solutionButton: HTMLButtonElement;
  ownCodeButton: HTMLButtonElement;
  terminalHost: HTMLElement;
  downloadBox: HTMLElement;
  handInBox: HTMLElement;
}

export function part<T extends HTMLElement = HTMLElement>(root: HTMLElement, selector: string): T {
  const node = root.querySelector<T>(selector);
  if (!node) throw new Error(`sandbox markup is missing ${selector}`);
  return node;
}

export function findParts(root: HTMLElement): SandboxParts {
  return {
    runButton: part<HTMLButtonElement>(root, '[data-action="run"]'),
    resetButton: part<HTMLButtonElement>(root, '[data-action="reset"]'),
    backendStatus: part(root, '[data-role="backend"]'),
    summary: part(root, '[data-testid="result-summary"]'),
    testList: part(root, '[data-role="tests"]'),
    editorHost: part(root, '[data-role="editor"]'),
    tabs: part(root, '[data-role="tabs"]'),
    saveStatus: part(root, '[data-role="save-status"]'),
    hintList: part(root, '[data-role="hints"]'),
    hintButton: part<HTMLButtonElement>(root, '[data-action="hint"]'),
    solutionBox: part(root, '[data-role="solution"]'),
    solutionButton: part<HTMLButtonElement>(root, '[data-action="solution"]'),
    ownCodeButton: part<HTMLButtonElement>(root, '[data-action="own-code"]'),
    terminalHost: part(root, '[data-role="terminal"]'),
    downloadBox: part(root, '[data-role="download"]'),
    handInBox: part(root, '[data-role="hand-in"]'),
  };
}
