// The Monaco the sandbox uses, as one module: the editor core, the features in monaco-features.ts and the
// TypeScript language. src/integrations/monaco-prebundle.ts bundles this file and Monaco's two workers with
// esbuild (seconds, where Rollup took most of the site build) into content-hashed files next to the site's own
// scripts; editor.ts imports it like any module and the integration points that import at the bundle.
import './monaco-features.ts';
import 'monaco-editor/languages/definitions/typescript/register';

export * as monaco from 'monaco-editor/editor';
export { typescriptDefaults, getTypeScriptWorker, ModuleKind, ModuleResolutionKind, ScriptTarget } from 'monaco-editor/languages/features/typescript/register';

/** File names of the bundled workers and stylesheet, beside this bundle; set by the integration (esbuild `define`). */
declare const EC2LAB_MONACO_FILES: { editorWorker: string; tsWorker: string; css: string };

const besideThisBundle = (file: string) => new URL(file, import.meta.url);

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const file = label === 'typescript' || label === 'javascript' ? EC2LAB_MONACO_FILES.tsWorker : EC2LAB_MONACO_FILES.editorWorker;
    return new Worker(besideThisBundle(file), { type: 'module', name: label });
  },
};

// Monaco's own styles (editor, widgets, the codicon font) are bundled into one stylesheet beside this file. The
// module finishes loading only once they apply, as Vite's CSS preloading did: Monaco measures text on creation.
await new Promise<void>((resolve, reject) => {
  const stylesheet = document.createElement('link');
  stylesheet.rel = 'stylesheet';
  stylesheet.href = besideThisBundle(EC2LAB_MONACO_FILES.css).href;
  stylesheet.onload = () => resolve();
  stylesheet.onerror = () => reject(new Error(`The editor's stylesheet did not load: ${stylesheet.href}`));
  document.head.append(stylesheet);
});
