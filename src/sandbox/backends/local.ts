// Runs the exercise's tests on the server that serves the course (`npm start`), through POST /api/grade.
// Used when a WebContainer cannot start. A static host has no such endpoint: `probeLocal` tells.
import { type GradeResult, parseGradeResult, transcript } from '../result.ts';
import { type Backend, type RunRequest, RunCancelled } from './backend.ts';
import { GRADE_PATH } from '../../results/grade-endpoint-path.ts';

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** True when this page's own server grades submissions (GET on the endpoint answers { grading: true }). */
export async function probeLocal(fetchImpl: FetchLike = fetch, timeoutMs = 3000): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(GRADE_PATH, { method: 'GET', signal: controller.signal, headers: { accept: 'application/json' } });
    if (!response.ok) return false;
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null && (body as { grading?: unknown }).grading === true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** The server answers errors as { error: string }; show that message rather than a status code. */
async function errorMessage(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    if (typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string') {
      return (body as { error: string }).error;
    }
  } catch {
    // not JSON: fall through
  }
  return `The server answered ${response.status} ${response.statusText}`.trim();
}

export function createLocalBackend(fetchImpl: FetchLike = fetch): Backend {
  return {
    kind: 'local',
    async run(request: RunRequest): Promise<GradeResult> {
      request.onOutput(`POST ${GRADE_PATH} (${request.exercise})\r\n`);
      let response: Response;
      try {
        response = await fetchImpl(GRADE_PATH, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ exerciseId: request.exercise, files: request.files, lang: request.locale }),
          signal: request.signal,
        });
      } catch (error) {
        if (request.signal.aborted) throw new RunCancelled();
        throw error;
      }
      if (!response.ok) throw new Error(await errorMessage(response));
      const result = parseGradeResult(await response.json());
      request.onOutput(transcript(result, request.locale));
      return result;
    },
  };
}
