// Compiles the learner's TypeScript in the judge worker, with sucrase: it strips types and turns imports
// into CommonJS `require` calls the learner worker links itself (a worker has no import maps, so ES
// imports of 'mini-ec2' could not resolve there). Why not the TypeScript that Monaco loads: it lives in
// Monaco's own worker, arrives only with the editor (a Run may come first) and emits ES imports.
// The rules are the CLI grader's (exercises/_kit/compile.ts): the learner may import 'mini-ec2' and their
// own files, nothing else; a syntax error is a compile error naming file, line and column.
import { transform } from 'sucrase';
import { kitMessages } from '../../exercises/_kit/kit-messages.ts';
import { inLanguage } from '../../exercises/_kit/lang.ts';
import type { CompiledFiles } from '../../exercises/_kit/learner-worker-transport.ts';

type SyntaxFailure = { message?: string; loc?: { line: number; column: number } };

function compileOne(name: string, source: string): string {
  try {
    return transform(source, { transforms: ['typescript', 'imports'], filePath: name, production: true }).code;
  } catch (error) {
    const failure = error as SyntaxFailure;
    const text = String(failure.message ?? error).replace(/^Error transforming [^:]+: /, '').replace(/ \(\d+:\d+\)$/, '');
    const where = failure.loc ? `${name}:${failure.loc.line}:${failure.loc.column + 1}: ` : `${name}: `;
    const line = failure.loc ? source.split('\n')[failure.loc.line - 1]?.trim() : undefined;
    throw new Error(`${where}${text}${line ? `\n    ${line}` : ''}`, { cause: error });
  }
}

/** The first import of something other than 'mini-ec2' or a relative path, with where it is. */
function forbiddenImport(name: string, code: string, source: string): string | undefined {
  for (const match of code.matchAll(/require\((['"])([^'"]+)\1\)/g)) {
    const specifier = match[2];
    if (specifier === 'mini-ec2' || specifier.startsWith('.')) continue;
    const lineNumber = source.split('\n').findIndex((line) => line.includes(`'${specifier}'`) || line.includes(`"${specifier}"`)) + 1;
    return `${name}:${lineNumber || 1}: ${inLanguage(kitMessages).unavailablePackage({ name: specifier, builtins: false })}`;
  }
  return undefined;
}

/** Compiles every TypeScript or JavaScript file of the submission; `entry` must be one of them. */
export function compileLearnerFiles(files: Record<string, string>, entry: string): CompiledFiles {
  if (typeof files[entry] !== 'string') return { ok: false, missing: true, message: inLanguage(kitMessages).missingFile({ file: entry }) };
  const modules: Record<string, string> = {};
  try {
    for (const [name, source] of Object.entries(files)) {
      if (!/\.(ts|js|mjs)$/.test(name)) continue;
      const code = compileOne(name, source);
      const forbidden = forbiddenImport(name, code, source);
      if (forbidden) return { ok: false, message: forbidden };
      modules[name] = code;
    }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  return { ok: true, modules };
}
