// The sandbox controller: wires one sandbox root (rendered by src/components/Sandbox.astro) to its exercise
// data, the saved work, the editor, the output panel and a backend. Loaded on demand by island.ts.
//
// Data flow: editor change -> saved work (localStorage) ; Run -> backend.run(files) -> GradeResult ->
// results panel + `ec2lab:run-result` event on the root (the live map and the site's progress store listen).
import type { Locale } from '../i18n/locales.ts';
import { isLocale } from '../i18n/locales.ts';
import { type SandboxTranslate, sandboxStrings } from '../i18n/sandbox-strings.ts';
import { translator } from '../i18n/translate.ts';
import { EDITOR_READY_EVENT, RUN_RESULT_EVENT } from '../results/sandbox-events.ts';
import type { BackendChoice } from './backends/choose.ts';
import { offerTerminal } from './backends/terminal-tab.ts';
import { renderDownload } from './download-offer.ts';
import type { SandboxEditor } from './editor.ts';
import { type ExerciseData, exerciseDataUrl } from './exercise-data.ts';
import { type FileTabs, wireFileTabs } from './file-tabs.ts';
import { offerHandIn } from './hand-in.ts';
import { renderHints } from './hints-view.ts';
import type { OutputPanel } from './output.ts';
import { failureMessage, fetchJson } from './fetch-json.ts';
import { chooseOnce, loadedExercises, webcontainerOnce } from './page-backends.ts';
import { errorResult, type GradeResult } from './result.ts';
import { renderResult, showRunFailure, showRunning } from './results-view.ts';
import { RunQueue } from './runs.ts';
import { findParts, type SandboxParts } from './sandbox-parts.ts';
import { backToOwnCode, type Files, loadWork, recordRun, resetToStarter, revealHint, saveWork, type SavedWork, showSolution, withFile } from './saved-work.ts';

/** One sandbox's state while the page is open: what every piece below reads and updates. */
interface Session {
  root: HTMLElement;
  exercise: string;
  locale: Locale;
  t: SandboxTranslate;
  parts: SandboxParts;
  data: ExerciseData;
  work: SavedWork;
  editor?: SandboxEditor;
  /** Saves the work and says whether that worked. */
  persist: () => void;
  /** Redraws hints and the solution offer from the work. */
  refresh: () => void;
  /** Writes to the output panel, or keeps the text until the panel has loaded. */
  print: (text: string) => void;
  clearOutput: () => void;
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const noStorage = { getItem: () => null, setItem: () => {}, removeItem: () => {} };

function openSession(root: HTMLElement, parts: SandboxParts, data: ExerciseData, locale: Locale): Session {
  const exercise = root.dataset.exercise ?? '';
  const t = translator(sandboxStrings, locale);
  const storage = safeStorage();
  const hints = data.hints[locale] ?? [];
  const pending: string[] = [];
  let output: OutputPanel | undefined;
  const session: Session = {
    root, exercise, locale, t, parts, data,
    work: loadWork(storage ?? noStorage, exercise, data.starter[locale]),
    persist: () => {
      const ok = storage ? saveWork(storage, exercise, session.work) : false;
      parts.saveStatus.textContent = t(ok ? 'sandbox.saved' : 'sandbox.saveFailed');
      parts.saveStatus.dataset.saved = String(ok);
    },
    refresh: () => renderHints(parts, session.work, hints, t),
    print: (text) => (output ? output.write(text) : pending.push(text)),
    clearOutput: () => output?.clear(),
  };
  void import('./output.ts').then(({ createOutputPanel }) => {
    parts.terminalHost.replaceChildren();
    output = createOutputPanel(parts.terminalHost);
    for (const line of pending.splice(0)) output.write(line);
  });
  return session;
}

/** What the learner sees is what runs: the editor's text once it is up (a programmatic edit, such as a tool's
 * paste, does not pass through onChange), the saved work before. */
function filesToRun(session: Session): Files {
  const shown = session.editor;
  return shown ? Object.fromEntries(session.data.files.map((name) => [name, shown.content(name)])) : { ...session.work.files };
}

function createRun(session: Session, firstChoice: Promise<BackendChoice>): () => Promise<void> {
  const { parts, locale, t, exercise, root } = session;
  const queue = new RunQueue();
  const idle = () => {
    parts.runButton.removeAttribute('aria-busy');
    parts.runButton.dataset.state = 'idle';
  };
  return async () => {
    const files = filesToRun(session);
    parts.runButton.setAttribute('aria-busy', 'true');
    parts.runButton.dataset.state = 'running';
    showRunning(parts.summary, parts.testList, locale);
    session.clearOutput();
    let result: GradeResult | undefined;
    try {
      result = await queue.start(async (signal) => {
        const choice = await firstChoice;
        if (choice.kind === 'none') throw new Error(t('backend.none'));
        return choice.backend.run({ exercise, files, locale, signal, onOutput: session.print });
      });
    } catch (error) {
      result = errorResult(exercise, failureMessage(error, t));
      showRunFailure(parts.summary, parts.testList, locale, result.message ?? '');
      return idle();
    }
    if (!result) return; // superseded by a newer run
    idle();
    renderResult(parts.summary, parts.testList, locale, result);
    const passed = result.status === 'pass';
    session.work = recordRun(session.work, passed);
    session.persist();
    session.refresh();
    // The progress store listens to this event (src/components/site/progress.ts), so mark completion after it.
    root.dispatchEvent(new CustomEvent<GradeResult>(RUN_RESULT_EVENT, { detail: result, bubbles: true }));
    if (passed) root.dataset.complete = 'true';
  };
}

/** Run button and Ctrl/Cmd+Enter anywhere in the sandbox (Monaco registers its own command when focused). */
function wireRunTriggers(session: Session, run: () => Promise<void>): void {
  session.parts.runButton.addEventListener('click', () => void run());
  session.root.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
      event.preventDefault();
      void run();
    }
  });
}

/** Reset, hints and the solution: each changes the saved work, then the editor and the view follow it. */
function wireWorkButtons(session: Session): void {
  const { parts, data, t } = session;
  const hintCount = data.hints[session.locale]?.length ?? 0;
  const change = (next: (work: SavedWork) => SavedWork, toEditor: boolean) => {
    session.work = next(session.work);
    if (toEditor) for (const name of data.files) session.editor?.setContent(name, session.work.files[name] ?? '');
    session.persist();
    session.refresh();
  };
  parts.resetButton.addEventListener('click', () => {
    if (window.confirm(t('sandbox.resetConfirm'))) change((work) => resetToStarter(work, data.starter[session.locale]), true);
  });
  parts.hintButton.addEventListener('click', () => {
    change((work) => revealHint(work, hintCount), false);
    parts.hintList.lastElementChild?.scrollIntoView({ block: 'nearest' });
  });
  parts.solutionButton.addEventListener('click', () => change((work) => showSolution(work, data.solution[session.locale]), true));
  parts.ownCodeButton.addEventListener('click', () => change(backToOwnCode, true));
}

/** Says which engine runs the tests as soon as that is known, and offers a download where none can. */
function announceBackend(session: Session, firstChoice: Promise<BackendChoice>): void {
  const { parts, t } = session;
  void firstChoice.then((choice) => {
    parts.backendStatus.dataset.backend = choice.kind;
    if (choice.kind === 'page') parts.backendStatus.textContent = t('backend.page');
    else if (choice.kind === 'local') parts.backendStatus.textContent = t('backend.local');
    else {
      parts.backendStatus.textContent = t('backend.none');
      renderDownload(parts.downloadBox, session.locale, session.exercise);
    }
  });
}

async function mountEditor(session: Session, tabs: FileTabs, run: () => Promise<void>): Promise<void> {
  const { parts, data, root } = session;
  try {
    const { createEditor, addTypeLibrary } = await import('./editor.ts');
    for (const lib of data.typeLibraries) addTypeLibrary(lib.path, lib.content);
    parts.editorHost.replaceChildren();
    const editor = createEditor(
      parts.editorHost,
      [...data.files, ...data.tests].map((name) => {
        const isTest = data.tests.includes(name);
        return { name, path: `s0/${isTest ? 'tests' : 'submission'}/${name}`, content: (isTest ? data.testFiles[name] : session.work.files[name]) ?? '', readOnly: isTest };
      }),
      tabs.active(),
    );
    session.editor = editor;
    editor.onChange((name, content) => {
      session.work = withFile(session.work, name, content);
      session.persist();
    });
    editor.onRunShortcut(() => void run());
    tabs.select(tabs.active());
    // For browser tests and the benchmark (the editor's state is otherwise hidden inside Monaco).
    (root as HTMLElement & { ec2labEditor?: SandboxEditor }).ec2labEditor = editor;
    root.dataset.editorReady = 'true';
    root.dispatchEvent(new CustomEvent(EDITOR_READY_EVENT, { bubbles: true }));
  } catch (error) {
    parts.editorHost.dataset.failed = 'true';
    parts.backendStatus.textContent = session.t('sandbox.editorFailed', { error: error instanceof Error ? error.message : String(error) });
  }
}

async function loadData(exercise: string, parts: SandboxParts, t: SandboxTranslate): Promise<ExerciseData> {
  try {
    return await fetchJson<ExerciseData>(exerciseDataUrl(exercise));
  } catch (error) {
    parts.backendStatus.textContent = t('sandbox.dataFailed', { error: failureMessage(error, t) });
    throw error;
  }
}

export async function startSandbox(root: HTMLElement): Promise<void> {
  const exercise = root.dataset.exercise ?? '';
  const locale: Locale = isLocale(root.dataset.locale) ? root.dataset.locale : 'en';
  const parts = findParts(root);
  // Start everything that takes time at once: data, editor code, backend.
  const t = translator(sandboxStrings, locale);
  const data = loadData(exercise, parts, t);
  for (const heavy of [import('./editor.ts'), import('./output.ts')]) heavy.catch(() => {}); // mountEditor reports a failure
  parts.backendStatus.textContent = t('backend.starting');
  const firstChoice = chooseOnce();

  const session = openSession(root, parts, await data, locale);
  loadedExercises.set(exercise, session.data);
  // Until Monaco arrives, the plain-text preview shows the learner's saved code, not the starter.
  const preview = parts.editorHost.querySelector('code');
  if (preview) preview.textContent = session.work.files[session.data.files[0]] ?? '';
  const tabs = wireFileTabs(parts.tabs, [...session.data.files, ...session.data.tests], () => session.editor);
  const run = createRun(session, firstChoice);
  wireRunTriggers(session, run);
  wireWorkButtons(session);
  session.refresh();
  session.persist();
  parts.runButton.disabled = false;
  root.dataset.sandboxReady = 'true';
  if (root.dataset.pendingRun) {
    delete root.dataset.pendingRun;
    void run();
  }
  announceBackend(session, firstChoice);
  offerHandIn({ host: parts.handInBox, exercise, locale, files: () => filesToRun(session), storage: safeStorage() ?? noStorage, fetch: (input, init) => fetch(input, init) });
  offerTerminal({ webcontainer: webcontainerOnce(session.print), anchor: parts.runButton, host: parts.terminalHost, locale, exercise, files: () => session.work.files });
  await mountEditor(session, tabs, run);
}
