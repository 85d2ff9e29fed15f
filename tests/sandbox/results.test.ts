import { describe, expect, it } from 'vitest';
import { parseGradeResult, summarize } from '../../src/sandbox/result.ts';
import { cleanFailureMessage, vitestJsonToGradeResult } from '../../src/sandbox/vitest-report.ts';
import { vitestReport } from './fake-webcontainer.ts';

const graded = {
  version: 3,
  status: 'fail',
  exercise: 'launch',
  tests: [
    { name: 'launches one instance', status: 'pass', test_code: '', points: 2, maxPoints: 2 },
    { name: 'tags it', status: 'fail', message: 'expected 0 tags', test_code: '', points: 0, maxPoints: 1 },
  ],
  points: 2,
  maxPoints: 3,
  durationMs: 412,
  model: { state: { regions: {} }, events: [{ seq: 1 }] },
};

describe('result parsing', () => {
  it('accepts a grader result and summarizes it', () => {
    const result = parseGradeResult(graded);
    expect(summarize(result)).toEqual({ passed: 1, total: 2, firstFailure: 1 });
    expect(result.model?.events).toHaveLength(1);
  });

  it('rejects answers that are not results instead of showing a pass', () => {
    expect(() => parseGradeResult(null)).toThrow('not an object');
    expect(() => parseGradeResult({ ...graded, status: 'ok' })).toThrow('unknown status');
    expect(() => parseGradeResult({ ...graded, tests: 'all good' })).toThrow('no tests');
    expect(() => parseGradeResult({ ...graded, tests: [{ status: 'pass' }] })).toThrow('no name');
  });

  it('converts a vitest json report with points from the manifest', () => {
    const result = vitestJsonToGradeResult(
      JSON.parse(vitestReport([
        { title: 'launches one instance', status: 'passed' },
        { title: 'tags it', status: 'failed', failure: '\u001b[31mAssertionError: expected 0 to be 1\u001b[39m\n    at x.ts:1:1' },
      ])),
      { exercise: 'launch', points: { 'launch launches one instance': 2, 'tags it': 3 }, durationMs: 10 },
    );
    expect(result.status).toBe('fail');
    expect(result.tests.map((t) => [t.status, t.points, t.maxPoints])).toEqual([['pass', 2, 2], ['fail', 0, 3]]);
    expect(result.tests[1].message).toBe('AssertionError: expected 0 to be 1');
  });

  it('turns a test file that failed to load into an error result with its message', () => {
    const report = { testResults: [{ name: 'a.test.ts', status: 'failed', message: "Cannot find module './launch.ts'", assertionResults: [] }] };
    const result = vitestJsonToGradeResult(report, { exercise: 'launch', points: {}, durationMs: 1 });
    expect(result.status).toBe('error');
    expect(result.message).toContain("Cannot find module './launch.ts'");
  });

  it('cleans colours and stack frames from failure messages', () => {
    expect(cleanFailureMessage('\u001b[2mError: boom\u001b[22m\ndetail\n    at f (a.ts:1:1)\n    at g')).toBe('Error: boom\ndetail');
  });
});
