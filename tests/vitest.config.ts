import { defineConfig } from 'vitest/config';

// Unit and integration tests. Exercise test files (exercises/*/tests) are run by the grader, not here;
// browser tests have their own config.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: ['tests/browser/**', 'tests/**/fixtures/**', 'node_modules/**', 'exercises/**', 'dist/**'],
    testTimeout: 30_000,
    typecheck: { enabled: false },
  },
});
