// The sandbox's strings live in src/i18n/sandbox-strings.ts (the one home of every string table). This
// re-export only serves sandbox.ts, which is being rewritten (issue 16): its rewrite imports the table from
// src/i18n directly, and then this file goes.
export { sandboxStrings } from '../i18n/sandbox-strings.ts';
