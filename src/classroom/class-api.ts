// The class server's HTTP API (the contract in the class server's README: src/class/), as the course's pages
// call it: same origin, JSON, the token in an Authorization header (never a cookie). One function per call,
// each returning the parsed body or throwing a ClassApiError that carries the server's own sentence.
// `fetch` is a parameter so the unit tests can answer without a server.
import type { GradeResult } from '../results/grade-result.ts';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface ClassInfo {
  code: string;
  name: string;
  exercises: { id: string; title: string }[];
  lang: string;
  due?: string | null;
}

export interface ExerciseStanding {
  best: number;
  max: number;
  attempts: number;
  lastHandedInAt: string | null;
  lastId: string | null;
}

export type HandInStatus = 'queued' | 'grading' | 'graded' | 'failed';

export interface HandIn {
  id: string;
  student: string;
  exercise: string;
  status: HandInStatus;
  handedInAt: string;
  result?: GradeResult;
}

export interface Dashboard {
  class: ClassInfo;
  students: { name: string; exercises: Record<string, ExerciseStanding> }[];
}

/** What went wrong, in the server's words: `code` is its machine name ('not-found', 'name-taken'...). */
export class ClassApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ClassApiError';
  }
}

/**
 * The origin answers, but not as a class server does (a static host's 404 page, `npm start`'s route list):
 * the page says "no class server" rather than "wrong code".
 */
export class NoClassServerError extends Error {
  constructor(readonly status: number) {
    super(`no class server on this origin (HTTP ${status}, not the class API's JSON)`);
    this.name = 'NoClassServerError';
  }
}

const isJson = (response: Response) => (response.headers.get('content-type') ?? '').includes('application/json');

/** The path of a call under /api/classes/<code>/ (the code and ids are escaped: they come from people). */
export function apiPath(code: string, ...rest: string[]): string {
  return ['/api/classes', code, ...rest].map((part, i) => (i === 0 ? part : encodeURIComponent(part))).join('/');
}

async function failure(response: Response): Promise<Error> {
  if (!isJson(response)) return new NoClassServerError(response.status);
  const body = (await response.json().catch(() => ({}))) as { error?: unknown; message?: unknown };
  // The class server always names the error and says it in a sentence; anything else is some other server.
  if (typeof body.error !== 'string' || typeof body.message !== 'string') return new NoClassServerError(response.status);
  return new ClassApiError(response.status, body.error, body.message);
}

/** A JSON call; `token` goes in the Authorization header, a `body` is sent as application/json. */
async function call<T>(fetchFn: Fetch, path: string, options: { token?: string; method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetchFn(path, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'omit',
    cache: 'no-store',
  });
  if (!response.ok) throw await failure(response);
  if (!isJson(response)) throw new NoClassServerError(response.status);
  return (await response.json()) as T;
}

/**
 * Whether this origin runs a class server (GET /api/classes answers { classServer: true }, and nothing else):
 * false for a static host's HTML, `npm start`'s JSON 404 or any other answer; a network failure throws.
 */
export async function hasClassServer(fetchFn: Fetch): Promise<boolean> {
  try {
    const answer = await call<{ classServer?: unknown }>(fetchFn, '/api/classes');
    return answer.classServer === true;
  } catch (error) {
    if (error instanceof NoClassServerError || error instanceof ClassApiError) return false;
    throw error;
  }
}

/** A class's public description (no token). */
export function classInfo(fetchFn: Fetch, code: string): Promise<ClassInfo> {
  return call<ClassInfo>(fetchFn, apiPath(code, 'info'));
}

export function joinClass(fetchFn: Fetch, code: string, name: string): Promise<{ studentToken: string; name: string }> {
  return call(fetchFn, apiPath(code, 'students'), { body: { name } });
}

/** Hands in the editor's files; the server grades them itself (the page never sends a score). */
export function handIn(fetchFn: Fetch, code: string, token: string, exercise: string, files: Record<string, string>): Promise<{ id: string; status: HandInStatus; contentHash: string }> {
  return call(fetchFn, apiPath(code, 'handins'), { token, body: { exercise, files } });
}

export function handInStatus(fetchFn: Fetch, code: string, token: string, id: string): Promise<HandIn> {
  return call(fetchFn, apiPath(code, 'handins', id), { token });
}

export function myStanding(fetchFn: Fetch, code: string, token: string): Promise<{ student: string; exercises: Record<string, ExerciseStanding> }> {
  return call(fetchFn, apiPath(code, 'me'), { token });
}

export function dashboard(fetchFn: Fetch, code: string, token: string): Promise<Dashboard> {
  return call(fetchFn, apiPath(code, 'dashboard'), { token });
}

export function handInFiles(fetchFn: Fetch, code: string, token: string, id: string): Promise<{ files: Record<string, string>; result?: GradeResult | null }> {
  return call(fetchFn, apiPath(code, 'handins', id, 'files'), { token });
}

/** One hand-in in a student's list (no files, no results: the teacher opens the one they pick). */
export interface HandInSummary {
  id: string;
  exercise: string;
  handedInAt: string;
  status: HandInStatus;
  score: number | null;
  max: number;
}

/** Every hand-in of a student for an exercise, newest first (teacher token). */
export function studentHandIns(fetchFn: Fetch, code: string, token: string, student: string, exercise: string): Promise<{ student: string; handins: HandInSummary[] }> {
  return call(fetchFn, `${apiPath(code, 'students', student, 'handins')}?exercise=${encodeURIComponent(exercise)}`, { token });
}

export function regradeAll(fetchFn: Fetch, code: string, token: string): Promise<{ queued: number }> {
  return call(fetchFn, apiPath(code, 'regrade'), { token, body: {} });
}

/** The teacher's exports, in the order the dashboard offers them. */
export const exportFiles = ['grades.csv', 'grades.junit.xml', 'results.json'] as const;
export type ExportFile = (typeof exportFiles)[number];

/** An export as a Blob, fetched with the teacher's token (a plain link could not carry it). */
export async function downloadExport(fetchFn: Fetch, code: string, token: string, file: ExportFile): Promise<Blob> {
  const response = await fetchFn(apiPath(code, file), { headers: { Authorization: `Bearer ${token}` }, credentials: 'omit', cache: 'no-store' });
  if (!response.ok) throw await failure(response);
  return response.blob();
}
