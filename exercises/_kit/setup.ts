// Vitest setup file (runs before every test file, also when one worker runs many files): registers the
// hook that hands the file's learner runs to the grader's reporter.
import './setup-flag.ts';
import { reportRunsAfterAll } from './harness.ts';

reportRunsAfterAll();
