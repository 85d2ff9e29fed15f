// One bad hand-in never affects the others: a hand-in that tampers with the grader's shared test kit is graded
// in the same batch as good ones (the worker claims up to 32 jobs and grades them in one run), which voids the
// whole run; the worker grades the voided hand-ins again apart, so only the culprit keeps a failing result.
// The tampering is tests/grader/fixtures/hostile/write-test-files.ts with the permission model off (what a
// WebContainer sees, as in tests/grader/hostile.test.ts), so its writes succeed and the tamper check sees them.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { repoRoot } from '../grader/run-cli.ts';
import { backendStorage, call, classWithStudents, solution, startClassProcess, starter, waitGraded } from './harness.ts';

const NO_PERMISSION = { EC2LAB_NO_PERMISSION: '1' };
const vandal = readFileSync(path.join(repoRoot, 'tests', 'grader', 'fixtures', 'hostile', 'write-test-files.ts'), 'utf8');
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  rmSync('/tmp/ec2-lab-hostile-was-here.txt', { force: true });
});

type Graded = { status: string; result?: { status: string; points: number; maxPoints: number; message?: string; tests: { status: string; message?: string }[] } };

it('a hand-in that tampers with the test kit fails alone; the good ones in its batch get their own scores', async () => {
  const storage = await backendStorage('postgres');
  cleanup.push(() => storage.drop());
  const server = await startClassProcess(['serve', '--port', '0', '--no-worker'], storage.env);
  cleanup.push(() => server.kill());
  const { code, students } = await classWithStudents(server.url, ['Ana', 'Bea', 'Caio', 'Vandal']);
  const handIns: Record<string, string> = {
    Ana: solution('launch', 'launch.ts'),
    Bea: `// Bea's own words\n${solution('launch', 'launch.ts')}`,
    Caio: starter('launch', 'launch.ts'),
    Vandal: vandal,
  };
  const ids: Record<string, string> = {};
  for (const [name, text] of Object.entries(handIns)) {
    const receipt = await call<{ id: string }>(server.url, 'POST', `/api/classes/${code}/handins`, { token: students[name], body: { exercise: 'launch', files: { 'launch.ts': text } } });
    expect(receipt.status, receipt.text).toBe(202);
    ids[name] = receipt.body.id;
  }

  // Every hand-in is queued before the worker starts, so it claims all four in one batch.
  const worker = await startClassProcess(['worker'], { ...storage.env, ...NO_PERMISSION }, /Grading worker taking hand-ins/);
  cleanup.push(() => worker.kill());
  const graded: Record<string, Graded> = {};
  for (const name of Object.keys(handIns)) graded[name] = (await waitGraded(server.url, code, ids[name], students[name], 240_000)).body as Graded;

  expect(graded.Ana).toMatchObject({ status: 'graded', result: { status: 'pass', points: 10, maxPoints: 10 } });
  expect(graded.Bea).toMatchObject({ status: 'graded', result: { status: 'pass', points: 10 } });
  // The starter fails on its own tests, not because of the vandal: no run-wide message.
  expect(graded.Caio).toMatchObject({ status: 'graded', result: { status: 'fail', points: 0 } });
  expect(graded.Caio.result?.message).toBeUndefined();
  expect(graded.Vandal).toMatchObject({ status: 'graded', result: { status: 'error', points: 0 } });
  expect(graded.Vandal.result?.message).toMatch(/changed during the run|test files were changed/);

  // All four were claimed together once (one attempt each), and each has one stored grading.
  const db = new pg.Client({ connectionString: storage.databaseUrl });
  await db.connect();
  cleanup.push(() => db.end());
  const { rows } = await db.query<{ attempts: number; status: string }>('SELECT attempts, status FROM gradings ORDER BY id');
  expect(rows).toEqual(Array.from({ length: 4 }, () => ({ attempts: 1, status: 'graded' })));
}, 300_000);
