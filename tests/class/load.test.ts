// Load over loopback: 200 students join and hand in 1,000 times, all at once from 50 connections: each student
// the same files five times (a nervous student), so every hand-in is acknowledged and stored while the grader
// runs only 200 gradings. On a shared 2-core machine those take minutes, so by default the test runs a tenth
// of that (20 students, 100 hand-ins, still 50 connections at once and 5 hand-ins of the same files each);
// CLASS_LOAD_FULL=1 runs the whole 200 x 5, and `npm run bench` does (scripts/bench/class.bench.ts, which also
// times hand-in -> score, gradings per minute and memory: timing is the bench's business, not this test's).
import { afterAll, expect, it } from 'vitest';
import { backendStorage, call, solution, startClassProcess, type ClassProcess } from './harness.ts';

const STUDENTS = process.env.CLASS_LOAD_FULL === '1' ? 200 : 20;
const HANDINS_EACH = 5;
let server: ClassProcess | undefined;
afterAll(() => server?.kill());

/** Runs tasks with at most `width` at once. */
async function pool<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  }));
  return results;
}

it(`takes ${STUDENTS * HANDINS_EACH} hand-ins from ${STUDENTS} students and grades each distinct one once`, async () => {
  const storage = await backendStorage('pglite');
  server = await startClassProcess(['serve', '--port', '0', ...storage.args], { EC2LAB_CLASS_HANDINS_PER_MINUTE: '100000', EC2LAB_CLASS_JOINS_PER_MINUTE: '100000' });
  const base = server.url;
  const created = await call<{ code: string; teacherToken: string }>(base, 'POST', '/api/classes', { body: { name: 'Load', exercises: ['launch'], lang: 'en' } });
  const { code, teacherToken } = created.body;
  const names = Array.from({ length: STUDENTS }, (_, i) => `student-${String(i).padStart(3, '0')}`);
  const tokens = await pool(names.map((name) => async () => (await call<{ studentToken: string }>(base, 'POST', `/api/classes/${code}/students`, { body: { name } })).body.studentToken), 50);

  const handins = names.flatMap((name, s) => Array.from({ length: HANDINS_EACH }, () => ({ token: tokens[s], files: { 'launch.ts': `// ${name}\n${solution('launch', 'launch.ts')}` } })));
  const answers = await pool(handins.map(({ token, files }) => () => call(base, 'POST', `/api/classes/${code}/handins`, { token, body: { exercise: 'launch', files } })), 50);
  expect(answers.filter((a) => a.status !== 202).map((a) => a.text)).toEqual([]);
  expect(new Set(answers.map((a) => a.body.id)).size).toBe(STUDENTS * HANDINS_EACH);

  type Dashboard = { students: { name: string; exercises: { launch?: { best: number | null; attempts: number } } }[] };
  const allGraded = async () => {
    for (;;) {
      const dashboard = await call<Dashboard>(base, 'GET', `/api/classes/${code}/dashboard`, { token: teacherToken });
      if (dashboard.body.students.every((s) => s.exercises.launch?.best !== null)) return dashboard.body;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  };
  const dashboard = await allGraded();
  expect(dashboard.students).toHaveLength(STUDENTS);
  expect(dashboard.students.every((s) => s.exercises.launch?.best === 10 && s.exercises.launch.attempts === HANDINS_EACH)).toBe(true);
  const hashes = new Set(answers.map((a) => a.body.contentHash));
  expect(hashes.size).toBe(STUDENTS); // one grading per student's files
  const csv = await call(base, 'GET', `/api/classes/${code}/grades.csv`, { token: teacherToken });
  expect(csv.text.trim().split('\n').slice(1).filter((line) => line.includes(',launch,10,10,graded,'))).toHaveLength(STUDENTS);
}, 600_000);
