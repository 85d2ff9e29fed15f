import { defineConfig } from 'vitest/config';

// Browser tests: each file drives Debian's Chromium through playwright-core against the real
// `npm start` server (see tests/browser/harness.ts). globalSetup builds the site once.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
