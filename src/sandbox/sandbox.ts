// The sandbox controller: wires one sandbox root (rendered by src/components/Sandbox.astro) to its exercise
// data, the saved work, the editor, the output panel and a backend. Loaded on demand by island.ts.
//
// Data flow: editor change -> saved work (localStorage) ; Run -> backend.run(files) -> GradeResult ->
// results panel + `ec2lab:run-result` event on the root (the live map and the site's progress store listen).
import type { Locale } from '../i18n/locales.ts';
import { isLocale } from '../i18n/locales.ts';
import { translator } from '../i18n/translate.ts';
import { sandboxStrings } from './i18n.ts';
import { type ExerciseData, downloadFolder, downloadUrl, exerciseDataUrl, workspaceUrl } from './exercise-data.ts';
import { type BackendChoice, chooseBackend } from './backends/choose.ts';
import { createLocalBackend, probeLocal } from './backends/local.ts';
import { createPageBackend, supportsModuleWorkers } from './backends/page.ts';
import { offerTerminal } from './backends/terminal-tab.ts';
import { createWebContainerBackend, type Container, type Workspace } from './backends/webcontainer.ts';
import { RunQueue } from './runs.ts';
import { kitReportToGradeResult } from './kit-report.ts';
import { errorResult, type GradeResult } from './result.ts';
import { renderResult, showRunFailure, showRunning } from './results-view.ts';
import {
  backToOwnCode,
  canShowSolution,
  type Files,
  loadWork,
  recordRun,
  resetToStarter,
  revealHint,
  saveWork,
  type SavedWork,
  showSolution,
  withFile,
} from './saved-work.ts';
import type { SandboxEditor } from './editor.ts';
import type { OutputPanel } from './output.ts';

import { EDITOR_READY_EVENT, RUN_RESULT_EVENT } from '../results/sandbox-events.ts';

/** The backend is chosen once per page and shared by every sandbox on it. */
let backendChoice: Promise<BackendChoice> | undefined;
/** Exercise data by id: what the page runner grades against, and a WebContainer's results file is read with. */
const loadedExercises = new Map<string, ExerciseData>();
/** The WebContainer, for the terminal tab where it boots (one per page); never a backend for Run. */
let webcontainer: ReturnType<typeof createWebContainerBackend> | undefined;

function chooseOnce(): Promise<BackendChoice> {
  backendChoice ??= chooseBackend({
    supportsModuleWorkers,
    createPage: () => {
      const backend = createPageBackend(async (id) => loadedExercises.get(id) ?? fetchJson<ExerciseData>(exerciseDataUrl(id)));
      void backend.warm().catch(() => {}); // a missing runner shows on the first Run
      return backend;
    },
    probeLocal: () => probeLocal(),
    createLocal: () => createLocalBackend(),
  });
  return backendChoice;
}

function webcontainerOnce(onOutput: (text: string) => void) {
  webcontainer ??= createWebContainerBackend({
    boot: async () => {
      const { WebContainer } = await import('@webcontainer/api');
      return (await WebContainer.boot({ coep: 'require-corp', workdirName: 'ec2lab' })) as unknown as Container;
    },
    loadWorkspace: async (id) => fetchJson<Workspace>(workspaceUrl(id)),
    convertReport: (id, report, run) => {
      const data = loadedExercises.get(id);
      if (!data) throw new Error(`no data for exercise ${id}`);
      return kitReportToGradeResult(data, report, run);
    },
    bootTimeoutMs: 15_000,
    onOutput,
  });
  return webcontainer;
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

function part<T extends HTMLElement = HTMLElement>(root: HTMLElement, selector: string): T {
  const node = root.querySelector<T>(selector);
  if (!node) throw new Error(`sandbox markup is missing ${selector}`);
  return node;
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Offers the exercise as a zipped assignment folder (when no backend can run here). */
function renderDownload(host: HTMLElement, locale: Locale, exercise: string): void {
  const t = translator(sandboxStrings, locale);
  const heading = document.createElement('h3');
  heading.textContent = t('download.heading');
  const link = document.createElement('a');
  link.href = downloadUrl(exercise, locale);
  const fileName = `${downloadFolder(exercise)}.zip`;
  link.download = fileName;
  link.textContent = t('download.file', { name: fileName });
  link.dataset.action = 'download';
  const note = document.createElement('p');
  note.textContent = t('download.howTo');
  host.replaceChildren(heading, link, note);
  host.hidden = false;
}

export async function startSandbox(root: HTMLElement): Promise<void> {
  const exercise = root.dataset.exercise ?? '';
  const locale: Locale = isLocale(root.dataset.locale) ? root.dataset.locale : 'en';
  const t = translator(sandboxStrings, locale);
  const runButton = part<HTMLButtonElement>(root, '[data-action="run"]');
  const resetButton = part<HTMLButtonElement>(root, '[data-action="reset"]');
  const backendStatus = part(root, '[data-role="backend"]');
  const summary = part(root, '[data-testid="result-summary"]');
  const testList = part(root, '[data-role="tests"]');
  const editorHost = part(root, '[data-role="editor"]');
  const tabs = part(root, '[data-role="tabs"]');
  const saveStatus = part(root, '[data-role="save-status"]');
  const hintList = part(root, '[data-role="hints"]');
  const hintButton = part<HTMLButtonElement>(root, '[data-action="hint"]');
  const solutionBox = part(root, '[data-role="solution"]');
  const solutionButton = part<HTMLButtonElement>(root, '[data-action="solution"]');
  const ownCodeButton = part<HTMLButtonElement>(root, '[data-action="own-code"]');
  const terminalHost = part(root, '[data-role="terminal"]');
  const downloadBox = part(root, '[data-role="download"]');

  // Start everything that takes time at once: data, editor code, terminal code, backend.
  const outputLines: string[] = [];
  let output: OutputPanel | undefined;
  const print = (text: string) => (output ? output.write(text) : outputLines.push(text));
  const dataPromise = fetchJson<ExerciseData>(exerciseDataUrl(exercise));
  const editorModule = import('./editor.ts');
  const outputModule = import('./output.ts');
  backendStatus.textContent = t('backend.starting');
  const firstChoice = chooseOnce();

  let data: ExerciseData;
  try {
    data = await dataPromise;
  } catch (error) {
    backendStatus.textContent = t('sandbox.dataFailed', { error: error instanceof Error ? error.message : String(error) });
    throw error;
  }

  loadedExercises.set(exercise, data);
  const storage = safeStorage();
  let work: SavedWork = storage ? loadWork(storage, exercise, data.starter) : loadWork({ getItem: () => null, setItem: () => {}, removeItem: () => {} }, exercise, data.starter);
  const hints = data.hints[locale] ?? [];
  // Until Monaco arrives, the plain-text preview shows the learner's saved code, not the starter.
  const preview = editorHost.querySelector('code');
  if (preview) preview.textContent = work.files[data.files[0]] ?? '';
  const persist = () => {
    const ok = storage ? saveWork(storage, exercise, work) : false;
    saveStatus.textContent = t(ok ? 'sandbox.saved' : 'sandbox.saveFailed');
    saveStatus.dataset.saved = String(ok);
  };

  // ---- hints and solution -----------------------------------------------------------------------------
  const renderHints = () => {
    hintList.replaceChildren(...hints.slice(0, work.hintsShown).map((hint, i) => {
      const item = document.createElement('li');
      const label = document.createElement('strong');
      label.textContent = `${t('hints.item', { n: i + 1 })}: `;
      item.append(label, document.createTextNode(hint));
      return item;
    }));
    if (hints.length === 0) {
      hintButton.hidden = true;
      hintList.replaceChildren(Object.assign(document.createElement('li'), { textContent: t('hints.none') }));
    } else {
      hintButton.disabled = work.hintsShown >= hints.length;
      hintButton.textContent = hintButton.disabled ? t('hints.noMore') : t('hints.show', { shown: work.hintsShown, total: hints.length });
    }
    const showingSolution = work.ownFiles !== undefined;
    solutionBox.hidden = !canShowSolution(work, hints.length) && !showingSolution;
    solutionButton.hidden = showingSolution;
    ownCodeButton.hidden = !showingSolution;
    part(solutionBox, '[data-role="solution-note"]').textContent = t(showingSolution ? 'solution.showing' : 'solution.offer');
  };

  // ---- editor -----------------------------------------------------------------------------------------
  let editor: SandboxEditor | undefined;
  const fileNames = [...data.files, ...data.tests];
  let activeFile = data.files[0];
  const selectTab = (name: string, focus = false) => {
    activeFile = name;
    for (const tab of tabs.querySelectorAll<HTMLButtonElement>('[role="tab"]')) {
      const selected = tab.dataset.file === name;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      if (selected && focus) tab.focus();
    }
    editor?.show(name);
  };
  // The tabs are rendered by Sandbox.astro (one per file, tests marked read-only); here they only get behaviour.
  for (const tab of tabs.querySelectorAll<HTMLButtonElement>('[role="tab"]')) {
    const name = tab.dataset.file ?? '';
    tab.addEventListener('click', () => selectTab(name));
  }
  tabs.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = fileNames.indexOf(activeFile);
    const next = fileNames[(index + (event.key === 'ArrowRight' ? 1 : fileNames.length - 1)) % fileNames.length];
    selectTab(next, true);
    event.preventDefault();
  });

  const applyWorkToEditor = () => {
    for (const name of data.files) editor?.setContent(name, work.files[name] ?? '');
  };

  // ---- runs -------------------------------------------------------------------------------------------
  const queue = new RunQueue();
  // What the learner sees is what runs: the editor's text once it is up (a programmatic edit such as a paste
  // by a tool does not pass through onChange), the saved work before.
  const filesToRun = (): Files => {
    const shown = editor;
    return shown ? Object.fromEntries(data.files.map((name) => [name, shown.content(name)])) : { ...work.files };
  };
  const run = async () => {
    const files = filesToRun();
    runButton.setAttribute('aria-busy', 'true');
    runButton.dataset.state = 'running';
    showRunning(summary, testList, locale);
    output?.clear();
    let result: GradeResult | undefined;
    try {
      result = await queue.start(async (signal) => {
        const choice = await firstChoice;
        if (choice.kind === 'none') throw new Error(t('backend.none', { reason: choice.problem }));
        return choice.backend.run({ exercise, files, signal, onOutput: print });
      });
    } catch (error) {
      result = errorResult(exercise, error instanceof Error ? error.message : String(error));
      showRunFailure(summary, testList, locale, result.message ?? '');
      runButton.removeAttribute('aria-busy');
      runButton.dataset.state = 'idle';
      return;
    }
    if (!result) return; // superseded by a newer run
    runButton.removeAttribute('aria-busy');
    runButton.dataset.state = 'idle';
    renderResult(summary, testList, locale, result);
    const passed = result.status === 'pass';
    work = recordRun(work, passed);
    persist();
    renderHints();
    // The progress store listens to this event (src/components/site/progress.ts), so mark completion after it.
    root.dispatchEvent(new CustomEvent<GradeResult>(RUN_RESULT_EVENT, { detail: result, bubbles: true }));
    if (passed) root.dataset.complete = 'true';
  };
  runButton.addEventListener('click', () => void run());
  root.addEventListener('keydown', (event) => {
    // Ctrl/Cmd+Enter anywhere in the sandbox (Monaco registers its own command for when it has focus).
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
      event.preventDefault();
      void run();
    }
  });

  // ---- reset, hints, solution -------------------------------------------------------------------------
  resetButton.addEventListener('click', () => {
    if (!window.confirm(t('sandbox.resetConfirm'))) return;
    work = resetToStarter(work, data.starter);
    applyWorkToEditor();
    persist();
    renderHints();
  });
  hintButton.addEventListener('click', () => {
    work = revealHint(work, hints.length);
    persist();
    renderHints();
    hintList.lastElementChild?.scrollIntoView({ block: 'nearest' });
  });
  solutionButton.addEventListener('click', () => {
    work = showSolution(work, data.solution);
    applyWorkToEditor();
    persist();
    renderHints();
  });
  ownCodeButton.addEventListener('click', () => {
    work = backToOwnCode(work);
    applyWorkToEditor();
    persist();
    renderHints();
  });

  renderHints();
  persist();
  runButton.disabled = false;
  root.dataset.sandboxReady = 'true';
  if (root.dataset.pendingRun) {
    delete root.dataset.pendingRun;
    void run();
  }

  // Say which backend runs the tests as soon as that is known.
  void firstChoice.then((choice) => {
    backendStatus.dataset.backend = choice.kind;
    if (choice.kind === 'page') backendStatus.textContent = t('backend.page');
    else if (choice.kind === 'local') backendStatus.textContent = t('backend.local', { reason: choice.problem });
    else {
      backendStatus.textContent = t('backend.none', { reason: choice.problem });
      renderDownload(downloadBox, locale, exercise);
    }
  });
  offerTerminal({ webcontainer: webcontainerOnce(print), anchor: runButton, host: terminalHost, locale, exercise, files: () => work.files });

  // ---- the heavy parts arrive last ------------------------------------------------------------------
  void outputModule.then(({ createOutputPanel }) => {
    terminalHost.replaceChildren();
    output = createOutputPanel(terminalHost);
    for (const line of outputLines.splice(0)) output.write(line);
  });

  try {
    const { createEditor, addTypeLibrary } = await editorModule;
    for (const lib of data.typeLibraries) addTypeLibrary(lib.path, lib.content);
    editorHost.replaceChildren();
    editor = createEditor(
      editorHost,
      fileNames.map((name) => ({
        name,
        path: data.tests.includes(name) ? `s0/tests/${name}` : `s0/submission/${name}`,
        content: data.tests.includes(name) ? data.testFiles[name] ?? '' : work.files[name] ?? '',
        readOnly: data.tests.includes(name),
      })),
      activeFile,
    );
    editor.onChange((name, content) => {
      work = withFile(work, name, content);
      persist();
    });
    editor.onRunShortcut(() => void run());
    selectTab(activeFile);
    // For browser tests and the benchmark (the editor's state is otherwise hidden inside Monaco).
    (root as HTMLElement & { ec2labEditor?: SandboxEditor }).ec2labEditor = editor;
    root.dataset.editorReady = 'true';
    root.dispatchEvent(new CustomEvent(EDITOR_READY_EVENT, { bubbles: true }));
  } catch (error) {
    editorHost.dataset.failed = 'true';
    backendStatus.textContent = t('sandbox.editorFailed', { error: error instanceof Error ? error.message : String(error) });
  }
}
