// `npm run lint`: the three checks of the house rules (ARCHITECTURE.md), each run to the end so one report
// shows every finding, with its wall time. Exit code 1 when any of them finds something.
//   eslint        typescript-eslint with type information: bugs the compiler lets through, long functions
//   imports       dependency-cruiser: who may import whom (scripts/lint/check-imports.ts)
//   knip          unused files, exports and dependencies, and dependencies used but not listed
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const bin = (name: string): string => join(root, 'node_modules/.bin', name);

const checks: Array<{ name: string; command: string[] }> = [
  { name: 'eslint', command: [bin('eslint'), '--max-warnings', '0', 'src', 'tests', 'exercises', 'scripts'] },
  { name: 'imports', command: [bin('tsx'), 'scripts/lint/check-imports.ts'] },
  { name: 'knip', command: [bin('knip'), '--no-progress'] },
];

function run(command: string[]): number {
  const [file, ...args] = command;
  const result = spawnSync(file, args, { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

// src/content.config.ts is typed by what `astro sync` generates; `npm test` syncs first (typecheck).
if (!existsSync(join(root, '.astro/types.d.ts'))) run([bin('astro'), 'sync']);

const summary: string[] = [];
let failed = false;
for (const check of checks) {
  const started = performance.now();
  const status = run(check.command);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  failed ||= status !== 0;
  summary.push(`${check.name}: ${status === 0 ? 'clean' : 'FINDINGS'} (${seconds} s)`);
}
console.log(`lint: ${summary.join(', ')}`);
if (failed) process.exitCode = 1;
