// The authoring check: every exercise is complete and consistent. Manifests are valid in all three
// languages, points name the real tests (by id), and through the real command every solution scores full
// marks while every starter fails at least one test, in a language other than English.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { listExercises, loadExercise, manifestProblems } from '../../src/grader/index.ts';
import { testSources } from '../../src/results/test-source.ts';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { repoRoot, runCli, type JsonReport } from './run-cli.ts';

// Lesson 2 also has web-server-firewall, lesson 6 also copy-image (each a second sandbox on its page).
const EXPECTED_IDS = ['pick-instance-type', 'launch-request', 'web-server-firewall', 'inspect-ami', 'launch', 'create-image', 'copy-image', 'find-ami', 'golden-image'];

test('the exercises of the lesson plan exist, at least one per lesson', () => {
  const exercises = listExercises();
  expect(exercises.map((e) => e.id)).toEqual(EXPECTED_IDS);
  expect(exercises.map((e) => e.lesson)).toEqual([1, 2, 2, 3, 4, 5, 6, 6, 7]);
});

describe.each(EXPECTED_IDS)('exercise %s', (id) => {
  test('has a valid manifest with titles, instructions and at least 3 hints in en, pt-br and es', () => {
    const raw = JSON.parse(readFileSync(path.join(repoRoot, 'exercises', id, 'manifest.json'), 'utf8')) as unknown;
    expect(manifestProblems(raw, id)).toEqual([]);
  });

  test('gives points to exactly the tests its test files define (by id)', () => {
    const exercise = loadExercise(id);
    const ids = Object.values(exercise.tests).flatMap((source) => [...testSources(source).keys()]);
    expect(Object.keys(exercise.manifest.points).sort()).toEqual([...ids].sort());
  });

  test('has a starter and a solution for every file the learner edits, and nothing else', () => {
    const exercise = loadExercise(id);
    expect(Object.keys(exercise.starter).sort()).toEqual([...exercise.manifest.files].sort());
    expect(Object.keys(exercise.solution).sort()).toEqual([...exercise.manifest.files].sort());
    expect(readdirSync(path.join(repoRoot, 'exercises', id, 'tests')).sort()).toEqual([...exercise.manifest.tests, 'messages.ts'].sort());
  });
});

/** Two students who return every exercise in the assignment layout: one hands in the solutions, one the starters. */
function classWithSolutionsAndStarters(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ec2-lab-authoring-'));
  for (const id of EXPECTED_IDS) {
    const exercise = loadExercise(id);
    for (const [student, files] of [['solution', exercise.solution], ['starter', exercise.starter]] as const) {
      mkdirSync(path.join(root, student, id), { recursive: true });
      for (const [name, source] of Object.entries(files)) writeFileSync(path.join(root, student, id, name), source);
    }
  }
  return root;
}

test('through `ec2-lab grade all --lang pt-br`: every solution scores full marks, every starter fails at least one test', async () => {
  const run = await runCli(['grade', 'all', classWithSolutionsAndStarters(), '--format', 'json', '--lang', 'pt-br']);
  expect(run.code, run.stderr).toBe(0);
  const report = JSON.parse(run.stdout) as JsonReport & { results: { exercise: string }[] };
  expect(report.results).toHaveLength(EXPECTED_IDS.length * 2);
  for (const result of report.results) {
    const where = `${result.exercise} (${result.student})`;
    if (result.student === 'solution') {
      const failed = result.tests.filter((t) => t.status !== 'pass').map((t) => `${t.name}: ${t.message}`);
      expect(failed, `${where}: tests that did not pass`).toEqual([]);
      expect(result.points, where).toBe(result.maxPoints);
      expect(result.status, where).toBe('pass');
    } else {
      expect(result.status, where).not.toBe('pass');
      expect(result.points, where).toBeLessThan(result.maxPoints);
      // Failure messages speak to the learner: every failed test says something.
      for (const t of result.tests.filter((t) => t.status !== 'pass')) expect(t.message, `${where}: ${t.name}`).toBeTruthy();
    }
    // Each result carries its test's source, its stable id and its Portuguese title.
    const { titles } = loadExercise(result.exercise).manifest;
    for (const t of result.tests) {
      expect(t.test_code, `${where}: ${t.name}`).toMatch(/^test\(title\('/);
      expect(t.name, `${where}: ${t.id}`).toBe(titles[t.id]['pt-br']);
    }
  }
}, 180_000);
