// Monaco, bundled by esbuild instead of Vite/Rollup. Rollup spent most of `astro build` on Monaco's editor core
// and its TypeScript worker (thousands of modules, a 7 MB worker); esbuild bundles and minifies the same files
// in a few seconds of CPU. The output (src/sandbox/monaco-bundle.ts, the editor and TypeScript workers, the
// stylesheet and the codicon font) is written with content-hashed names under <assetsDir>/monaco/ as static
// assets, and the sandbox's import of monaco-bundle.ts is pointed at the bundled file:
//   - `astro build`: an external import of /_astro/monaco/monaco-bundle-<hash>.js in the editor's chunk;
//   - `astro dev`: the bundled file on disk, served by Vite like any other file of the project.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as esbuild from 'esbuild';
import type { Plugin } from 'vite';

const ENTRY = fileURLToPath(new URL('../sandbox/monaco-bundle.ts', import.meta.url));
const WORKERS = {
  editorWorker: 'monaco-editor/editor/editor.worker',
  tsWorker: 'monaco-editor/language/typescript/ts.worker',
};

interface Bundle {
  /** Output folder on disk. */
  dir: string;
  /** File names (relative to dir) of every output, and the one that is the entry module. */
  files: string[];
  entry: string;
}

const common = (root: string, outdir: string): esbuild.BuildOptions => ({
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  outdir,
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  loader: { '.ttf': 'file' },
  write: false,
  logLevel: 'warning',
});

/** Writes esbuild's in-memory outputs to disk under their own names; returns those names (relative to outdir). */
function write(outputs: esbuild.OutputFile[], outdir: string): string[] {
  return outputs.map((file) => {
    const name = path.relative(outdir, file.path);
    writeFileSync(path.join(outdir, name), file.contents);
    return name;
  });
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 10);
const CSS_PLACEHOLDER = '__EC2LAB_MONACO_CSS__';

/**
 * Bundles the workers, then the editor module with the workers' names built in. The stylesheet's name is known
 * only after that build, so it is hashed and written into the module here, and the module hashed after that.
 */
async function bundleMonaco(root: string, outdir: string): Promise<Bundle> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const workers = await esbuild.build({ ...common(root, outdir), entryPoints: { 'editor.worker': WORKERS.editorWorker, 'ts.worker': WORKERS.tsWorker } });
  const workerFiles = write(workers.outputFiles!, outdir);
  const named = (prefix: string) => {
    const found = workerFiles.find((f) => f.startsWith(prefix) && f.endsWith('.js'));
    if (!found) throw new Error(`monaco-prebundle: esbuild wrote no ${prefix}*.js (got ${workerFiles.join(', ')})`);
    return found;
  };
  const files = { editorWorker: named('editor.worker-'), tsWorker: named('ts.worker-'), css: CSS_PLACEHOLDER };
  const editor = await esbuild.build({ ...common(root, outdir), entryPoints: { 'monaco-bundle': ENTRY }, define: { EC2LAB_MONACO_FILES: JSON.stringify(files) } });
  const stylesheet = editor.outputFiles!.find((f) => f.path.endsWith('.css'));
  const script = editor.outputFiles!.find((f) => f.path.endsWith('.js'));
  if (!stylesheet || !script) throw new Error('monaco-prebundle: esbuild wrote no stylesheet or no script for the editor');
  const cssName = `monaco-bundle-${hashOf(stylesheet.text)}.css`;
  writeFileSync(path.join(outdir, cssName), stylesheet.contents);
  const code = script.text.replace(CSS_PLACEHOLDER, cssName);
  const entry = `monaco-bundle-${hashOf(code)}.js`;
  writeFileSync(path.join(outdir, entry), code);
  const assets = write(editor.outputFiles!.filter((f) => f !== stylesheet && f !== script), outdir);
  return { dir: outdir, files: [...workerFiles, ...assets, cssName, entry], entry };
}

/** Points the sandbox's import of monaco-bundle.ts at esbuild's bundle, and ships the bundle's files. */
function prebundledMonaco(root: string): Plugin {
  let serving = false;
  let assetsDir = '_astro';
  let publicDir = '/_astro/monaco/';
  let bundle: Promise<Bundle> | undefined;
  return {
    name: 'ec2lab:monaco-prebundle',
    enforce: 'pre',
    configResolved(config) {
      serving = config.command === 'serve';
      assetsDir = path.posix.join(config.build.assetsDir, 'monaco');
      publicDir = `${config.base.replace(/\/?$/, '/')}${assetsDir}/`;
    },
    async resolveId(source, importer) {
      if (!importer || path.basename(source) !== 'monaco-bundle.ts') return null;
      if (path.resolve(path.dirname(importer.split('?')[0]), source) !== ENTRY) return null;
      // Parallel builds (tests, benchmarks) share node_modules: each bundles into a folder of its own.
      const parent = path.join(root, 'node_modules', '.ec2lab-monaco');
      mkdirSync(parent, { recursive: true });
      const built = await (bundle ??= bundleMonaco(root, mkdtempSync(path.join(parent, serving ? 'dev-' : 'build-'))));
      if (serving) return path.join(built.dir, built.entry);
      return { id: publicDir + built.entry, external: 'absolute' };
    },
    async generateBundle() {
      if (!bundle) return;
      const built = await bundle;
      for (const file of built.files) {
        this.emitFile({ type: 'asset', fileName: path.posix.join(assetsDir, file), source: readFileSync(path.join(built.dir, file)) });
      }
    },
    // After a build, or when the dev server stops: the bundle's folder goes, and esbuild's service process with
    // it (stopped here, the build waits for it, so its CPU time counts as the build's).
    async closeBundle() {
      if (!bundle) return;
      const built = await bundle;
      bundle = undefined;
      rmSync(built.dir, { recursive: true, force: true });
      await esbuild.stop();
    },
  };
}

export default function monacoPrebundle(): AstroIntegration {
  return {
    name: 'ec2lab:monaco-prebundle',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        updateConfig({ vite: { plugins: [prebundledMonaco(fileURLToPath(config.root))] } });
      },
    },
  };
}
