// Bad hand-ins through the real command: a class where one student hands in each kind of bad folder, next to
// a correct one. Each bad one gets an error row naming the file and the limit, the batch goes on, the correct
// one passes, and not a byte of a file outside the submission (a link's target) reaches any report.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkHandIn, loadExercise } from '../../src/grader/index.ts';
import { describeProblems } from '../../src/grader/hand-in.ts';
import { classFolder, runCli, type JsonReport } from './run-cli.ts';

const launch = loadExercise('launch');
const solution = launch.solution['launch.ts'];
const SECRET = 'TOP-SECRET-FIRST-LINE: outside the submission';

let folder: string;
let json: JsonReport;
let reports: string;

beforeAll(async () => {
  const outside = mkdtempSync(path.join(tmpdir(), 'ec2-lab-outside-'));
  writeFileSync(path.join(outside, 'launch.ts'), `${SECRET}\n`);
  mkdirSync(path.join(outside, 'launch'));
  writeFileSync(path.join(outside, 'launch', 'launch.ts'), `${SECRET}\n`);
  folder = classFolder('launch.ts', { good: solution, 'big-file': 'x'.repeat(30 * 1024 * 1024), binary: 'export const a = 1;\0\0' });
  const student = (name: string) => {
    mkdirSync(path.join(folder, name));
    return path.join(folder, name);
  };
  symlinkSync(path.join(outside, 'launch.ts'), path.join(student('link-file'), 'launch.ts'));
  symlinkSync(path.join(outside, 'launch'), path.join(student('link-folder'), 'launch')); // a returned assignment's <id>/
  writeFileSync(path.join(student('not-utf8'), 'launch.ts'), Buffer.from([0x65, 0x78, 0xff, 0xfe, 0x70]));
  writeFileSync(path.join(student('wrong-name'), 'Launch.ts'), solution);
  const deep = student('too-deep');
  writeFileSync(path.join(deep, 'launch.ts'), solution);
  mkdirSync(path.join(deep, 'a/b/c/d/e/f/g/h/i'), { recursive: true });
  const many = student('too-many');
  writeFileSync(path.join(many, 'launch.ts'), solution);
  for (let i = 0; i < 510; i++) writeFileSync(path.join(many, `notes-${i}.md`), '');
  const runs = await Promise.all([
    runCli(['grade', 'launch', folder, '--format', 'json', '--jobs', '1']),
    ...['csv', 'junit', 'text'].map((format) => runCli(['grade', 'launch', folder, '--format', format, '--jobs', '1'])),
  ]);
  for (const run of runs) expect(run.code, run.stderr).toBe(0);
  json = JSON.parse(runs[0].stdout) as JsonReport;
  reports = runs.map((r) => r.stdout + r.stderr).join('\n');
}, 300_000);

const row = (student: string) => json.results.find((r) => r.student === student)!;

describe('each bad hand-in gets an error naming the file and the limit', () => {
  test.each([
    ['link-file', 'launch.ts is a symbolic link; links are never followed: hand in the file itself'],
    ['link-folder', 'launch is a symbolic link; links are never followed'],
    ['big-file', 'launch.ts is too large (31457280 bytes; the limit is 200000 bytes per file)'],
    ['binary', 'launch.ts is a binary file (NUL bytes or invalid UTF-8)'],
    ['not-utf8', 'launch.ts is a binary file (NUL bytes or invalid UTF-8)'],
    ['wrong-name', 'launch.ts not found, but Launch.ts is there; exercise launch accepts: launch.ts (exact names)'],
    ['too-deep', 'a/b/c/d/e/f/g/h/i is nested 9 folders deep; the limit is 8'],
    ['too-many', 'the folder holds more than 500 files and folders; the limit is 500'],
  ])('%s', (student, message) => {
    const result = row(student);
    expect(result.status).toBe('error');
    expect(result.points).toBe(0);
    expect(result.message).toContain(message);
    expect(result.message).toMatch(/^This hand-in was not graded: /);
  });
});

test('the batch goes on: the correct hand-in passes beside them', () => {
  expect(json.results.map((r) => r.student).sort()).toEqual(['big-file', 'binary', 'good', 'link-file', 'link-folder', 'not-utf8', 'too-deep', 'too-many', 'wrong-name']);
  expect(row('good')).toMatchObject({ status: 'pass', points: 10 });
});

test('no byte of a linked file outside the submission reaches any report', () => {
  expect(reports).not.toContain('TOP-SECRET');
});

test('a link given as the one-file submission of a student folder never shows its target', async () => {
  const run = await runCli(['grade', 'launch', path.join(folder, 'link-file'), '--format', 'json']);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).not.toContain('TOP-SECRET');
  expect((JSON.parse(run.stdout) as JsonReport).results[0].message).toContain('launch.ts is a symbolic link');
}, 120_000);

describe('checkHandIn: a hand-in given as { name: text } (the class server)', () => {
  test.each([
    [{ 'launch.ts': solution }, []],
    [{ 'Launch.ts': solution }, ['"Launch.ts" is not a file of exercise launch; it accepts: launch.ts']],
    [{ 'launch.ts': 'x'.repeat(200_001) }, ['launch.ts is too large (200001 bytes; the limit is 200000 bytes per file)']],
    [{ 'launch.ts': 'a\u0000b' }, ['launch.ts is a binary file (NUL bytes or invalid UTF-8); hand in TypeScript source text']],
    [{ 'launch.ts': 'bad \ud800 surrogate' }, ['launch.ts is a binary file (NUL bytes or invalid UTF-8); hand in TypeScript source text']],
    [{ 'launch.ts': 42 }, ['the content of launch.ts must be a string, not number']],
    [{ 'a/b/c/d/e/f/g/h/i/launch.ts': '' }, ['"a/b/c/d/e/f/g/h/i/launch.ts" is nested 9 folders deep; the limit is 8']],
    [Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`f${i}.ts`, ''])), ['501 files were handed in; the limit is 500 (exercise launch accepts: launch.ts)']],
    [[solution], ['the files must be an object like { "launch.ts": "<source>" }']],
  ])('%#', (files, messages) => {
    expect(checkHandIn(launch.manifest, files).map((p) => p.message)).toEqual(messages);
  });
});

test('the problems are told in the language asked for (--lang pt-br and es)', async () => {
  const pt = await runCli(['grade', 'launch', path.join(folder, 'link-file'), '--format', 'json', '--lang', 'pt-br']);
  expect(pt.code, pt.stderr).toBe(0);
  const ptMessage = (JSON.parse(pt.stdout) as JsonReport).results[0].message ?? '';
  expect(ptMessage).toContain('Esta entrega não foi corrigida');
  expect(ptMessage).toContain('launch.ts é um link simbólico');
  const es = describeProblems(checkHandIn(launch.manifest, { 'Launch.ts': solution }), 'es');
  expect(es).toBe('Esta entrega no se calificó: "Launch.ts" no es un archivo del ejercicio launch; acepta: launch.ts.');
  expect(pt.stdout).not.toContain(SECRET);
}, 120_000);
