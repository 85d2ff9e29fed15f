// The page runner stops the learner's code where the CLI grader does: its limits are the grader's for one
// submission (gradeSubmission with its defaults) and the kit's, so both give the same outcome and message.
import { expect, test } from 'vitest';
import { runSettings } from '../../src/grader/grade.ts';
import { LIMITS } from '../../src/grader/input-checks.ts';
import { limitsFor } from '../../exercises/_kit/learner-node.ts';
import { PAGE_LIMITS } from '../../src/page-runner/limits.ts';

test('the page runner has the CLI grader limits for one submission', () => {
  const grader = runSettings(LIMITS.timeoutMs.default, LIMITS.memoryMb.default, 1);
  const kit = limitsFor('/nowhere/s0/tests/x.test.ts'); // no limits.json: the kit's defaults
  expect(PAGE_LIMITS).toEqual({
    callTimeoutMs: grader.callTimeoutMs,
    testTimeoutMs: grader.testTimeoutMs,
    runTimeoutMs: LIMITS.timeoutMs.default,
    memoryMb: LIMITS.memoryMb.default,
    maxCalls: kit.maxCalls,
    maxOutputBytes: 64 * 1024,
  });
});
