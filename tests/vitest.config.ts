import { defineConfig } from 'vitest/config';

// Unit and integration tests. Exercise test files (exercises/*/tests) are run by the grader, not here;
// browser tests have their own config.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: ['tests/browser/**', 'tests/**/fixtures/**', 'node_modules/**', 'exercises/**', 'dist/**'],
    testTimeout: 30_000,
    // Many files wait on child processes (the CLI grader, boto3, the AWS CLI, servers): two files at a time keep
    // a 2-core machine busy, where vitest's default (cores - 1) would run them one by one.
    maxWorkers: 2,
    typecheck: { enabled: false },
  },
});
