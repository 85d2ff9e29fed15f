// Vitest setup file (runs before every test file, also when one worker runs many files): registers the
// hook that hands the file's learner runs to the grader's reporter, and applies the submission's own
// time limit and language to its tests and hooks (a long-lived vitest serves submissions with different
// limits and languages).
import './setup-flag.ts';
import { expect, vi } from 'vitest';
import { reportRunsAfterAll } from './harness.ts';
import { useLanguage } from './lang.ts';
import { limitsFor } from './learner-node.ts';

reportRunsAfterAll();
const testPath = expect.getState().testPath;
const limits = testPath ? limitsFor(testPath) : undefined;
// Before the test file is imported: its titles and messages are chosen as it loads.
useLanguage(limits?.lang);
if (limits?.testTimeoutMs) vi.setConfig({ testTimeout: limits.testTimeoutMs, hookTimeout: limits.testTimeoutMs });
