// The import rules of ARCHITECTURE.md, as dependency-cruiser checks them (scripts/lint/check-imports.ts):
// every rule is written down under the name the checker prints, and a forbidden import planted in a small
// repository fails with a message naming the rule it breaks, in .ts and in .astro files alike.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkImports, describeViolation, loadRules, type Violation } from '../../scripts/lint/check-imports.ts';

const repoRoot = new URL('../..', import.meta.url).pathname;
const rules = loadRules(repoRoot).forbidden ?? [];

describe('the rules and ARCHITECTURE.md', () => {
  const doc = readFileSync(join(repoRoot, 'ARCHITECTURE.md'), 'utf8');
  const documented = [...(doc.split('## The rules')[1] ?? '').split('\n## ')[0].matchAll(/`([a-z0-9-]+)`:/g)].map((m) => m[1]);

  it('has one rule per name, each explained by a comment that starts with its name', () => {
    expect(rules.length).toBeGreaterThan(10);
    expect(new Set(rules.map((r) => r.name)).size).toBe(rules.length);
    for (const rule of rules) expect(rule.comment, rule.name).toMatch(new RegExp(`^${rule.name}: .{20,}`));
  });

  it('documents every rule under the name the checker prints, and no rule that does not exist', () => {
    expect([...documented].sort()).toEqual(rules.map((r) => r.name ?? '').sort());
  });
});

/** A small repository with the real rules, tsconfig and node_modules, and the files given. */
function makeRepo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'ec2-lab-rules-'));
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  for (const file of ['.dependency-cruiser.cjs', 'tsconfig.json']) cpSync(join(repoRoot, file), join(root, file));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const cleanFiles: Record<string, string> = {
  'src/mini-ec2/index.ts': "export { launch } from './model.ts';\n",
  'src/mini-ec2/model.ts': 'export const launch = (): string => "i-1";\n',
  'src/grader/grade.ts': "import { launch } from '../mini-ec2/model.ts';\nexport const grade = (): string => launch();\n",
  'src/sandbox/island.ts': "import type { launch } from '../mini-ec2/model.ts';\nexport type Launch = typeof launch;\n",
  'src/components/Box.astro': "---\nimport { type Launch } from '../sandbox/island.ts';\n---\n<p>box</p>\n",
  'exercises/launch/tests/launch.test.ts': "import { launch } from 'mini-ec2';\nexport const id = launch();\n",
};

const planted: Record<string, string> = {
  'src/mini-ec2/clock.ts': "import { readFileSync } from 'node:fs';\nexport const now = (): string => readFileSync('x', 'utf8');\n",
  'src/sandbox/run.ts': "import { grade } from '../grader/grade.ts';\nexport const run = (): string => grade();\n",
  'src/components/Grade.astro': "---\nimport { grade } from '../grader/grade.ts';\n---\n<p>{grade()}</p>\n<script>\n  import '../sandbox/run.ts';\n</script>\n",
  'src/viz/a.ts': "import { b } from './b.ts';\nexport const a = (): number => b() + 1;\n",
  'src/viz/b.ts': "import { a } from './a.ts';\nexport const b = (): number => a() - 1;\n",
  'src/cli/main.ts': "import { helper } from '../../tests/helper.ts';\nexport const main = (): void => helper();\n",
  'tests/helper.ts': 'export const helper = (): void => undefined;\n',
  'exercises/launch/tests/sneaky.test.ts': "import { grade } from '../../../src/grader/grade.ts';\nexport const g = grade();\n",
};

describe('a forbidden import fails with the name of the rule it breaks', () => {
  const roots: string[] = [];
  let clean: Violation[];
  let found: Violation[];
  beforeAll(async () => {
    roots.push(makeRepo(cleanFiles), makeRepo({ ...cleanFiles, ...planted }));
    clean = (await checkImports(roots[0])).violations;
    found = (await checkImports(roots[1])).violations;
  }, 60_000);
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it('finds nothing in a repository that keeps the rules (.ts, .astro and the `mini-ec2` alias)', () => {
    expect(clean).toEqual([]);
  });

  it.each([
    ['model-is-portable', 'src/mini-ec2/clock.ts', 'node:fs'],
    ['sandbox-imports-results-and-runner', 'src/sandbox/run.ts', 'src/grader/grade.ts'],
    ['site-imports-entries', 'src/components/Grade.astro', 'src/grader/grade.ts'],
    ['site-imports-entries', 'src/components/Grade.astro', 'src/sandbox/run.ts'],
    ['src-stands-alone', 'src/cli/main.ts', 'tests/helper.ts'],
    ['exercises-import-model-and-kit', 'exercises/launch/tests/sneaky.test.ts', 'src/grader/grade.ts'],
  ])('%s: %s -> %s', (rule, from, to) => {
    const violation = found.find((v) => v.from === from && v.to.replace(/^node:/, '') === to.replace(/^node:/, ''));
    expect(violation?.rule, `${from} -> ${to} should break ${rule}; found:\n${found.map(describeViolation).join('\n')}`).toBe(rule);
    const message = describeViolation(violation!);
    expect(message).toContain(`${rule}: ${from} → `);
    expect(message).toContain(rules.find((r) => r.name === rule)?.comment);
  });

  it('no-cycles: names the modules around the cycle', () => {
    const cycle = found.find((v) => v.rule === 'no-cycles');
    expect(cycle && describeViolation(cycle)).toMatch(/no-cycles: src\/viz\/(a|b)\.ts → src\/viz\/(b|a)\.ts → src\/viz\/(a|b)\.ts/);
  });

  it('reports nothing else', () => {
    expect(found.map((v) => v.rule).sort()).toEqual([
      'exercises-import-model-and-kit', 'model-is-portable', 'no-cycles', 'sandbox-imports-results-and-runner',
      'site-imports-entries', 'site-imports-entries', 'src-stands-alone',
      'tools-import-grader', // cli/ importing tests/ also leaves the rooms cli/ may build on
    ]);
  });
});
