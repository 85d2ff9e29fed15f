// A class graded as 3 shards through the real command (`ec2-lab grade --shard i/3 --format json`) and
// joined with `ec2-lab merge` gives, in every format, the report of one unsharded run: byte for byte but
// the timings (which differ between any two runs). Bad shard sets are refused with a clear message.
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadExercise } from '../../src/grader/index.ts';
import { shardOf } from '../../src/grader/shards.ts';
import { classFolder, runCli, type JsonReport } from './run-cli.ts';

const launch = loadExercise('launch');
const FORMATS = ['csv', 'junit', 'json', 'text'] as const;
const students = { alice: launch.solution['launch.ts'], bob: launch.starter['launch.ts'], carol: launch.solution['launch.ts'], dave: launch.starter['launch.ts'], erin: launch.solution['launch.ts'], frank: undefined };
/** Timings differ between any two runs; everything else must not. */
const withoutTimings = (text: string) =>
  text.replace(/"durationMs": \d+/g, '"durationMs": 0').replace(/time="[\d.]+"/g, 'time="0"').replace(/graded in [\d.]+ s/g, 'graded in 0 s');

let folder: string;
let out: string;
const whole: Record<string, string> = {};
const shardFiles: string[] = [];

beforeAll(async () => {
  folder = classFolder('launch.ts', students);
  symlinkSync('/etc/passwd', path.join(folder, 'frank', 'launch.ts')); // a bad hand-in is a row like any other
  out = mkdtempSync(path.join(tmpdir(), 'ec2-lab-shards-'));
  const runs = await Promise.all(FORMATS.map((format) => runCli(['grade', 'launch', folder, '--format', format, '--jobs', '1'])));
  runs.forEach((run, i) => {
    expect(run.code, run.stderr).toBe(0);
    whole[FORMATS[i]] = run.stdout;
  });
  const shards = await Promise.all([1, 2, 3].map((i) => runCli(['grade', 'launch', folder, '--shard', `${i}/3`, '--format', 'json', '--jobs', '1'])));
  shards.forEach((run, i) => {
    expect(run.code, run.stderr).toBe(0);
    const file = path.join(out, `shard-${i + 1}.json`);
    writeFileSync(file, run.stdout);
    shardFiles.push(file);
  });
}, 300_000);

test('each shard grades the students whose name hashes to it', () => {
  shardFiles.forEach((file, i) => {
    const report = JSON.parse(readFileSync(file, 'utf8')) as JsonReport & { shard: { index: number; count: number; rows: number } };
    expect(report.shard).toMatchObject({ index: i + 1, count: 3, rows: 6 });
    const expected = Object.keys(students).filter((s) => shardOf(s, 3) === i + 1);
    expect(report.results.map((r) => r.student).sort()).toEqual(expected);
  });
});

test('a student keeps their shard when others join the class (the hash depends on the name only)', () => {
  const before = Object.keys(students).map((s) => shardOf(s, 3));
  const classmates = Array.from({ length: 50 }, (_, i) => `new-student-${i}`);
  expect(Object.keys(students).map((s) => shardOf(s, 3))).toEqual(before);
  expect(new Set(classmates.map((s) => shardOf(s, 3)))).toEqual(new Set([1, 2, 3])); // and shards share the class
});

describe.each(FORMATS)('merged as %s', (format) => {
  test('equals the unsharded run', async () => {
    const target = path.join(out, `merged.${format}`);
    const run = await runCli(['merge', ...[...shardFiles].reverse(), '--format', format, '--out', target]);
    expect(run.code, run.stderr).toBe(0);
    const merged = readFileSync(target, 'utf8');
    if (format === 'csv') expect(merged).toBe(whole.csv); // no timings in a gradebook: byte for byte
    expect(withoutTimings(merged)).toBe(withoutTimings(whole[format]));
  });
});

describe('refused with a clear message', () => {
  test.each([
    ['a missing shard', () => [shardFiles[0], shardFiles[2]], /missing shard 2\/3/],
    ['overlapping shards', () => [shardFiles[0], shardFiles[0], shardFiles[1]], /overlapping shards: .*shard-1\.json and .*shard-1\.json are both shard 1\/3/],
    ['an unsharded report', () => [writeText('whole.json', whole.json)], /whole\.json is not a shard's report: grade each shard with --shard i\/n --format json/],
    ['reports of different exercises', () => [shardFiles[0], writeText('other.json', readFileSync(shardFiles[1], 'utf8').replace('"exercise": "launch"', '"exercise": "create-image"'))], /reports of different exercises: .*shard-1\.json is launch, .*other\.json is create-image/],
    ['shards of different matrices', () => [shardFiles[0], writeText('four.json', readFileSync(shardFiles[1], 'utf8').replace('"count": 3', '"count": 4'))], /is shard 1\/3 but .*four\.json is shard 2\/4/],
    ['a file that is not JSON', () => [writeText('notes.txt', 'hello')], /notes\.txt is not JSON/],
  ])('%s', async (_, files, message) => {
    const run = await runCli(['merge', ...files(), '--format', 'csv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  test.each(['0/3', '4/3', '1/0', 'two/3', '1-3'])('--shard %s', async (shard) => {
    const run = await runCli(['grade', 'launch', folder, '--shard', shard]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--shard must be i/n with 1 <= i <= n <= 1000 (e.g. --shard 2/3), not "${shard}"`);
  });
});

function writeText(name: string, text: string): string {
  const file = path.join(out, name);
  writeFileSync(file, text);
  return file;
}
