// Pieces every JSON endpoint of our servers shares (the sandbox's POST /api/grade, the class server's API):
// an error that carries its HTTP status, and a body reader that stops at a size limit.
import type { IncomingMessage } from 'node:http';

/** An error with the HTTP status it should be answered with. */
export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}, readonly code?: string) {
    super(message);
  }
}

/** Reads the body, refusing more than `limit` bytes as soon as it is clear. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(new HttpError(413, `The request is too large (${declared} bytes; the limit is ${limit}).`, { Connection: 'close' }, 'too_large'));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, `The request is too large (more than ${limit} bytes).`, { Connection: 'close' }, 'too_large'));
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
