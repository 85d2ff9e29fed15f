// The grader's API as the sandbox's local endpoint calls it: inputs are checked before anything runs, and a
// graded submission comes back in the results.json v3 shape with points and the main scenario's model.
import { afterAll, describe, expect, test } from 'vitest';
import { closeGrader, GradeInputError, gradeSubmission, loadExercise } from '../../src/grader/index.ts';

afterAll(closeGrader); // the warm vitest daemon and its folder go when this file is done
import { csvCell } from '../../src/grader/reports.ts';
import { testSources } from '../../src/results/test-source.ts';

describe('gradeSubmission rejects bad input with a clear error', () => {
  test.each([
    [{ exerciseId: 'nope', files: {} }, /unknown exercise "nope"/],
    [{ exerciseId: '../launch', files: {} }, /unknown exercise/],
    [{ exerciseId: 'launch', files: { '../../package.json': 'x' } }, /"..\/..\/package.json" is not a file of exercise launch; it accepts: launch.ts/],
    [{ exerciseId: 'launch', files: { 'other.ts': 'x' } }, /is not a file of exercise launch/],
    [{ exerciseId: 'launch', files: { 'launch.ts': 42 } }, /must be a string, not number/],
    [{ exerciseId: 'launch', files: 'launch.ts' }, /files must be an object/],
    [{ exerciseId: 'launch', files: { 'launch.ts': 'x'.repeat(300_000) } }, /too large/],
    [{ exerciseId: 'launch', files: { 'launch.ts': '' }, timeoutMs: 10 }, /timeoutMs must be a number from/],
    [{ exerciseId: 'launch', files: { 'launch.ts': '' }, memoryMb: -1 }, /memoryMb must be a number from/],
  ])('%j', async (input, message) => {
    await expect(gradeSubmission(input as never)).rejects.toThrow(GradeInputError);
    await expect(gradeSubmission(input as never)).rejects.toThrow(message);
  });
});

test('a graded submission has the results.json v3 shape, points and the main scenario for the live map', async () => {
  const exercise = loadExercise('golden-image');
  const result = await gradeSubmission({ exerciseId: 'golden-image', files: exercise.solution });
  expect(result).toMatchObject({ version: 3, status: 'pass', exercise: 'golden-image', points: 15, maxPoints: 15 });
  expect(result.tests[0]).toMatchObject({ id: 'base-from-ssm', name: 'finds the base image through its SSM public parameter', status: 'pass', task_id: 1, points: 1, maxPoints: 1 });
  expect(result.tests[1]).toMatchObject({ id: 'one-image', name: 'builds one golden image from a single builder instance', status: 'pass', task_id: 2, points: 2, maxPoints: 2 });
  expect(result.tests[1].test_code).toMatch(/^test\(title\('one-image'\)/);
  // The chain AMI #1 -> builder -> AMI #2 -> clones is in the event log.
  const types = (result.model!.events as { type: string }[]).map((e) => e.type);
  expect(types).toContain('image-created');
  expect(types.filter((t) => t === 'instance-launched' || t === 'instances-launched').length).toBeGreaterThan(0);
  expect(result.model!.state).toBeTypeOf('object');
}, 60_000);

test('a CSV cell never starts a spreadsheet formula and quotes what needs quoting', () => {
  expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  expect(csvCell('+1')).toBe("'+1");
  expect(csvCell('a,b')).toBe('"a,b"');
  expect(csvCell(7)).toBe('7');
});

test('test sources are found by title, brackets in strings and comments included', () => {
  const source = "test('a (tricky) one', () => {\n  // a ) in a comment\n  expect(')').toBe(`)${'}'}`);\n});\nit(\"b\", async () => {});\n";
  const found = testSources(source);
  expect(found.get('a (tricky) one')).toBe("test('a (tricky) one', () => {\n  // a ) in a comment\n  expect(')').toBe(`)${'}'}`);\n});");
  expect(found.get('b')).toBe('it("b", async () => {});');
});
