// `npm test` in a student's assignment folder: runs the exercises' tests with vitest (its usual output
// for the student to read), then prints the score per exercise from the manifests' points.
// Exit code 0 when every test passed, 1 otherwise (as vitest itself would).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseResultsFile, pointsEarned, pointsPossible } from './results-file.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = mkdtempSync(path.join(tmpdir(), 'ec2-lab-score-'));
const resultsFile = path.join(resultsDir, 'results.jsonl');
const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

const run = spawnSync(process.execPath, [vitest, 'run', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, EC2LAB_RESULTS_FILE: resultsFile },
});

const modules = existsSync(resultsFile) ? parseResultsFile(readFileSync(resultsFile, 'utf8')) : [];
rmSync(resultsDir, { recursive: true, force: true });

type Manifest = { id: string; points: Record<string, number> };
const exercises = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, 'manifest.json')))
  .map((d) => JSON.parse(readFileSync(path.join(root, d.name, 'manifest.json'), 'utf8')) as Manifest);

let total = 0;
let max = 0;
const lines: string[] = [];
for (const exercise of exercises) {
  const tests = modules.filter((m) => path.relative(root, m.file).split(path.sep)[0] === exercise.id).flatMap((m) => m.tests);
  const passed = new Set(tests.filter((t) => t.state === 'passed').map((t) => t.name));
  const points = pointsEarned(exercise.points, passed);
  const exerciseMax = pointsPossible(exercise.points);
  total += points;
  max += exerciseMax;
  lines.push(`  ${exercise.id.padEnd(20)} ${String(points).padStart(3)} / ${exerciseMax}`);
}
console.log(`\nScore\n${lines.join('\n')}\n  ${'total'.padEnd(20)} ${String(total).padStart(3)} / ${max}\n`);
process.exitCode = total === max && run.status === 0 ? 0 : 1;
