// The kit's one reader of the results file (exercises/_kit/results-file.ts), used by the grader, a WebContainer
// run and `npm test` in a student's assignment folder (score.ts). A run killed while the reporter wrote its
// last line leaves that line cut short: the reader must keep the finished files and never throw (it did in
// score.ts, which crashed `npm test` in the student's folder).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseResultsFile, pointsEarned, pointsPossible } from '../../exercises/_kit/results-file.ts';

const record = (file: string, state: 'passed' | 'failed') =>
  JSON.stringify({ file, tests: [{ name: `${file} works`, state, errors: [] }], errors: [], meta: {} });

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'ec2lab-results-file-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the results file reader', () => {
  it('keeps the finished files of a results file cut off in the middle of a line', () => {
    const file = path.join(dir, 'results.jsonl');
    const full = `${record('a.test.ts', 'passed')}\n${record('b.test.ts', 'failed')}\n`;
    writeFileSync(file, `${full}${record('c.test.ts', 'passed').slice(0, 25)}`);
    const modules = parseResultsFile(readFileSync(file, 'utf8'));
    expect(modules.map((m) => m.file)).toEqual(['a.test.ts', 'b.test.ts']);
  });

  it('skips lines that are JSON but not a reporter record', () => {
    expect(parseResultsFile(`42\nnull\n{"tests":[]}\n${record('a.test.ts', 'passed')}\n`).map((m) => m.file)).toEqual(['a.test.ts']);
  });

  it('reads an empty file as no finished files', () => {
    expect(parseResultsFile('')).toEqual([]);
  });
});

describe('points', () => {
  const points = { 'launches one instance': 2, 'tags it': 1, 'stops it': 3 };
  it('sums the points of the tests that passed', () => {
    expect(pointsEarned(points, new Set(['tags it', 'stops it', 'not in the manifest']))).toBe(4);
  });
  it('sums every test for the maximum', () => {
    expect(pointsPossible(points)).toBe(6);
  });
});
