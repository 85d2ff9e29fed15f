// `POST /api/grade`: the sandbox's local backend. When a WebContainer cannot start, the sandbox sends
// { exerciseId, files } here and gets the grader's GradeResult back: the same tests, run by the grader in
// a local Node process with its time and memory limits.
//
// Running a visitor's code is the most dangerous thing this server does, so the endpoint is strict:
// - only this machine may call it (loopback peers), unless EC2LAB_GRADE_ALLOW_REMOTE=1 (a classroom server);
// - only pages of this server may call it: a cross-origin Origin or Sec-Fetch-Site is refused (403), and the
//   Host must be an IP literal, localhost or listed in EC2LAB_ALLOWED_HOSTS (a DNS-rebinding page would send
//   its own domain name);
// - JSON bodies only (415), at most 256 KB (413); bad input gets a 4xx JSON error naming the problem;
// - gradings run one at a time by default (EC2LAB_GRADE_CONCURRENCY), a few more wait, the rest get 503.
// `GET /api/grade` says the endpoint is here (the sandbox probes it before choosing this backend). The first
// probe also warms the grader up: the learner is seconds away from their first Run, and a server nobody
// opens a sandbox on never pays for it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { GradeInputError, gradeSubmission, listExercises, warmUpGrader, type GradeResult } from '../grader/index.ts';
import { json, type Route } from './app.ts';
import { HttpError, readBody } from './http-body.ts';
import { GRADE_PATH } from '../results/grade-endpoint-path.ts';

export const MAX_BODY_BYTES = 256 * 1024;

export interface GradeEndpointOptions {
  grade?: (input: { exerciseId: string; files: Record<string, string> }) => Promise<GradeResult>;
  exerciseIds?: () => string[];
  /** Starts the grader ahead of the first submission (called once, on the sandbox's first probe). */
  warmUp?: () => Promise<void>;
  maxBodyBytes?: number;
  /** Gradings that run at once. */
  concurrency?: number;
  /** Requests that may wait for a free slot; beyond that the answer is 503. */
  maxWaiting?: number;
  allowRemote?: boolean;
  allowedHosts?: string[];
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || plain.startsWith('127.');
}

/** The host name of a Host header value ("127.0.0.1:4321", "[::1]:4321", "localhost"). */
function hostName(host: string): string {
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']'));
  return host.replace(/:\d+$/, '');
}

/** Refuses calls that do not come from a page of this very server (see the header comment). */
function checkCaller(req: IncomingMessage, options: { allowRemote: boolean; allowedHosts: string[] }): void {
  if (!options.allowRemote && !isLoopback(req.socket.remoteAddress)) {
    throw new HttpError(403, 'Grading is only available to this computer (set EC2LAB_GRADE_ALLOW_REMOTE=1 to allow others).');
  }
  const host = req.headers.host ?? '';
  const name = hostName(host).toLowerCase();
  if (!host || !(isIP(name) || name === 'localhost' || options.allowedHosts.includes(name))) {
    throw new HttpError(403, `Requests for host "${host.slice(0, 100)}" are not accepted (add it to EC2LAB_ALLOWED_HOSTS).`);
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}` && origin !== `https://${host}`) {
    throw new HttpError(403, 'Cross-origin requests are not allowed: only pages of this course server may grade code.');
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new HttpError(403, 'Cross-site requests are not allowed: only pages of this course server may grade code.');
  }
}

/** Checks the JSON body's shape; the grader checks file names and sizes against the exercise. */
function parseGradeRequest(text: string, knownIds: string[]): { exerciseId: string; files: Record<string, string> } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The body is not valid JSON. Send { "exerciseId": "<id>", "files": { "<name>": "<source>" } }.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'The body must be an object: { "exerciseId": "<id>", "files": { "<name>": "<source>" } }.');
  }
  const { exerciseId, files } = body as { exerciseId?: unknown; files?: unknown };
  if (typeof exerciseId !== 'string' || exerciseId === '') throw new HttpError(400, 'exerciseId must be a non-empty string.');
  if (!knownIds.includes(exerciseId)) {
    throw new HttpError(404, `Unknown exercise "${exerciseId.slice(0, 60)}". The exercises are: ${knownIds.join(', ')}.`);
  }
  if (typeof files !== 'object' || files === null || Array.isArray(files)) {
    throw new HttpError(400, 'files must be an object mapping file names to their source text.');
  }
  return { exerciseId, files: files as Record<string, string> };
}

/** At most `concurrency` tasks at once and `maxWaiting` in line; a waiting task whose caller left is dropped. */
export class GradingQueue {
  private running = 0;
  private readonly waiting: { start: () => void; skip: (error: Error) => void; cancelled: () => boolean }[] = [];

  constructor(private readonly concurrency: number, private readonly maxWaiting: number) {}

  async run<T>(task: () => Promise<T>, cancelled: () => boolean = () => false): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) {
        throw new HttpError(503, 'The grader is busy with other submissions; try again in a few seconds.', { 'Retry-After': '3' });
      }
      await new Promise<void>((start, skip) => this.waiting.push({ start, skip, cancelled }));
    }
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.next();
    }
  }

  private next(): void {
    while (this.waiting.length > 0 && this.running < this.concurrency) {
      const entry = this.waiting.shift()!;
      if (entry.cancelled()) {
        entry.skip(new HttpError(499, 'The client left before its turn.'));
        continue;
      }
      entry.start();
      return;
    }
  }

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}

function sendError(res: ServerResponse, error: HttpError): void {
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  json(res, error.status, { error: error.message });
}

/** Runs a handler, answering its HttpErrors (and the grader's input errors, as 400); anything else goes on to app.ts's 500. */
async function answeringErrors(res: ServerResponse, handle: () => void | Promise<void>): Promise<void> {
  try {
    await handle();
  } catch (error) {
    if (error instanceof HttpError) sendError(res, error);
    else if (error instanceof GradeInputError) sendError(res, new HttpError(400, error.message));
    else throw error;
  }
}

export function createGradeRoutes(options: GradeEndpointOptions = {}): Route[] {
  const grade = options.grade ?? ((input) => gradeSubmission(input));
  const warmUp = options.warmUp ?? (options.grade ? undefined : warmUpGrader);
  let warmedUp = false;
  const exerciseIds = options.exerciseIds ?? (() => listExercises().map((e) => e.id));
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const caller = {
    allowRemote: options.allowRemote ?? process.env.EC2LAB_GRADE_ALLOW_REMOTE === '1',
    allowedHosts: options.allowedHosts ?? (process.env.EC2LAB_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean),
  };
  const queue = new GradingQueue(
    options.concurrency ?? Math.max(1, Number(process.env.EC2LAB_GRADE_CONCURRENCY) || 1),
    options.maxWaiting ?? 4,
  );

  const post: Route = {
    method: 'POST',
    path: GRADE_PATH,
    handle: (req, res) =>
      answeringErrors(res, async () => {
        checkCaller(req, caller);
        const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
        if (type !== 'application/json') throw new HttpError(415, 'Send the submission as JSON (Content-Type: application/json).');
        const input = parseGradeRequest(await readBody(req, limit), exerciseIds());
        let gone = false;
        res.on('close', () => {
          gone = !res.writableFinished;
        });
        const result = await queue.run(() => grade(input), () => gone);
        json(res, 200, result);
      }),
  };

  const get: Route = {
    method: 'GET',
    path: GRADE_PATH,
    handle: (req, res) =>
      answeringErrors(res, () => {
        checkCaller(req, caller);
        if (warmUp && !warmedUp) {
          warmedUp = true;
          void queue.run(warmUp).catch(() => {}); // failures show up on the first real run
        }
        json(res, 200, { grading: true, method: 'POST', body: '{ "exerciseId": "<id>", "files": { "<name>": "<source>" } }', exercises: exerciseIds(), ...queue.load });
      }),
  };
  return [post, get];
}
