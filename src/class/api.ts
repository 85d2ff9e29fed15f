// The class server's HTTP API (the contract: CLASS-API.md of the class work; docs/class-data.md says what is
// kept). Each route is a method, a path pattern and a handler; handlers throw HttpError for the caller's
// mistakes and get their answer as { error, message }.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkHandIn, listExercises, problemsIn, loadExercise, type GradeResult } from '../grader/index.ts';
import { LIMITS } from '../grader/input-checks.ts';
import { isLocale, locales } from '../i18n/locales.ts';
import { json } from '../server/app.ts';
import { gradescopeResults, gradesCsv, gradesJunit } from './exports.ts';
import { bearerToken, checkStateChange, fail, HttpError, ownOrigin, readJsonObject, sendError, sendText } from './http.ts';
import { bestResults, classProgress, studentNames, type ExerciseProgress } from './progress.ts';
import { requeueClass } from './queue.ts';
import { RateLimiter, type ClassLimits, type Limit } from './rate-limit.ts';
import * as store from './store.ts';
import { CODE_PATTERN } from './tokens.ts';

export interface ClassApiOptions {
  db: store.Db;
  limits: ClassLimits;
  /** Called after a hand-in is stored (the in-process worker looks for work at once). */
  onHandin?: () => void;
}

interface Call {
  req: IncomingMessage;
  res: ServerResponse;
  params: string[];
}

type Caller = { role: 'teacher' } | { role: 'student'; student: store.StudentRow };

const SMALL_BODY = 16 * 1024;
/** A hand-in's files at the grader's limit, plus JSON's escaping of them. */
const HANDIN_BODY = 2 * LIMITS.totalBytes + 16 * 1024;

/** Exercise ids, titles and points, read once: the server grades what it started with. */
function exerciseCatalog() {
  const all = listExercises();
  return { ids: all.map((e) => e.id), byId: new Map(all.map((e) => [e.id, e])) };
}

export function createClassApi(options: ClassApiOptions) {
  const { db, limits } = options;
  const catalog = exerciseCatalog();
  const limiter = new RateLimiter();
  const maxPoints = (id: string) => catalog.byId.get(id)?.maxPoints ?? 0;

  const rateLimit = (key: string, limit: Limit, what: string) => {
    const wait = limiter.take(key, limit);
    if (wait > 0) throw fail(429, `Too many ${what}: at most ${limit.perMinute} a minute. Try again in ${wait} s.`, 'rate_limited', { 'Retry-After': String(wait) });
  };

  const classOf = async (code: string) => {
    const klass = CODE_PATTERN.test(code) ? await store.findClass(db, code) : undefined;
    if (!klass) throw fail(404, `There is no class with the code ${code.slice(0, 20)}. Check the code your teacher gave you.`, 'no_such_class');
    return klass;
  };

  const callerOf = async (req: IncomingMessage, klass: store.ClassRow): Promise<Caller> => {
    const token = bearerToken(req);
    if (!token) throw fail(401, 'This call needs a token: send Authorization: Bearer <token> (the one you got when you joined or created the class).');
    if (store.isTeacher(klass, token)) return { role: 'teacher' };
    const student = await store.studentByToken(db, klass.id, token);
    if (student) return { role: 'student', student };
    throw fail(401, `This token is not valid for class ${klass.code}: join the class again, or use the teacher token you got when you created it.`);
  };

  const teacherOf = async (req: IncomingMessage, klass: store.ClassRow) => {
    if ((await callerOf(req, klass)).role !== 'teacher') throw fail(403, 'Only the teacher of this class may do this (send the teacher token).');
  };

  const studentOf = async (req: IncomingMessage, klass: store.ClassRow) => {
    const caller = await callerOf(req, klass);
    if (caller.role !== 'student') throw fail(403, 'This call is for a student of the class (send the token you got when you joined).');
    return caller.student;
  };

  const info = (klass: store.ClassRow) => ({
    code: klass.code,
    name: klass.name,
    exercises: klass.exercises.map((id) => ({ id, title: catalog.byId.get(id)?.title[isLocale(klass.lang) ? klass.lang : 'en'] ?? id })),
    lang: klass.lang,
    due: klass.due ? new Date(klass.due).toISOString() : null,
  });

  const progressFor = (p: Record<string, ExerciseProgress> | undefined) =>
    Object.fromEntries(Object.entries(p ?? {}).map(([id, e]) => [id, { best: e.best, max: e.max, attempts: e.attempts, lastHandedInAt: e.lastHandedInAt, lastId: e.lastId, lastStatus: e.lastStatus }]));

  const handinOf = async (call: Call) => {
    const klass = await classOf(call.params[0]);
    const caller = await callerOf(call.req, klass);
    const handin = await store.findHandin(db, klass.id, call.params[1]);
    if (!handin || (caller.role === 'student' && caller.student.id !== handin.studentId)) {
      throw fail(404, `There is no hand-in ${call.params[1].slice(0, 60)} of yours in this class.`, 'no_such_handin');
    }
    return handin;
  };

  const studentNamed = async (klass: store.ClassRow, name: string) => {
    const student = await store.studentByName(db, klass.id, name);
    if (!student) throw fail(404, `There is no student named "${name.slice(0, 60)}" in class ${klass.code}.`, 'no_such_student');
    return student;
  };

  const routes = buildRoutes({ db, limits, catalog, rateLimit, classOf, teacherOf, studentOf, info, progressFor, handinOf, studentNamed, maxPoints, onHandin: options.onHandin });

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (!url.pathname.startsWith('/api/classes')) return false;
    const method = (req.method ?? 'GET').toUpperCase();
    let matchedPath = false;
    for (const route of routes) {
      const match = route.pattern.exec(url.pathname);
      if (!match) continue;
      matchedPath = true;
      if (route.method !== method) continue;
      try {
        if (method === 'POST' || method === 'DELETE') checkStateChange(req);
        await route.handle({ req, res, params: match.slice(1).map(decodeURIComponent) });
      } catch (error) {
        if (error instanceof HttpError) sendError(res, error);
        else if (error instanceof URIError) sendError(res, fail(400, 'The URL is not properly percent-encoded.'));
        else throw error;
      }
      return true;
    }
    sendError(res, matchedPath ? fail(405, `Method ${method} is not allowed on ${url.pathname}.`) : fail(404, `There is no API route ${url.pathname}.`));
    return true;
  };
}

type Helpers = {
  db: store.Db;
  limits: ClassLimits;
  catalog: ReturnType<typeof exerciseCatalog>;
  rateLimit: (key: string, limit: Limit, what: string) => void;
  classOf: (code: string) => Promise<store.ClassRow>;
  teacherOf: (req: IncomingMessage, klass: store.ClassRow) => Promise<void>;
  studentOf: (req: IncomingMessage, klass: store.ClassRow) => Promise<store.StudentRow>;
  info: (klass: store.ClassRow) => unknown;
  progressFor: (p: Record<string, ExerciseProgress> | undefined) => unknown;
  handinOf: (call: Call) => Promise<store.HandinView>;
  studentNamed: (klass: store.ClassRow, name: string) => Promise<store.StudentRow>;
  maxPoints: (id: string) => number;
  onHandin?: () => void;
};

type RouteDef = { method: string; pattern: RegExp; handle: (call: Call) => Promise<void> };

const CODE = '([^/]+)';
const at = (suffix: string) => new RegExp(`^/api/classes/${CODE}${suffix}$`);

function buildRoutes(h: Helpers): RouteDef[] {
  return [
    // "Is there a class server here?": the pages ask this before showing "Join a class"; it says nothing else.
    { method: 'GET', pattern: /^\/api\/classes\/?$/, handle: async ({ res }) => json(res, 200, { classServer: true }) },
    { method: 'POST', pattern: /^\/api\/classes\/?$/, handle: (call) => createClassRoute(h, call) },
    { method: 'DELETE', pattern: at(''), handle: (call) => deleteClassRoute(h, call) },
    { method: 'GET', pattern: at('/info'), handle: async ({ res, params }) => json(res, 200, h.info(await h.classOf(params[0]))) },
    { method: 'POST', pattern: at('/students'), handle: (call) => joinRoute(h, call) },
    { method: 'POST', pattern: at('/handins'), handle: (call) => handinRoute(h, call) },
    { method: 'GET', pattern: at('/handins/([^/]+)'), handle: (call) => handinStatusRoute(h, call) },
    { method: 'GET', pattern: at('/handins/([^/]+)/files'), handle: async (call) => { const handin = await h.handinOf(call); json(call.res, 200, { files: handin.files, result: handin.result }); } },
    { method: 'GET', pattern: at('/me'), handle: (call) => meRoute(h, call) },
    { method: 'GET', pattern: at('/dashboard'), handle: (call) => dashboardRoute(h, call) },
    { method: 'POST', pattern: at('/regrade'), handle: (call) => regradeRoute(h, call) },
    { method: 'GET', pattern: at('/grades\\.csv'), handle: (call) => exportRoute(h, call, 'csv') },
    { method: 'GET', pattern: at('/grades\\.junit\\.xml'), handle: (call) => exportRoute(h, call, 'junit') },
    { method: 'GET', pattern: at('/results\\.json'), handle: (call) => exportRoute(h, call, 'gradescope') },
    { method: 'GET', pattern: at('/students/([^/]+)/export'), handle: (call) => exportStudentRoute(h, call) },
    { method: 'GET', pattern: at('/students/([^/]+)/handins'), handle: (call) => studentHandinsRoute(h, call) },
    { method: 'DELETE', pattern: at('/students/([^/]+)'), handle: (call) => deleteStudentRoute(h, call) },
  ];
}

/** A person's name as typed: trimmed, 1 to 60 characters, no control characters. */
function checkName(value: unknown, what: string): string {
  if (typeof value !== 'string') throw fail(400, `${what} must be a string.`);
  const name = value.trim().replace(/\s+/g, ' ');
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (name.length === 0 || name.length > 60 || /[\u0000-\u001f\u007f]/.test(name)) throw fail(400, `${what} must be 1 to 60 characters, without control characters.`);
  return name;
}

function checkNewClass(body: Record<string, unknown>, knownIds: string[]): store.NewClass {
  if (typeof body.name !== 'string' || body.name.trim() === '' || body.name.length > 120) throw fail(400, 'name must be the class name: 1 to 120 characters.');
  const exercises = body.exercises;
  if (!Array.isArray(exercises) || exercises.length === 0 || !exercises.every((e) => typeof e === 'string')) {
    throw fail(400, `exercises must be a non-empty list of exercise ids, from: ${knownIds.join(', ')}.`);
  }
  const unknown = exercises.filter((e) => !knownIds.includes(e));
  if (unknown.length) throw fail(400, `Unknown exercise ${unknown.map((e) => JSON.stringify(String(e).slice(0, 40))).join(', ')}; the exercises are: ${knownIds.join(', ')}.`);
  if (!isLocale(body.lang)) throw fail(400, `lang must be one of ${locales.join(', ')}.`);
  let due: Date | null = null;
  if (body.due !== undefined && body.due !== null) {
    due = typeof body.due === 'string' ? new Date(body.due) : new Date(NaN);
    if (Number.isNaN(due.getTime())) throw fail(400, 'due must be an ISO date, like 2026-12-01 or 2026-12-01T23:59:00Z.');
  }
  return { name: body.name.trim(), exercises: [...new Set(exercises)], lang: body.lang, due };
}

async function createClassRoute(h: Helpers, { req, res }: Call): Promise<void> {
  h.rateLimit(`ip:${req.socket.remoteAddress}:create`, h.limits.creations, 'classes created from this address');
  const input = checkNewClass(await readJsonObject(req, SMALL_BODY), h.catalog.ids);
  const { code, teacherToken } = await store.createClass(h.db, input);
  const dashboardUrl = `${ownOrigin(req)}/${input.lang}/class/${code}/#teacher=${teacherToken}`;
  json(res, 201, { code, teacherToken, dashboardUrl });
}

async function joinRoute(h: Helpers, { req, res, params }: Call): Promise<void> {
  const klass = await h.classOf(params[0]);
  h.rateLimit(`class:${klass.id}:join`, h.limits.classJoins, 'students joining this class');
  const name = checkName((await readJsonObject(req, SMALL_BODY)).name, 'name');
  const studentToken = await store.addStudent(h.db, klass.id, name);
  if (!studentToken) throw fail(409, `The name "${name}" is already taken in this class: pick another (add your surname or an initial).`, 'name_taken');
  json(res, 201, { studentToken, name });
}

async function handinRoute(h: Helpers, { req, res, params }: Call): Promise<void> {
  const klass = await h.classOf(params[0]);
  const student = await h.studentOf(req, klass);
  h.rateLimit(`student:${student.id}:handin`, h.limits.studentHandins, 'hand-ins from you');
  h.rateLimit(`class:${klass.id}:handin`, h.limits.classHandins, 'hand-ins in this class');
  const body = await readJsonObject(req, HANDIN_BODY);
  if (typeof body.exercise !== 'string' || !klass.exercises.includes(body.exercise)) {
    throw fail(400, `exercise must be one of this class's exercises: ${klass.exercises.join(', ')}.`);
  }
  // The grader's own hand-in rules (names, text, sizes), checked before anything is stored.
  const problems = checkHandIn(loadExercise(body.exercise).manifest, body.files);
  if (problems.length) {
    const tooLarge = problems.some((p) => p.kind === 'too-large' || p.kind === 'too-large-together');
    throw fail(tooLarge ? 413 : 400, `Hand-in refused: ${problemsIn(problems, isLocale(klass.lang) ? klass.lang : 'en')}.`);
  }
  const files = body.files as Record<string, string>;
  if (Object.keys(files).length === 0) throw fail(400, `Hand-in refused: no files. Exercise ${body.exercise} takes ${loadExercise(body.exercise).manifest.files.join(', ')}.`);
  const stored = await store.storedBytes(h.db, klass.id, student.id);
  const bytes = Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);
  if (stored.student + bytes > h.limits.studentBytes) throw fail(413, `You have handed in ${stored.student} bytes of files; the limit per student is ${h.limits.studentBytes}. Ask your teacher.`, 'quota_exceeded');
  if (stored.klass + bytes > h.limits.classBytes) throw fail(413, `This class keeps ${stored.klass} bytes of files; its limit is ${h.limits.classBytes}. Ask your teacher.`, 'quota_exceeded');
  const receipt = await store.storeHandin(h.db, student.id, body.exercise, files);
  if (receipt.newGrading) h.onHandin?.();
  json(res, 202, { id: receipt.id, status: receipt.status === 'graded' ? 'graded' : 'queued', contentHash: receipt.contentHash });
}

async function handinStatusRoute(h: Helpers, call: Call): Promise<void> {
  const handin = await h.handinOf(call);
  const body: { id: string; student: string; exercise: string; status: string; handedInAt: string; contentHash: string; result?: GradeResult; error?: string } = {
    id: handin.id,
    student: handin.student,
    exercise: handin.exercise,
    status: handin.status,
    handedInAt: handin.handedInAt,
    contentHash: handin.contentHash,
  };
  if (handin.result) body.result = handin.result;
  if (handin.error) body.error = handin.error;
  json(call.res, 200, body);
}

async function meRoute(h: Helpers, { req, res, params }: Call): Promise<void> {
  const klass = await h.classOf(params[0]);
  const student = await h.studentOf(req, klass);
  const progress = await classProgress(h.db, klass.id, h.maxPoints, student.id);
  json(res, 200, { student: student.name, exercises: h.progressFor(progress.get(student.name)) });
}

async function dashboardRoute(h: Helpers, { req, res, params }: Call): Promise<void> {
  const klass = await h.classOf(params[0]);
  await h.teacherOf(req, klass);
  const [names, progress] = await Promise.all([studentNames(h.db, klass.id), classProgress(h.db, klass.id, h.maxPoints)]);
  json(res, 200, { class: h.info(klass), students: names.map((name) => ({ name, exercises: h.progressFor(progress.get(name)) })) });
}

async function regradeRoute(h: Helpers, { req, res, params }: Call): Promise<void> {
  const klass = await h.classOf(params[0]);
  await h.teacherOf(req, klass);
  const queued = await requeueClass(h.db, klass.id);
  if (queued > 0) h.onHandin?.();
  json(res, 202, { queued });
}

async function exportRoute(h: Helpers, { req, res, params }: Call, format: 'csv' | 'junit' | 'gradescope'): Promise<void> {
  const klass = await h.classOf(params[0]);
  await h.teacherOf(req, klass);
  if (format === 'csv') {
    const [students, progress] = await Promise.all([studentNames(h.db, klass.id), classProgress(h.db, klass.id, h.maxPoints)]);
    const exercises = klass.exercises.map((id) => ({ id, maxPoints: h.maxPoints(id) }));
    sendText(res, 'text/csv; charset=utf-8', gradesCsv({ students, exercises, progress }), `${klass.code}-grades.csv`);
    return;
  }
  const best = await bestResults(h.db, klass.id);
  if (format === 'junit') sendText(res, 'application/xml; charset=utf-8', gradesJunit(klass.code, best), `${klass.code}-grades.junit.xml`);
  else sendText(res, 'application/json; charset=utf-8', gradescopeResults(klass.code, best), `${klass.code}-results.json`);
}

async function exportStudentRoute(h: Helpers, { req, res, params }: Call): Promise<void> {
  const klass = await h.classOf(params[0]);
  await h.teacherOf(req, klass);
  const student = await h.studentNamed(klass, params[1]);
  json(res, 200, { class: klass.code, ...(await store.exportStudent(h.db, student.id)) });
}

/** A student's hand-ins (`?exercise=ID` for one exercise), newest first, for the teacher to open any of them. */
async function studentHandinsRoute(h: Helpers, { req, res, params }: Call): Promise<void> {
  const klass = await h.classOf(params[0]);
  await h.teacherOf(req, klass);
  const student = await h.studentNamed(klass, params[1]);
  const exercise = new URL(req.url ?? '/', 'http://class.invalid').searchParams.get('exercise') ?? undefined;
  if (exercise !== undefined && !klass.exercises.includes(exercise)) {
    throw fail(400, `exercise must be one of this class's exercises: ${klass.exercises.join(', ')} (not "${exercise.slice(0, 40)}").`);
  }
  const handins = (await store.listHandins(h.db, student.id, exercise)).map((handin) => ({ ...handin, max: h.maxPoints(handin.exercise) }));
  json(res, 200, { student: student.name, ...(exercise ? { exercise } : {}), handins });
}

async function deleteStudentRoute(h: Helpers, { req, res, params }: Call): Promise<void> {
  const klass = await h.classOf(params[0]);
  await h.teacherOf(req, klass);
  const student = await h.studentNamed(klass, params[1]);
  await store.deleteStudent(h.db, student.id);
  json(res, 200, { deleted: { student: student.name } });
}

async function deleteClassRoute(h: Helpers, { req, res, params }: Call): Promise<void> {
  const klass = await h.classOf(params[0]);
  await h.teacherOf(req, klass);
  await store.deleteClass(h.db, klass.id);
  json(res, 200, { deleted: { class: klass.code } });
}
