// The code editor: Monaco with only the editor core, its common features and TypeScript (a full Monaco build
// carries ~80 languages and three more language workers). This module is imported dynamically, when the
// sandbox is first seen or focused, so a lesson page never pays for it up front. Monaco, its two workers and
// its styles come from monaco-bundle.ts, bundled by esbuild (src/integrations/monaco-prebundle.ts).
import { monaco, typescriptDefaults, getTypeScriptWorker, ModuleKind, ModuleResolutionKind, ScriptTarget } from './monaco-bundle.ts';

// Like the grader's compile step: modern ES modules, strict; `.ts` extensions in imports are allowed.
typescriptDefaults.setCompilerOptions({
  target: ScriptTarget.ES2020,
  module: ModuleKind.ESNext,
  moduleResolution: ModuleResolutionKind.NodeJs,
  strict: true,
  noEmit: true,
  allowImportingTsExtensions: true,
  esModuleInterop: true,
  allowNonTsExtensions: true,
  // The tests' `import manifest from '../manifest.json'` resolves to the declaration build-data.ts writes
  // (s0/manifest.d.json.ts): Monaco's worker would parse a .json file itself as TypeScript.
  allowArbitraryExtensions: true,
});
// Every file of the exercise is a model, so imports between them resolve without waiting for focus.
typescriptDefaults.setEagerModelSync(true);

export interface EditorFile {
  name: string;
  /** Where the file sits in the exercise's folder (e.g. s0/submission/launch.ts), so imports resolve. */
  path: string;
  content: string;
  readOnly: boolean;
}

export interface SandboxEditor {
  show(name: string): void;
  setContent(name: string, content: string): void;
  content(name: string): string;
  focus(): void;
  /** Runs `callback` on Ctrl/Cmd+Enter inside the editor. */
  onRunShortcut(callback: () => void): void;
  onChange(callback: (name: string, content: string) => void): void;
  /** For tests: TypeScript's errors in a file (what the editor underlines in red), asked of Monaco's worker. */
  errors(name: string): Promise<string[]>;
  /** For tests and the benchmark: the Monaco API and the editor instance. */
  monaco: typeof monaco;
  editor: monaco.editor.IStandaloneCodeEditor;
}

const prefersDark = () => window.matchMedia('(prefers-color-scheme: dark)').matches;

/** Every file lives under one root, laid out as the grader lays out a submission, so imports resolve. */
const ROOT = 'file:///ec2lab/';
const fileUri = (path: string) => monaco.Uri.parse(`${ROOT}${path}`);

const extraLibs = new Set<string>();

/**
 * Type declarations for IntelliSense: the model's `declare module 'mini-ec2'`, the test kit, vitest's shape.
 * `path` is relative to the exercise root (e.g. node_modules/mini-ec2/index.d.ts, _kit/harness.ts).
 */
export function addTypeLibrary(path: string, content: string): void {
  if (extraLibs.has(path)) return;
  extraLibs.add(path);
  typescriptDefaults.addExtraLib(content, `${ROOT}${path}`);
}

export function createEditor(host: HTMLElement, files: EditorFile[], initial: string): SandboxEditor {
  const models = new Map<string, monaco.editor.ITextModel>();
  for (const file of files) {
    const uri = fileUri(file.path);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(file.content, 'typescript', uri);
    model.setValue(file.content);
    models.set(file.name, model);
  }
  const readOnly = new Set(files.filter((f) => f.readOnly).map((f) => f.name));
  const editor = monaco.editor.create(host, {
    model: models.get(initial) ?? null,
    readOnly: readOnly.has(initial),
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    scrollBeyondLastLine: false,
    tabSize: 2,
    theme: prefersDark() ? 'vs-dark' : 'vs',
    fixedOverflowWidgets: true,
    // Faded "unused" code fails contrast (WCAG AA); the TypeScript hint is still listed as a diagnostic.
    showUnused: false,
    ariaLabel: initial,
  });
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    monaco.editor.setTheme(prefersDark() ? 'vs-dark' : 'vs');
  });

  let applyingProgrammaticChange = false;
  const changeListeners: ((name: string, content: string) => void)[] = [];
  for (const [name, model] of models) {
    if (readOnly.has(name)) continue;
    model.onDidChangeContent(() => {
      if (applyingProgrammaticChange) return;
      for (const listener of changeListeners) listener(name, model.getValue());
    });
  }

  return {
    monaco,
    editor,
    show(name) {
      const model = models.get(name);
      if (!model) return;
      editor.setModel(model);
      editor.updateOptions({ readOnly: readOnly.has(name), ariaLabel: name });
    },
    setContent(name, content) {
      const model = models.get(name);
      if (!model || model.getValue() === content) return;
      applyingProgrammaticChange = true;
      try {
        // pushEditOperations keeps the change undoable (Ctrl+Z brings the learner's code back after a reset).
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text: content }], () => null);
      } finally {
        applyingProgrammaticChange = false;
      }
    },
    content(name) {
      return models.get(name)?.getValue() ?? '';
    },
    focus() {
      editor.focus();
    },
    onRunShortcut(callback) {
      editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, callback);
    },
    onChange(callback) {
      changeListeners.push(callback);
    },
    async errors(name) {
      const model = models.get(name);
      if (!model) return [];
      const worker = await (await getTypeScriptWorker())(model.uri);
      const file = model.uri.toString();
      const found = [...(await worker.getSyntacticDiagnostics(file)), ...(await worker.getSemanticDiagnostics(file))];
      const text = (m: string | { messageText: string }) => (typeof m === 'string' ? m : m.messageText);
      return found.filter((d) => d.category === 1).map((d) => `${d.start ?? 0}: ${text(d.messageText)}`);
    },
  };
}
