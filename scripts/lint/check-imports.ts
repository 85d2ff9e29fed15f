// Checks who imports whom against the rules in .dependency-cruiser.cjs (written down in ARCHITECTURE.md) and
// prints each violation with the name and the words of the rule it breaks. Exit code 1 on any violation.
//
// dependency-cruiser reads .ts/.mjs but not .astro, where most of the site's imports are. So the check runs on
// a scratch copy of the code in which every `X.astro` becomes `X.astro.ts` holding the component's frontmatter
// and bundled <script> blocks (the two places an Astro component imports from); names are mapped back in the
// report. Usage: `tsx scripts/lint/check-imports.ts` (from `npm run lint`).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

/** The folders whose code the rules cover. */
const CODE_ROOTS = ['src', 'tests', 'exercises', 'scripts'];
const CODE_EXTENSIONS = new Set(['.ts', '.mts', '.mjs', '.js', '.cjs', '.json', '.astro']);
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', '.git', '.astro']);

export interface Violation {
  rule: string;
  /** The rule in words, from the rule's `comment` (it starts with the rule's name). */
  comment: string;
  from: string;
  to: string;
  /** For a cycle: the modules around it, starting after `from`. */
  cycle: string[];
}

/** The code an Astro component imports from: its frontmatter and the <script> blocks Astro bundles. */
export function astroScriptCode(source: string): string {
  const frontmatter = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';
  const bundled = [...source.matchAll(/<script\b(?![^>]*\bis:inline)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [frontmatter, ...bundled].join('\n;\n');
}

const toShadowName = (text: string): string => text.replace(/\.astro(['"])/g, '.astro.ts$1');
const fromShadowName = (path: string): string => path.replace(/\.astro\.ts$/, '.astro');

/** Copies the code folders of `root` into `shadow`, turning each .astro file into a .astro.ts one. */
function copyCode(root: string, shadow: string): void {
  for (const dir of CODE_ROOTS.filter((d) => existsSync(join(root, d)))) {
    cpSync(join(root, dir), join(shadow, dir), {
      recursive: true,
      filter: (src) => !SKIPPED_FOLDERS.has(src.split(/[\\/]/).pop() ?? ''),
    });
  }
  for (const file of ['tsconfig.json', 'package.json']) {
    if (existsSync(join(root, file))) cpSync(join(root, file), join(shadow, file));
  }
  if (existsSync(join(root, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(shadow, 'node_modules'), 'dir');
  for (const file of codeFiles(shadow)) {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.astro')) {
      writeFileSync(`${file}.ts`, toShadowName(astroScriptCode(text)));
      rmSync(file);
    } else if (/\.astro['"]/.test(text)) {
      writeFileSync(file, toShadowName(text));
    }
  }
}

function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && CODE_EXTENSIONS.has(extname(entry.name)))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The rules of `<root>/.dependency-cruiser.cjs` (a CommonJS file, as dependency-cruiser expects). */
export function loadRules(root: string): IConfiguration {
  return createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs')) as IConfiguration;
}

/** Runs the rules of `root`'s .dependency-cruiser.cjs on the code of `root`. */
export async function checkImports(root: string): Promise<{ violations: Violation[]; modules: number }> {
  const config = loadRules(root);
  const comments = new Map((config.forbidden ?? []).map((rule) => [rule.name ?? '', rule.comment ?? '']));
  const shadow = mkdtempSync(join(tmpdir(), 'ec2-lab-imports-'));
  try {
    copyCode(root, shadow);
    const tsConfigFile = join(shadow, 'tsconfig.json');
    const options = config.options ?? {};
    // dependency-cruiser resolves some paths (the tsconfig `paths` alias) from the working folder.
    const cwd = process.cwd();
    process.chdir(shadow);
    const { output } = await cruise(
      CODE_ROOTS.filter((d) => existsSync(join(shadow, d))),
      { ...options, baseDir: shadow, ruleSet: { forbidden: config.forbidden }, validate: true, tsConfig: { fileName: tsConfigFile } },
      undefined,
      { tsConfig: extractTSConfig(tsConfigFile) },
    ).finally(() => process.chdir(cwd));
    const result = output as ICruiseResult;
    const violations = result.summary.violations.map((v) => ({
      rule: v.rule.name,
      comment: comments.get(v.rule.name) ?? '',
      from: fromShadowName(v.from),
      to: fromShadowName(v.to),
      cycle: (v.cycle ?? []).map((step) => fromShadowName(step.name)),
    }));
    return { violations, modules: result.summary.totalCruised };
  } finally {
    rmSync(shadow, { recursive: true, force: true });
  }
}

export function describeViolation(v: Violation): string {
  const target = v.cycle.length > 0 ? [v.from, ...v.cycle].join(' → ') : `${v.from} → ${v.to}`;
  return `✗ ${v.rule}: ${target}\n    ${v.comment}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL('../..', import.meta.url).pathname;
  const { violations, modules } = await checkImports(root);
  for (const v of violations) console.log(describeViolation(v));
  console.log(`imports: ${violations.length} rule violation(s) in ${modules} modules (rules: ARCHITECTURE.md)`);
  if (violations.length > 0) process.exitCode = 1;
}
