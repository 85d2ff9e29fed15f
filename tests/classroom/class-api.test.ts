// The class API client the course pages use (src/classroom/class-api.ts), against answers shaped like the
// class server's (JSON errors with a code and a sentence) and like hosts that are no class server (a static
// host's HTML 404, `npm start`'s JSON without a sentence).
import { describe, expect, it } from 'vitest';
import { apiPath, ClassApiError, classInfo, downloadExport, type Fetch, handIn, hasClassServer, joinClass, NoClassServerError } from '../../src/classroom/class-api.ts';

interface Seen {
  url: string;
  init: RequestInit;
}

function answering(response: () => Response): { fetch: Fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  return { seen, fetch: (url, init = {}) => (seen.push({ url, init }), Promise.resolve(response())) };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } });

describe('class API client', () => {
  it('escapes codes and ids taken from people in the path', () => {
    expect(apiPath('AB3K7Q', 'handins', '../x?y')).toBe('/api/classes/AB3K7Q/handins/..%2Fx%3Fy');
  });

  it('joins with JSON and no credentials; the class server\'s error keeps its status, code and sentence', async () => {
    const ok = answering(() => json(201, { studentToken: 'st', name: 'Ana' }));
    await expect(joinClass(ok.fetch, 'AB3K7Q', 'Ana')).resolves.toEqual({ studentToken: 'st', name: 'Ana' });
    expect(ok.seen[0].url).toBe('/api/classes/AB3K7Q/students');
    expect(ok.seen[0].init).toMatchObject({ method: 'POST', credentials: 'omit', body: '{"name":"Ana"}' });
    expect(ok.seen[0].init.headers).toMatchObject({ 'Content-Type': 'application/json' });

    const taken = answering(() => json(409, { error: 'name-taken', message: 'Ana is taken in this class.' }));
    const error = await joinClass(taken.fetch, 'AB3K7Q', 'Ana').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClassApiError);
    expect(error).toMatchObject({ status: 409, code: 'name-taken', message: 'Ana is taken in this class.' });
  });

  it('hands in only the exercise and the files, with the student token in the Authorization header', async () => {
    const server = answering(() => json(202, { id: 'h1', status: 'queued', contentHash: 'abc' }));
    await handIn(server.fetch, 'AB3K7Q', 'student-token', 'launch', { 'launch.ts': 'export {}' });
    const { init } = server.seen[0];
    expect(init.headers).toMatchObject({ Authorization: 'Bearer student-token', 'Content-Type': 'application/json' });
    expect(JSON.parse(init.body as string)).toEqual({ exercise: 'launch', files: { 'launch.ts': 'export {}' } });
  });

  it('tells a host with no class server from a wrong code', async () => {
    const staticHost = answering(() => new Response('<!doctype html><h1>Page not found</h1>', { status: 404, headers: { 'Content-Type': 'text/html' } }));
    await expect(classInfo(staticHost.fetch, 'AB3K7Q')).rejects.toBeInstanceOf(NoClassServerError);
    // `npm start` answers an unknown POST under /api/ with JSON, but not the class server's { error, message }.
    const courseServer = answering(() => json(404, { error: 'No API route /api/classes/AB3K7Q/students' }));
    await expect(joinClass(courseServer.fetch, 'AB3K7Q', 'Ana')).rejects.toBeInstanceOf(NoClassServerError);
    // A static host that serves its index page for every path answers 200 with HTML.
    const spa = answering(() => new Response('<!doctype html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    await expect(classInfo(spa.fetch, 'AB3K7Q')).rejects.toBeInstanceOf(NoClassServerError);
    const classServer = answering(() => json(404, { error: 'not-found', message: 'No class has the code AB3K7Q.' }));
    await expect(classInfo(classServer.fetch, 'AB3K7Q')).rejects.toMatchObject({ status: 404, code: 'not-found' });
  });

  it('asks GET /api/classes whether this origin runs a class server, and believes only { classServer: true }', async () => {
    const classServer = answering(() => json(200, { classServer: true }));
    await expect(hasClassServer(classServer.fetch)).resolves.toBe(true);
    expect(classServer.seen.map((s) => [s.url, s.init.method])).toEqual([['/api/classes', 'GET']]);
    const staticHost = answering(() => new Response('<!doctype html><h1>Page not found</h1>', { status: 404, headers: { 'Content-Type': 'text/html' } }));
    await expect(hasClassServer(staticHost.fetch)).resolves.toBe(false);
    const spa = answering(() => new Response('<!doctype html>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    await expect(hasClassServer(spa.fetch)).resolves.toBe(false);
    const courseServer = answering(() => json(404, { error: 'No API route /api/classes' }));
    await expect(hasClassServer(courseServer.fetch)).resolves.toBe(false);
    const otherJson = answering(() => json(200, { classes: [] }));
    await expect(hasClassServer(otherJson.fetch)).resolves.toBe(false);
  });

  it('downloads an export with the teacher token', async () => {
    const server = answering(() => new Response('student,exercise,score,max,status,handed_in_at\n', { status: 200, headers: { 'Content-Type': 'text/csv' } }));
    const blob = await downloadExport(server.fetch, 'AB3K7Q', 'teacher-token', 'grades.csv');
    expect(await blob.text()).toBe('student,exercise,score,max,status,handed_in_at\n');
    expect(server.seen[0].url).toBe('/api/classes/AB3K7Q/grades.csv');
    expect(server.seen[0].init.headers).toEqual({ Authorization: 'Bearer teacher-token' });
  });
});
