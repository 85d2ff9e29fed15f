// Hostile and broken submissions, graded through the real command in ONE batch next to a correct one (the memory bomb in a second):
// each gets a failing result whose message says what happened, nobody earns points they did not earn,
// the correct submission is not skewed, and nothing outside the learner's child process is touched.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { loadExercise } from '../../src/grader/index.ts';
import { classFolder, repoRoot, runCli, type JsonReport } from './run-cli.ts';

const fixtures = path.join(repoRoot, 'tests', 'grader', 'fixtures', 'hostile');
const hostile = Object.fromEntries(readdirSync(fixtures).map((f) => [f.replace(/\.ts(\.txt)?$/, ''), readFileSync(path.join(fixtures, f), 'utf8')]));
const launch = loadExercise('launch');
const SIDE_EFFECTS = ['/tmp/ec2-lab-hostile-was-here.txt', '/tmp/ec2-lab-hostile-spawned'];

function hashTree(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, name.name);
      if (name.isDirectory()) walk(full);
      else hash.update(full).update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

let report: JsonReport;
let exitCode: number | null;
let protectedBefore: string;

beforeAll(async () => {
  for (const file of SIDE_EFFECTS) rmSync(file, { force: true });
  protectedBefore = hashTree(path.join(repoRoot, 'exercises'));
  const { 'memory-bomb': memoryBomb, ...others } = hostile;
  const folder = classFolder('launch.ts', { ...others, solution: launch.solution['launch.ts'], starter: launch.starter['launch.ts'], 'missing-file': undefined });
  // The memory bomb gets its own batch with a roomy time limit: V8's last garbage collections before it gives
  // up can take seconds on a loaded machine, and this test is about the memory limit, not the time limit
  // (CI once saw the 3 s call limit of the main batch win that race).
  const bombFolder = classFolder('launch.ts', { 'memory-bomb': memoryBomb });
  const [run, bombRun] = await Promise.all([
    runCli(['grade', 'launch', folder, '--format', 'json', '--jobs', '2', '--timeout', '12', '--memory', '96']),
    runCli(['grade', 'launch', bombFolder, '--format', 'json', '--timeout', '40', '--memory', '96']),
  ]);
  exitCode = run.code === 0 ? bombRun.code : run.code;
  expect(run.code, run.stderr).toBe(0);
  expect(bombRun.code, bombRun.stderr).toBe(0);
  const main = JSON.parse(run.stdout) as JsonReport;
  report = { ...main, results: [...main.results, ...(JSON.parse(bombRun.stdout) as JsonReport).results] };
}, 240_000);

const resultOf = (student: string) => {
  const result = report.results.find((r) => r.student === student);
  if (!result) throw new Error(`no result for ${student}`);
  return result;
};
/** The top-level message, or the first failing test's: what a teacher or learner reads first. */
const whatHappened = (student: string) => {
  const r = resultOf(student);
  return r.message ?? r.tests.find((t) => t.status !== 'pass')?.message ?? '';
};

const cases: [string, RegExp][] = [
  ['endless-sync-loop', /still running after .* and was stopped/],
  ['endless-async-loop', /still running after .* and was stopped/],
  ['exit-0-at-import', /ended with exit code 0 while launch\.ts was loading/],
  ['exit-1-at-import', /ended with exit code 1 while launch\.ts was loading/],
  ['exit-0-in-call', /ended with exit code 0 before launchWebServers\(\) returned/],
  ['exit-1-in-call', /ended with exit code 1 before launchWebServers\(\) returned/],
  ['throw-at-import', /threw an error as soon as it was loaded.*boom at import/],
  ['syntax-error', /does not compile[\s\S]*launch\.ts:4/],
  ['missing-file', /launch\.ts is missing/],
  ['fake-passing-output', /Expected 3 instances after your launch, found no instances/],
  ['write-test-files', /does not allow .*refused/],
  ['monkey-patch', /Expected 3 instances after your launch, found no instances/],
  ['huge-output', /Expected 3 instances after your launch, found no instances/],
  ['memory-bomb', /more memory than allowed/],
  ['spawn-process', /does not allow .*refused/],
  ['kill-parent', /ended unexpectedly/],
  ['kill-group', /ended unexpectedly|was killed/],
];

test('the batches ran to the end and graded every submission', () => {
  expect(exitCode).toBe(0);
  expect(report.results.map((r) => r.student).sort()).toEqual([...cases.map(([name]) => name), 'solution', 'starter'].sort());
});

test.each(cases)('%s gets a failing result that says what happened', (student, message) => {
  const result = resultOf(student);
  expect(result.status).not.toBe('pass');
  expect(result.points).toBe(0);
  expect(whatHappened(student)).toMatch(message);
});

test('a function that ran out of time is not run again in the same test file (one time limit, not two)', () => {
  // launch.test.ts runs launchWebServers() twice (its main plan, then "follows-plan"): the second is skipped.
  const followsPlan = resultOf('endless-sync-loop').tests.find((t) => t.id === 'follows-plan');
  expect(followsPlan?.status).toBe('fail');
  expect(followsPlan?.message).toMatch(/^launchWebServers\(\) was not run again: earlier in this test file it was still running after 3 s and was stopped/);
});

test('the correct submission in the same batch still scores full marks', () => {
  expect(resultOf('solution').status).toBe('pass');
  expect(resultOf('solution').points).toBe(resultOf('solution').maxPoints);
});

test('output is captured but capped at 500 characters per test', () => {
  for (const t of resultOf('huge-output').tests) expect(t.output?.length ?? 0).toBeLessThanOrEqual(500);
  expect(resultOf('huge-output').tests[0].output).toMatch(/spam/);
  // Printing "Tests 6 passed" earns nothing: the output is only shown, never read for results.
  expect(resultOf('fake-passing-output').tests[0].output).toMatch(/passed/);
});

/** Files under `dir` holding what write-test-files.ts tries to write. */
function vandalized(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => {
      const text = readFileSync(file, 'utf8');
      return text === 'export {};' || text.includes('test("launches exactly the requested number of instances", () => {});');
    });
}

test('no hostile submission changed the course files or left anything behind', () => {
  expect(hashTree(path.join(repoRoot, 'exercises'))).toBe(protectedBefore);
  // The model is edited by people while this runs in a shared tree: look for the vandal's writes instead of a hash.
  expect(vandalized(path.join(repoRoot, 'src', 'mini-ec2'))).toEqual([]);
  for (const file of SIDE_EFFECTS) expect(existsSync(file), file).toBe(false);
});

test('without the permission model, a write to the test files voids the result, said in the run\'s language (es)', async () => {
  // What a WebContainer (no permission flags) would see: the write succeeds, the tamper check catches it.
  const folder = classFolder('launch.ts', { vandal: hostile['write-test-files'] });
  const run = await runCli(['grade', 'launch', folder, '--format', 'json', '--timeout', '8', '--lang', 'es'], { env: { EC2LAB_NO_PERMISSION: '1' } });
  expect(run.code, run.stderr).toBe(0);
  const result = (JSON.parse(run.stdout) as JsonReport).results[0];
  expect(result.status).toBe('error');
  expect(result.points).toBe(0);
  // The kit or model changed (the whole batch is void), or this submission's test files did.
  expect(result.message).toMatch(/^(El kit de pruebas o el modelo del calificador cambió|Los archivos de prueba del curso se modificaron)/);
  for (const t of result.tests) expect(t.message).toBe(result.message);
  rmSync('/tmp/ec2-lab-hostile-was-here.txt', { force: true });
}, 120_000);

test('in pt-br, a crash of the test process, a missing file and an exit are explained in Portuguese', async () => {
  const folder = classFolder('launch.ts', { 'kill-parent': hostile['kill-parent'], 'missing-file': undefined, 'exit-1-in-call': hostile['exit-1-in-call'] });
  const run = await runCli(['grade', 'launch', folder, '--format', 'json', '--jobs', '2', '--timeout', '12', '--lang', 'pt-br']);
  expect(run.code, run.stderr).toBe(0);
  const results = (JSON.parse(run.stdout) as JsonReport).results;
  const said = (student: string) => {
    const r = results.find((x) => x.student === student);
    return r?.message ?? r?.tests.find((t) => t.status !== 'pass')?.message ?? '';
  };
  expect(said('kill-parent')).toMatch(/terminou de repente|foi morto/);
  expect(said('missing-file')).toMatch(/launch\.ts está faltando: a entrega não tem nenhum arquivo chamado launch\.ts/);
  expect(said('exit-1-in-call')).toMatch(/terminou com o código de saída 1 antes que launchWebServers\(\) retornasse/);
  // Every test of the crashed submission says why it has no result, in Portuguese, under its Portuguese title.
  const crashed = results.find((r) => r.student === 'kill-parent');
  for (const t of crashed?.tests ?? []) expect(t.message, t.name).not.toMatch(/\b(the|this|test|did not)\b/i);
}, 120_000);
