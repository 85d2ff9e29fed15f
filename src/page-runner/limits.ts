// The limits of a Run in the page: the CLI grader's for one submission (src/grader/grade.ts, runSettings
// with its default 20 s and 256 MB; the kit's defaults for calls and output), so that a learner's code is
// stopped at the same point, with the same message, whichever engine grades it.
// tests/page-runner/limits.test.ts checks they stay equal.
import type { RunLimits } from './protocol.ts';

export const PAGE_LIMITS: RunLimits = {
  callTimeoutMs: 5_000,
  testTimeoutMs: 18_000,
  runTimeoutMs: 20_000,
  memoryMb: 256,
  maxCalls: 2_000,
  maxOutputBytes: 64 * 1024,
};
