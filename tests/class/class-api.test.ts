// The class server over HTTP, started by the real CLI, once on PGlite (a data folder) and once on a real
// PostgreSQL (TEST_DATABASE_URL): the same store, queue and routes on both. The contract is CLASS-API.md of
// issue 15; docs/class-data.md says what is kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { backendStorage, call, classWithStudents, solution, starter, startClassProcess, waitGraded, type Backend, type ClassProcess } from './harness.ts';

describe.each<Backend>(['pglite', 'postgres'])('class server on %s', (backend) => {
  let server: ClassProcess;
  let storage: Awaited<ReturnType<typeof backendStorage>>;
  let base: string;
  let klass: Awaited<ReturnType<typeof classWithStudents>>;

  beforeAll(async () => {
    storage = await backendStorage(backend);
    server = await startClassProcess(['serve', '--port', '0', ...storage.args], { ...storage.env, EC2LAB_CLASS_STUDENT_HANDINS_PER_MINUTE: '6' });
    base = server.url;
    klass = await classWithStudents(base, ['Ana', 'Bruno'], ['launch', 'create-image']);
  }, 60_000);

  afterAll(async () => {
    await server?.kill();
    await storage?.drop();
  });

  it('creates a class with a 6-character code, a teacher token and the dashboard address', async () => {
    const created = await call<{ code: string; teacherToken: string; dashboardUrl: string }>(base, 'POST', '/api/classes', { body: { name: 'Turma B', exercises: ['launch'], lang: 'pt-br', due: '2026-12-01' } });
    expect(created.status).toBe(201);
    expect(created.body.code).toMatch(/^[A-HJ-KM-NP-Z2-9]{6}$/);
    expect(created.body.dashboardUrl).toBe(`${base}/pt-br/class/${created.body.code}/#teacher=${created.body.teacherToken}`);
    const info = await call(base, 'GET', `/api/classes/${created.body.code}/info`);
    expect(info.body).toEqual({ code: created.body.code, name: 'Turma B', exercises: [{ id: 'launch', title: 'Vários bolos a partir de uma receita' }], lang: 'pt-br', due: '2026-12-01T00:00:00.000Z' });
  });

  it('refuses bad classes and taken names with a message naming the problem', async () => {
    const bad = await call(base, 'POST', '/api/classes', { body: { name: 'x', exercises: ['launch', 'nope'], lang: 'en' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('bad_request');
    expect(bad.body.message).toContain('"nope"');
    expect((await call(base, 'POST', '/api/classes', { body: { name: 'x', exercises: ['launch'], lang: 'fr' } })).body.message).toContain('lang must be one of en, pt-br, es');
    const taken = await call(base, 'POST', `/api/classes/${klass.code}/students`, { body: { name: 'Ana' } });
    expect(taken.status).toBe(409);
    expect(taken.body.message).toContain('"Ana" is already taken');
    expect((await call(base, 'GET', '/api/classes/ZZZZZZ/info')).status).toBe(404);
  });

  it('says it is a class server at GET /api/classes, and nothing more', async () => {
    const answer = await call(base, 'GET', '/api/classes');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('application/json');
    expect(answer.body).toEqual({ classServer: true });
  });

  it('grades hand-ins itself: right 10/10, wrong 0/10; the same files twice are graded once', async () => {
    const right = await call<{ id: string; status: string; contentHash: string }>(base, 'POST', `/api/classes/${klass.code}/handins`, {
      token: klass.students.Ana,
      body: { exercise: 'launch', files: { 'launch.ts': solution('launch', 'launch.ts') }, points: 999 },
    });
    expect(right.status).toBe(202);
    expect(right.body.status).toBe('queued');
    expect(right.body.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const wrong = await call<{ id: string }>(base, 'POST', `/api/classes/${klass.code}/handins`, { token: klass.students.Bruno, body: { exercise: 'launch', files: { 'launch.ts': starter('launch', 'launch.ts') } } });
    const graded = await waitGraded(base, klass.code, right.body.id, klass.students.Ana);
    expect(graded.body).toMatchObject({ status: 'graded', student: 'Ana', exercise: 'launch', result: { points: 10, maxPoints: 10, status: 'pass' } });
    expect((await waitGraded(base, klass.code, wrong.body.id, klass.students.Bruno)).body.result).toMatchObject({ points: 0, maxPoints: 10 });

    const again = await call<{ id: string; status: string; contentHash: string }>(base, 'POST', `/api/classes/${klass.code}/handins`, { token: klass.students.Ana, body: { exercise: 'launch', files: { 'launch.ts': solution('launch', 'launch.ts') } } });
    expect(again.body).toMatchObject({ status: 'graded', contentHash: right.body.contentHash });
    expect(again.body.id).not.toBe(right.body.id);
    const second = await call<{ result: { durationMs: number } }>(base, 'GET', `/api/classes/${klass.code}/handins/${again.body.id}`, { token: klass.students.Ana });
    expect(second.body.result).toEqual(graded.body.result); // the very same grading, not a second run

    const me = await call<{ exercises: Record<string, { best: number; attempts: number; lastId: string }> }>(base, 'GET', `/api/classes/${klass.code}/me`, { token: klass.students.Ana });
    expect(me.body.exercises.launch).toMatchObject({ best: 10, max: 10, attempts: 2, lastId: again.body.id });
    if (storage.databaseUrl) {
      const client = new pg.Client({ connectionString: storage.databaseUrl });
      await client.connect();
      const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM gradings WHERE exercise = 'launch'");
      await client.end();
      expect(rows[0].n).toBe(2); // Ana's files once, Bruno's once
    }
  }, 120_000);

  it('shows a student only their own hand-ins, and the teacher everything', async () => {
    const me = await call<{ exercises: Record<string, { lastId: string }> }>(base, 'GET', `/api/classes/${klass.code}/me`, { token: klass.students.Bruno });
    const brunosId = me.body.exercises.launch.lastId;
    expect((await call(base, 'GET', `/api/classes/${klass.code}/handins/${brunosId}`, { token: klass.students.Ana })).status).toBe(404);
    expect((await call(base, 'GET', `/api/classes/${klass.code}/dashboard`, { token: klass.students.Ana })).status).toBe(403);
    expect((await call(base, 'GET', `/api/classes/${klass.code}/dashboard`)).status).toBe(401);
    expect((await call(base, 'GET', `/api/classes/${klass.code}/dashboard`, { token: `${klass.teacher}x` })).status).toBe(401);
    const files = await call<{ files: Record<string, string> }>(base, 'GET', `/api/classes/${klass.code}/handins/${brunosId}/files`, { token: klass.teacher });
    expect(files.body.files['launch.ts']).toBe(starter('launch', 'launch.ts'));
    const dashboard = await call<{ students: { name: string; exercises: Record<string, { best: number; attempts: number }> }[] }>(base, 'GET', `/api/classes/${klass.code}/dashboard`, { token: klass.teacher });
    expect(dashboard.body.students.map((s) => [s.name, s.exercises.launch?.best, s.exercises.launch?.attempts])).toEqual([['Ana', 10, 2], ['Bruno', 0, 1]]);
  });

  it("lists a student's hand-ins of an exercise for the teacher, newest first, each one openable", async () => {
    type Listing = { student: string; exercise?: string; handins: { id: string; exercise: string; handedInAt: string; status: string; score: number | null; max: number }[] };
    const list = (name: string, query: string, token = klass.teacher) => call<Listing>(base, 'GET', `/api/classes/${klass.code}/students/${encodeURIComponent(name)}/handins${query}`, { token });
    const ana = await list('Ana', '?exercise=launch');
    expect(ana.status).toBe(200);
    expect(ana.body.student).toBe('Ana');
    expect(ana.body.handins.map((h) => [h.exercise, h.status, h.score, h.max])).toEqual([['launch', 'graded', 10, 10], ['launch', 'graded', 10, 10]]);
    const me = await call<{ exercises: Record<string, { lastId: string }> }>(base, 'GET', `/api/classes/${klass.code}/me`, { token: klass.students.Ana });
    expect(ana.body.handins[0].id).toBe(me.body.exercises.launch.lastId); // newest first
    expect(ana.body.handins[0].handedInAt >= ana.body.handins[1].handedInAt).toBe(true);
    for (const handin of ana.body.handins) {
      const opened = await call<{ files: Record<string, string>; result: { points: number } }>(base, 'GET', `/api/classes/${klass.code}/handins/${handin.id}/files`, { token: klass.teacher });
      expect(opened.body.files['launch.ts']).toBe(solution('launch', 'launch.ts'));
      expect(opened.body.result.points).toBe(10);
    }
    expect((await list('Bruno', '?exercise=launch')).body.handins.map((h) => h.score)).toEqual([0]);
    expect((await list('Bruno', '?exercise=create-image')).body.handins).toEqual([]);
    expect((await list('Bruno', '')).body.handins).toHaveLength(1);
    expect((await list('Ana', '?exercise=launch', klass.students.Ana)).status).toBe(403); // students see theirs through /me
    const badExercise = await list('Ana', '?exercise=find-ami');
    expect(badExercise.status).toBe(400);
    expect((badExercise.body as unknown as { message: string }).message).toContain('launch, create-image');
    expect((await list('Nobody', '?exercise=launch')).status).toBe(404);
  });

  it('exports the grades as CSV, JUnit and Gradescope-style results.json', async () => {
    const csv = await call(base, 'GET', `/api/classes/${klass.code}/grades.csv`, { token: klass.teacher });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('student,exercise,score,max,status,handed_in_at');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 5).join(','))).toEqual(['Ana,launch,10,10,graded', 'Ana,create-image,,12,missing', 'Bruno,launch,0,10,graded', 'Bruno,create-image,,12,missing']);
    const junit = await call(base, 'GET', `/api/classes/${klass.code}/grades.junit.xml`, { token: klass.teacher });
    expect(junit.text).toContain('<testsuite name="Bruno / launch" tests="7" failures="7"');
    const gradescope = await call<{ submissions: { student: string; results: { score: number; max_score: number; tests: { status: string }[] } }[] }>(base, 'GET', `/api/classes/${klass.code}/results.json`, { token: klass.teacher });
    expect(gradescope.body.submissions.map((s) => [s.student, s.results.score, s.results.max_score, s.results.tests.length])).toEqual([['Ana', 10, 10, 7], ['Bruno', 0, 10, 7]]);
    expect((await call(base, 'GET', `/api/classes/${klass.code}/grades.csv`, { token: klass.students.Ana })).status).toBe(403);
  });

  it('refuses cross-origin and non-JSON state changes, bad files, big bodies and floods', async () => {
    const handin = (body: unknown, headers: Record<string, string> = {}) => call(base, 'POST', `/api/classes/${klass.code}/handins`, { token: klass.students.Bruno, body, headers });
    const files = { 'launch.ts': 'export const x = 1;' };
    expect((await handin({ exercise: 'launch', files }, { Origin: 'http://evil.example' })).body).toMatchObject({ error: 'cross_origin' });
    expect((await handin(JSON.stringify({ exercise: 'launch', files }), { 'Content-Type': 'text/plain' })).status).toBe(415);
    const notAFile = await handin({ exercise: 'launch', files: { '../etc/passwd': 'x' } });
    expect(notAFile.status).toBe(400);
    expect(notAFile.body.message).toContain('is not a file of exercise launch; it accepts: launch.ts');
    expect((await handin({ exercise: 'find-ami', files })).body.message).toContain("this class's exercises: launch, create-image");
    const huge = await handin({ exercise: 'launch', files: { 'launch.ts': 'x'.repeat(300_000) } });
    expect(huge.status).toBe(413);
    expect(huge.body.message).toContain('launch.ts is too large (300000 bytes; the limit is 200000 bytes per file)');
    expect((await handin({ exercise: 'launch', files: { 'launch.ts': 'y'.repeat(2_000_000) } })).status).toBe(413);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await handin({ exercise: 'launch', files: { 'launch.ts': `// try ${i}\n` } })).status);
    expect(statuses).toContain(429); // 6 a minute for a student in this server
    const limited = await handin({ exercise: 'launch', files });
    expect(limited.body.error).toBe('rate_limited');
    expect(limited.body.message).toContain('at most 6 a minute');
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('re-grades a whole class, exports and deletes a student, and deletes the class', async () => {
    const regrade = await call<{ queued: number }>(base, 'POST', `/api/classes/${klass.code}/regrade`, { token: klass.teacher, body: {} });
    expect(regrade.status).toBe(202);
    expect(regrade.body.queued).toBeGreaterThanOrEqual(2);
    const exported = await call<{ student: string; handins: { exercise: string; files: Record<string, string> }[] }>(base, 'GET', `/api/classes/${klass.code}/students/Ana/export`, { token: klass.teacher });
    expect(exported.body.student).toBe('Ana');
    expect(exported.body.handins.filter((h) => h.exercise === 'launch')).toHaveLength(2);
    expect((await call(base, 'DELETE', `/api/classes/${klass.code}/students/Ana`, { token: klass.teacher })).status).toBe(200);
    expect((await call(base, 'GET', `/api/classes/${klass.code}/me`, { token: klass.students.Ana })).status).toBe(401);
    const dashboard = await call<{ students: { name: string }[] }>(base, 'GET', `/api/classes/${klass.code}/dashboard`, { token: klass.teacher });
    expect(dashboard.body.students.map((s) => s.name)).toEqual(['Bruno']);
    expect((await call(base, 'DELETE', `/api/classes/${klass.code}`, { token: klass.students.Bruno })).status).toBe(403);
    expect((await call(base, 'DELETE', `/api/classes/${klass.code}`, { token: klass.teacher })).status).toBe(200);
    expect((await call(base, 'GET', `/api/classes/${klass.code}/info`)).status).toBe(404);
  }, 60_000);
});
