// `npm test` in a student's assignment folder: runs the exercises' tests with vitest (its usual output
// for the student to read), then prints the score per exercise from the manifests' points.
// The language of the test names and messages: EC2LAB_LANG if set, else the folder's own (package.json's
// "ec2lab": { "lang" }, written by `ec2-lab assignment --lang`), else English.
// Exit code 0 when every test passed, 1 otherwise (as vitest itself would).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLanguage, type Language, type Localized } from './lang.ts';
import { parseResultsFile, pointsEarned, pointsPossible } from './results-file.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function folderLanguage(): Language {
  if (process.env.EC2LAB_LANG) return parseLanguage(process.env.EC2LAB_LANG, 'EC2LAB_LANG');
  try {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { ec2lab?: { lang?: string } };
    return pkg.ec2lab?.lang ? parseLanguage(pkg.ec2lab.lang, 'package.json "ec2lab": { "lang" }') : 'en';
  } catch (error) {
    if (error instanceof Error && error.message.includes('must be one of')) throw error;
    return 'en';
  }
}

let lang: Language;
try {
  lang = folderLanguage();
} catch (error) {
  console.error(`npm test: ${(error as Error).message}`);
  process.exit(2);
}
const words: Localized<{ score: string; total: string }> = {
  en: { score: 'Score', total: 'total' },
  'pt-br': { score: 'Nota', total: 'total' },
  es: { score: 'Puntuación', total: 'total' },
};
const resultsDir = mkdtempSync(path.join(tmpdir(), 'ec2-lab-score-'));
const resultsFile = path.join(resultsDir, 'results.jsonl');
const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

const run = spawnSync(process.execPath, [vitest, 'run', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, EC2LAB_RESULTS_FILE: resultsFile, EC2LAB_LANG: lang },
});

const modules = existsSync(resultsFile) ? parseResultsFile(readFileSync(resultsFile, 'utf8')) : [];
rmSync(resultsDir, { recursive: true, force: true });

type Manifest = { id: string; points: Record<string, number>; titles: Record<string, Localized<string>> };
const exercises = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, 'manifest.json')))
  .map((d) => JSON.parse(readFileSync(path.join(root, d.name, 'manifest.json'), 'utf8')) as Manifest);

let total = 0;
let max = 0;
const lines: string[] = [];
for (const exercise of exercises) {
  const tests = modules.filter((m) => path.relative(root, m.file).split(path.sep)[0] === exercise.id).flatMap((m) => m.tests);
  // A test is named by its title in the language it ran in; its points are keyed by its stable id.
  const idOf = new Map(Object.entries(exercise.titles).map(([id, title]) => [title[lang], id]));
  const passed = new Set(tests.filter((t) => t.state === 'passed').map((t) => idOf.get(t.name) ?? ''));
  const points = pointsEarned(exercise.points, passed);
  const exerciseMax = pointsPossible(exercise.points);
  total += points;
  max += exerciseMax;
  lines.push(`  ${exercise.id.padEnd(20)} ${String(points).padStart(3)} / ${exerciseMax}`);
}
console.log(`\n${words[lang].score}\n${lines.join('\n')}\n  ${words[lang].total.padEnd(20)} ${String(total).padStart(3)} / ${max}\n`);
process.exitCode = total === max && run.status === 0 ? 0 : 1;
