// The Node globals that exercise tests and learners' solutions use: `Buffer` (UserData is base64 text:
// `Buffer.from(script).toString('base64')`), from the `buffer` package, Node's Buffer API for browsers
// (imported as 'buffer/': the package, not Node's built-in module of the same name).
// Imported first by both workers, before any test or learner code runs.
import { Buffer } from 'buffer/';

(globalThis as { Buffer?: unknown }).Buffer ??= Buffer;
