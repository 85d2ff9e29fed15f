// Submissions that grade differently, made from an exercise's own solution and starter, for comparing the
// CLI grader with the page runner: the solution, the starter, and broken variants that earn some, none or
// all points in different ways. Each variant keeps the solution's work but breaks what it hands back.
import { loadExercise } from '../../src/grader/index.ts';

export type Variant = { name: string; files: Record<string, string> };

/** The exported function the exercise's tests call (`export: 'name'` in runLearnerFunction). */
function exportedFunction(testSource: string): string {
  const match = /export: '(\w+)'/.exec(testSource);
  if (!match) throw new Error('the test file calls no exported function');
  return match[1];
}

/** The solution with its exported function renamed, and `wrapper` exported under the old name. */
function wrapped(solution: string, fn: string, wrapper: string): string {
  const declaration = new RegExp(`export (async )?function ${fn}\\(`);
  if (!declaration.test(solution)) throw new Error(`the solution does not declare export function ${fn}`);
  return `${solution.replace(declaration, 'async function solved(')}\nexport async function ${fn}(...args: Parameters<typeof solved>) {\n${wrapper}\n}\n`;
}

export function variantsOf(id: string): Variant[] {
  const exercise = loadExercise(id);
  const file = exercise.manifest.files[0];
  // tests/ also holds what the test files import (messages.ts): read a test file the manifest names.
  const fn = exportedFunction(exercise.tests[exercise.manifest.tests[0]]);
  const solution = exercise.solution[file];
  const one = (name: string, source: string): Variant => ({ name, files: { [file]: source } });
  return [
    one('solution', solution),
    one('starter', exercise.starter[file]),
    // Does the work, returns nothing: the tests of the model's state pass, those of the answer fail.
    one('drops-its-answer', wrapped(solution, fn, '  await solved(...args);\n  return undefined as never;')),
    // Does the work twice: counts and duplicates fail.
    one('runs-twice', wrapped(solution, fn, '  await solved(...args);\n  return solved(...args);')),
    // Does the work, then throws: every test that needs a finished run fails.
    one('throws-after', wrapped(solution, fn, "  await solved(...args);\n  throw new Error('changed my mind');")),
    one('syntax-error', `${solution}\nexport const broken = ;\n`),
  ];
}
