// Faults: kill -9 a grading worker in the middle of a job, and kill -9 the class server while hand-ins are in
// flight; after a restart nothing that was acknowledged is lost and every hand-in is graded, each distinct
// content once. Short leases (EC2LAB_CLASS_LEASE_SECONDS) keep the wait for an abandoned job short.
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { backendStorage, call, classWithStudents, solution, startClassProcess, waitGraded, type ClassProcess } from './harness.ts';

const LEASE = { EC2LAB_CLASS_LEASE_SECONDS: '3' };
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

const variant = (i: number) => `// hand-in ${i}\n${solution('launch', 'launch.ts')}`;

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('a grading worker killed mid-job (PostgreSQL, `class worker`)', () => {
  it('leaves its jobs to another worker, which grades each once', async () => {
    const storage = await backendStorage('postgres');
    cleanup.push(() => storage.drop());
    const server = await startClassProcess(['serve', '--port', '0', '--no-worker'], { ...storage.env, ...LEASE });
    cleanup.push(() => server.kill());
    const { code, students } = await classWithStudents(server.url, ['Ana']);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const receipt = await call<{ id: string }>(server.url, 'POST', `/api/classes/${code}/handins`, { token: students.Ana, body: { exercise: 'launch', files: { 'launch.ts': variant(i) } } });
      ids.push(receipt.body.id);
    }
    const db = new pg.Client({ connectionString: storage.databaseUrl });
    await db.connect();
    cleanup.push(() => db.end());

    const first = await startClassProcess(['worker'], { ...storage.env, ...LEASE }, /Grading worker taking hand-ins/);
    cleanup.push(() => first.kill('SIGKILL'));
    await until('a job being graded', async () => ((await db.query("SELECT 1 FROM gradings WHERE status = 'grading'")).rowCount ? true : undefined));
    await first.kill('SIGKILL');
    const { rows: abandoned } = await db.query<{ id: number }>("SELECT id FROM gradings WHERE status = 'grading'");
    expect(abandoned.length).toBeGreaterThan(0);

    const second = await startClassProcess(['worker'], { ...storage.env, ...LEASE }, /Grading worker taking hand-ins/);
    cleanup.push(() => second.kill());
    for (const id of ids) {
      expect((await waitGraded(server.url, code, id, students.Ana)).body).toMatchObject({ status: 'graded', result: { points: 10 } });
    }
    const { rows } = await db.query<{ id: number; attempts: number }>("SELECT id, attempts FROM gradings WHERE status = 'graded' ORDER BY id");
    expect(rows).toHaveLength(3); // one grading per distinct content, all graded
    for (const { id } of abandoned) expect(rows.find((r) => r.id === id)?.attempts).toBe(2); // taken again after the lease ran out
  }, 180_000);
});

describe('the class server killed mid-hand-in (PGlite)', () => {
  it('keeps every acknowledged hand-in, takes over the stale lock on restart, and grades them all', async () => {
    const storage = await backendStorage('pglite');
    const names = Array.from({ length: 8 }, (_, i) => `student-${i}`);
    let server: ClassProcess = await startClassProcess(['serve', '--port', '0', ...storage.args], LEASE);
    const { code, students } = await classWithStudents(server.url, names);
    const acked: { id: string; token: string }[] = [];
    const inFlight = names.flatMap((name, s) =>
      Array.from({ length: 5 }, (_, i) =>
        call<{ id: string }>(server.url, 'POST', `/api/classes/${code}/handins`, { token: students[name], body: { exercise: 'launch', files: { 'launch.ts': variant(s * 10 + i) } } })
          .then((answer) => {
            if (answer.status === 202) acked.push({ id: answer.body.id, token: students[name] });
          })
          .catch(() => undefined), // cut off by the kill: never acknowledged
      ),
    );
    await until('ten acknowledged hand-ins', async () => (acked.length >= 10 ? true : undefined));
    await server.kill('SIGKILL');
    await Promise.all(inFlight);
    const ackedAtKill = [...acked];
    expect(ackedAtKill.length).toBeLessThan(40 + 1);

    server = await startClassProcess(['serve', '--port', '0', ...storage.args], LEASE); // the dead server's lock is stale
    cleanup.push(() => server.kill());
    for (const { id, token } of ackedAtKill) {
      expect((await waitGraded(server.url, code, id, token, 300_000)).body).toMatchObject({ status: 'graded', result: { points: 10 } });
    }
  }, 400_000);
});
