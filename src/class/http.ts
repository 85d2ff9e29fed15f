// The class API's request rules: JSON bodies with size limits, the CSRF rule for state-changing calls
// (Content-Type: application/json, and an Origin, when sent, equal to this server's), bearer tokens, and errors
// as { error, message }.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { json } from '../server/app.ts';
import { HttpError, readBody } from '../server/http-body.ts';

export { HttpError };

const ERROR_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

export function sendError(res: ServerResponse, error: HttpError): void {
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  json(res, error.status, { error: error.code ?? ERROR_CODES[error.status] ?? 'error', message: error.message });
}

export const fail = (status: number, message: string, code?: string, headers: Record<string, string> = {}) => new HttpError(status, message, headers, code);

/** The CSRF rule of every state-changing call (see the header comment). */
export function checkStateChange(req: IncomingMessage): void {
  const origin = req.headers.origin;
  const host = req.headers.host ?? '';
  if (origin !== undefined && origin !== `http://${host}` && origin !== `https://${host}`) {
    throw fail(403, `Cross-origin requests are refused: this call must come from a page of this class server, not ${origin.slice(0, 100)}.`, 'cross_origin');
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const hasBody = req.method === 'POST' || Number(req.headers['content-length'] ?? 0) > 0;
  if ((hasBody || type !== '') && type !== 'application/json') {
    throw fail(415, 'Send this request as JSON (Content-Type: application/json).');
  }
}

/** Reads and parses a JSON object body of at most `limit` bytes. */
export async function readJsonObject(req: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const text = await readBody(req, limit);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw fail(400, 'The body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw fail(400, 'The body must be a JSON object.');
  return body as Record<string, unknown>;
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/** The server's own origin as the caller sees it (for the dashboard link). */
export function ownOrigin(req: IncomingMessage): string {
  const proto = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  return `${proto}://${req.headers.host ?? 'localhost'}`;
}

export function sendText(res: ServerResponse, type: string, body: string, fileName?: string): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-store');
  if (fileName) res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
