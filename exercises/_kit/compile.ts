// Compiles the learner's TypeScript into one ES module the child process can run, with the bare module
// 'mini-ec2' left as an import of the model's own bundle beside it (MODEL_BUNDLE, built once per process by
// compileModelBundle, so waiters, types and error classes work) and nothing else reachable: the learner may
// import 'mini-ec2', Node built-ins and their own files, no other package.
// Why two bundles: bundling the whole model into every learner's file cost ~200 ms of esbuild and ~450 KB
// (with its source map) for the child to parse, per submission; the learner's own file is a few KB.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { existsSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { kitMessages } from './kit-messages.ts';
import { inLanguage } from './lang.ts';

export type CompileResult = { ok: true; code: string } | { ok: false; message: string; missing?: boolean };

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The model's bundle, next to the learner's in the child's folder: the learner's `'mini-ec2'` imports it. */
export const MODEL_BUNDLE = 'mini-ec2.mjs';

/** Only the model, built-ins and files of the submission folder resolve. */
function restrictImports(submissionDir: string): esbuild.Plugin {
  return {
    name: 'ec2-lab-restrict-imports',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (args.path === 'mini-ec2') return { path: `./${MODEL_BUNDLE}`, external: true };
        if (builtins.has(args.path)) return { path: args.path, external: true };
        if (args.path.startsWith('.') || path.isAbsolute(args.path)) {
          const target = path.resolve(args.resolveDir, args.path);
          if (isInside(submissionDir, target)) return undefined;
          return { errors: [{ text: inLanguage(kitMessages).outsideFiles({ path: args.path }) }] };
        }
        return { errors: [{ text: inLanguage(kitMessages).unavailablePackage({ name: args.path, builtins: true }) }] };
      });
    },
  };
}

function formatMessages(messages: esbuild.Message[], submissionDir: string): string {
  return messages
    .slice(0, 5)
    .map((m) => {
      const where = m.location ? `${path.relative(submissionDir, m.location.file) || m.location.file}:${m.location.line}:${m.location.column + 1}: ` : '';
      const line = m.location?.lineText ? `\n    ${m.location.lineText.trim()}` : '';
      return `${where}${m.text}${line}`;
    })
    .join('\n');
}

/** The model as one ES module (no source map: the learner's stack traces are about the learner's lines). */
export async function compileModelBundle(modelEntry: string): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [modelEntry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
    tsconfigRaw: {},
  });
  return result.outputFiles[0].text;
}

/**
 * Bundles the learner's entry file. The bundle exports the learner's module as `learner` and the model's
 * error classes (`Ec2ServiceException`, `SsmServiceException`, from the one model bundle the learner's code
 * imports too), so errors rebuilt in the child pass `instanceof` checks.
 */
export async function compileLearnerModule(options: { submissionDir: string; file: string }): Promise<CompileResult> {
  const entry = path.resolve(options.submissionDir, options.file);
  if (!isInside(options.submissionDir, entry) || !existsSync(entry)) {
    return { ok: false, missing: true, message: inLanguage(kitMessages).missingFile({ file: options.file }) };
  }
  const stub = `export * as learner from ${JSON.stringify(entry)};\nexport { Ec2ServiceException, SsmServiceException } from 'mini-ec2';\n`;
  try {
    const result = await esbuild.build({
      stdin: { contents: stub, resolveDir: options.submissionDir, sourcefile: 'ec2-lab-entry.js', loader: 'js' },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: 'inline',
      sourcesContent: false, // line numbers in stack traces, without a copy of every source in each child
      logLevel: 'silent',
      // The learner's code gets its own defaults: the course repository's tsconfig does not apply to it.
      tsconfigRaw: {},
      plugins: [restrictImports(options.submissionDir)],
    });
    return { ok: true, code: result.outputFiles[0].text };
  } catch (error) {
    const failure = error as esbuild.BuildFailure;
    if (Array.isArray(failure.errors)) return { ok: false, message: formatMessages(failure.errors, options.submissionDir) };
    return { ok: false, message: String(error) };
  }
}
