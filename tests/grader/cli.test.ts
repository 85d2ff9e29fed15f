// `ec2-lab` as teachers and CI systems use it: usage errors, the exercise list, a mixed batch into a
// gradebook CSV, JUnit for CI, --out and --strict.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadExercise } from '../../src/grader/index.ts';
import { classFolder, repoRoot, runCli, type JsonReport } from './run-cli.ts';

const launch = loadExercise('launch');
const broken = readFileSync(path.join(repoRoot, 'tests/grader/fixtures/hostile/syntax-error.ts.txt'), 'utf8');
const looping = readFileSync(path.join(repoRoot, 'tests/grader/fixtures/hostile/endless-sync-loop.ts'), 'utf8');

describe.concurrent('usage errors exit with 2 and say what is wrong', () => {
  test.each([
    [['grade'], /missing the exercise id/],
    [['grade', 'no-such-exercise', '.'], /unknown exercise "no-such-exercise"/],
    [['grade', 'launch', '/no/such/folder'], /no such file or folder: \/no\/such\/folder/],
    [['grade', 'launch', '.', '--format', 'xml'], /unknown format "xml"/],
    [['grade', 'launch', '.', '--lang', 'fr'], /unknown language "fr"; use en, pt-br, es/],
    [['assignment', 'launch', '--out', 'x', '--lang', 'pt'], /unknown language "pt"; use en, pt-br, es/],
    [['grade', 'launch', '.', '--timeout', '1'], /timeoutMs must be a number from 2000/],
    [['grade', 'launch', '.', '--bogus'], /Unknown option '--bogus'/],
    [['assignment', 'launch'], /--out DIR is required/],
    [['nonsense'], /unknown command 'nonsense'/],
  ])('ec2-lab %j', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

test('`ec2-lab exercises` lists the nine exercises with their lessons and points', async () => {
  const run = await runCli(['exercises']);
  expect(run.code).toBe(0);
  const ids = run.stdout.trim().split('\n').slice(1).map((line) => line.split(/\s+/)[0]);
  expect(ids).toEqual(['pick-instance-type', 'launch-request', 'web-server-firewall', 'inspect-ami', 'launch', 'create-image', 'copy-image', 'find-ami', 'golden-image']);
  const json = await runCli(['exercises', '--json', '--lang', 'es']);
  expect((JSON.parse(json.stdout) as unknown[])[4]).toMatchObject({ id: 'launch', lesson: 4, files: ['launch.ts'], maxPoints: 10 });
});

describe('a mixed class graded in one run', () => {
  let folder: string;
  let out: string;
  let csv: { code: number | null; stdout: string; stderr: string };
  beforeAll(async () => {
    folder = classFolder('launch.ts', {
      alice: launch.solution['launch.ts'],
      bob: launch.starter['launch.ts'],
      '=carol': broken, // a name a spreadsheet would read as a formula
      dave: looping,
      erin: undefined, // handed in an empty folder
    });
    out = path.join(mkdtempSync(path.join(tmpdir(), 'ec2-lab-out-')), 'grades.csv');
    csv = await runCli(['grade', 'launch', folder, '--format', 'csv', '--out', out, '--timeout', '8']);
  }, 120_000);

  test('finishes with a correct gradebook CSV', () => {
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stderr).toMatch(/wrote csv report to/);
    expect(readFileSync(out, 'utf8')).toBe(
      [
        'student,exercise,score,max,status,failed_tests',
        "'=carol,launch,0,10,error,count same-ami settings tags waits-running returns-ids follows-plan",
        'alice,launch,10,10,pass,',
        'bob,launch,0,10,fail,count same-ami settings tags waits-running returns-ids follows-plan',
        'dave,launch,0,10,fail,count same-ami settings tags waits-running returns-ids follows-plan',
        'erin,launch,0,10,error,count same-ami settings tags waits-running returns-ids follows-plan',
        '',
      ].join('\n'),
    );
  });

  test('--strict exits 1 when a submission did not pass everything, and writes JUnit for CI', async () => {
    const run = await runCli(['grade', 'launch', path.join(folder, 'alice'), path.join(folder, 'bob'), '--format', 'junit', '--strict']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="ec2-lab launch" tests="14" failures="\d+" errors="\d+"/);
    expect(run.stdout).toContain('<testsuite name="alice / launch" tests="7" failures="0" errors="0"');
    expect(run.stdout).toMatch(/<testsuite name="bob \/ launch" tests="7" failures="[1-7]"/);
    expect(run.stdout).toContain('<failure message="Expected 3 instances after your launch');
    // The title is the learner's language's; the stable id rides along as a property.
    expect(run.stdout).toContain('<testcase classname="launch.bob" name="launches exactly the requested number of instances">\n      <properties><property name="id" value="count"/></properties>');
  }, 120_000);

  test('--strict exits 0 when every submission passed; the text report shows a table and a summary', async () => {
    const run = await runCli(['grade', 'launch', path.join(folder, 'alice', 'launch.ts'), '--strict']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/student\s+exercise\s+score\s+status/);
    expect(run.stdout).toMatch(/alice\s+launch\s+10\/10\s+pass/);
    expect(run.stdout).toMatch(/1 submission\(s\), 1 passed every test, mean score 100%/);
  }, 120_000);
});

describe('--lang: the test names and messages in the learner\'s language, joined by stable ids', () => {
  test('`grade --lang pt-br` on a starter prints Portuguese titles and messages, and the JSON carries the ids', async () => {
    const starter = classFolder('launch.ts', { bob: launch.starter['launch.ts'] });
    const text = await runCli(['grade', 'launch', path.join(starter, 'bob'), '--lang', 'pt-br']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('executa exatamente o número de instâncias pedido: Esperava 3 instâncias');

    const json = await runCli(['grade', 'launch', path.join(starter, 'bob'), '--lang', 'pt-br', '--format', 'json']);
    const [result] = (JSON.parse(json.stdout) as JsonReport).results;
    expect(result.tests.map((t) => t.id)).toEqual(Object.keys(launch.manifest.points));
    expect(result.tests.map((t) => t.name)).toEqual(Object.keys(launch.manifest.points).map((id) => launch.manifest.titles[id]['pt-br']));
    expect(result.tests.find((t) => t.id === 'same-ami')?.message).toMatch(/^Nenhuma instância foi executada\./);
  }, 120_000);
});
