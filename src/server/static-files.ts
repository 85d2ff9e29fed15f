// Serving the built site from disk: map a URL path to a file inside distDir (never outside it), answer with
// the right type, cache headers and ETag, and the site's own 404 page for anything else.
import { createReadStream, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { cacheControlFor, contentTypeFor } from './headers.ts';

type Resolution =
  | { kind: 'file'; file: string; stats: Stats }
  | { kind: 'redirect'; location: string }
  | { kind: 'bad-request' }
  | { kind: 'not-found' };

function statFile(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/**
 * Maps a URL path to a file in distDir. Pure apart from reading the disk: percent-decoding errors are a bad
 * request; `..`, NUL bytes and hidden segments never reach outside distDir; a directory without its trailing
 * slash redirects (the site uses trailingSlash: 'always').
 */
function resolveStatic(distDir: string, urlPath: string): Resolution {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'bad-request' };
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return { kind: 'bad-request' };
  if (decoded.includes('//')) return { kind: 'not-found' }; // also keeps a redirect from becoming `//other-host/`
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || (s.startsWith('.') && s !== '.well-known' && s !== ''))) return { kind: 'not-found' };

  const root = path.resolve(distDir);
  const target = path.resolve(root, '.' + path.posix.normalize(decoded));
  if (target !== root && !target.startsWith(root + path.sep)) return { kind: 'not-found' };

  const stats = statFile(target);
  if (stats?.isFile()) return { kind: 'file', file: target, stats };
  if (stats?.isDirectory()) {
    if (!decoded.endsWith('/')) return { kind: 'redirect', location: urlPath + '/' };
    const index = path.join(target, 'index.html');
    const indexStats = statFile(index);
    if (indexStats?.isFile()) return { kind: 'file', file: index, stats: indexStats };
  }
  return { kind: 'not-found' };
}

/** A weak validator from size and modification time: cheap, and changes whenever a build rewrites the file. */
function etagFor(stats: Stats): string {
  return `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, stats: Stats, status: number, cacheControl: string): void {
  const etag = etagFor(stats);
  res.setHeader('Content-Type', contentTypeFor(file));
  res.setHeader('Cache-Control', cacheControl);
  if (status === 200) {
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', stats.mtime.toUTCString());
    const ifNoneMatch = req.headers['if-none-match'];
    if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
      res.statusCode = 304;
      res.end();
      return;
    }
  }
  res.statusCode = status;
  res.setHeader('Content-Length', stats.size);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/** The site's 404 page (dist/404.html) with status 404, or a plain text one if the build has none. */
export function sendNotFound(req: IncomingMessage, res: ServerResponse, distDir: string): void {
  const page = path.join(distDir, '404.html');
  const stats = statFile(page);
  if (stats?.isFile()) {
    sendFile(req, res, page, stats, 404, 'no-cache');
    return;
  }
  res.statusCode = 404;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end('Not found\n');
}

/** GET/HEAD of a static path. */
export function serveStatic(req: IncomingMessage, res: ServerResponse, distDir: string, urlPath: string, search: string): void {
  const found = resolveStatic(distDir, urlPath);
  switch (found.kind) {
    case 'file':
      sendFile(req, res, found.file, found.stats, 200, cacheControlFor(urlPath));
      return;
    case 'redirect':
      res.statusCode = 301;
      res.setHeader('Location', found.location + search);
      res.setHeader('Cache-Control', 'no-cache');
      res.end();
      return;
    case 'bad-request':
      res.statusCode = 400;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('Bad request\n');
      return;
    case 'not-found':
      sendNotFound(req, res, distDir);
  }
}
