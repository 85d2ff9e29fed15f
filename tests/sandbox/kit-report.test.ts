import { describe, expect, it } from 'vitest';
import { kitReportToGradeResult } from '../../src/sandbox/kit-report.ts';
import { parseResultsFile } from '../../exercises/_kit/results-file.ts';
import { parseGradeResult, summarize } from '../../src/sandbox/result.ts';
import type { ExerciseData } from '../../src/sandbox/exercise-data.ts';
import { kitReport } from './fake-webcontainer.ts';

const text = { en: 'x', 'pt-br': 'x', es: 'x' };
const data: ExerciseData = {
  id: 'launch',
  lesson: 4,
  title: text,
  instructions: text,
  files: ['launch.ts'],
  tests: ['launch.test.ts'],
  points: { 'starts-one': 2, 'tags-it': 1 },
  titles: {
    'starts-one': { en: 'launch > starts one instance', 'pt-br': 'launch > executa uma instância', es: 'launch > lanza una instancia' },
    'tags-it': { en: 'launch > tags it', 'pt-br': 'launch > coloca as tags', es: 'launch > la etiqueta' },
  },
  hints: { en: [], 'pt-br': [], es: [] },
  starter: { en: { 'launch.ts': '' }, 'pt-br': { 'launch.ts': '' }, es: { 'launch.ts': '' } },
  solution: { en: { 'launch.ts': '' }, 'pt-br': { 'launch.ts': '' }, es: { 'launch.ts': '' } },
  testFiles: { 'launch.test.ts': "describe('launch', () => {\n  it('starts one instance', () => {});\n  it('tags it', () => {});\n});\n" },
  typeLibraries: [],
};

describe('results from the WebContainer (the kit reporter file)', () => {
  it('gives the same GradeResult shape as the grader, with points per test', () => {
    const report = kitReport(
      [
        { name: 'launch > starts one instance', state: 'passed' },
        { name: 'launch > tags it', state: 'failed', error: 'expected [] to have length 1' },
      ],
      { ec2lab: { scenario: { state: { instances: 1 }, events: [{ seq: 1 }] } } },
    );
    const result = parseGradeResult(kitReportToGradeResult(data, report, { durationMs: 900, output: '' }));
    expect(result.status).toBe('fail');
    expect(result.points).toBe(2);
    expect(result.maxPoints).toBe(3);
    expect(result.tests[1]).toMatchObject({ status: 'fail', message: 'expected [] to have length 1', points: 0, maxPoints: 1 });
    expect(result.model?.events).toEqual([{ seq: 1 }]);
    expect(summarize(result)).toEqual({ passed: 1, total: 2, firstFailure: 1 });
  });

  it('turns a missing report into an error result that quotes what the run printed', () => {
    const result = kitReportToGradeResult(data, undefined, { durationMs: 10, output: 'Error: Cannot find package vitest\n' });
    expect(result.status).toBe('error');
    expect(result.message).toContain('Cannot find package vitest');
    expect(result.tests.every((t) => t.status === 'error')).toBe(true);
  });

  it('says so in the page\'s language (es): the run ended early, each test under its Spanish title', () => {
    const result = kitReportToGradeResult(data, undefined, { durationMs: 10, output: '' }, 'es');
    expect(result.message).toBe('La ejecución de las pruebas terminó antes de que las pruebas acabaran.');
    expect(result.tests.map((t) => [t.name, t.message])).toEqual([
      ['launch > lanza una instancia', result.message],
      ['launch > la etiqueta', result.message],
    ]);
  });

  it('skips a line cut short by a killed run', () => {
    const full = kitReport([{ name: 'launch > tags it', state: 'passed' }]);
    expect(parseResultsFile(`${full}{"file":"x","tes`)).toHaveLength(1);
  });
});

describe('result parsing (answers from the server)', () => {
  const graded = {
    version: 3, status: 'fail', exercise: 'launch', points: 2, maxPoints: 3, durationMs: 412,
    tests: [
      { name: 'a', status: 'pass', test_code: '', points: 2, maxPoints: 2 },
      { name: 'b', status: 'fail', message: 'expected 0 tags', test_code: '', points: 0, maxPoints: 1 },
    ],
  };

  it('accepts a grader result', () => {
    expect(summarize(parseGradeResult(graded))).toEqual({ passed: 1, total: 2, firstFailure: 1 });
  });

  it('rejects answers that are not results instead of showing a pass', () => {
    expect(() => parseGradeResult(null)).toThrow('not an object');
    expect(() => parseGradeResult({ ...graded, status: 'ok' })).toThrow('unknown status');
    expect(() => parseGradeResult({ ...graded, tests: 'all good' })).toThrow('no tests');
    expect(() => parseGradeResult({ ...graded, tests: [{ status: 'pass' }] })).toThrow('no name');
  });
});
