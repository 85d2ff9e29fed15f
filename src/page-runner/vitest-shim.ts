// What `import ... from 'vitest'` means in the page runner's bundles (the build aliases 'vitest' here):
// vitest's own runner and assertions, one copy shared by every exercise's tests. A test file that imports
// anything else from 'vitest' fails the build, by name.
export { afterAll, afterEach, beforeAll, beforeEach, describe, it, onTestFailed, onTestFinished, suite, test } from '@vitest/runner';
export { expect } from './expect.ts';
