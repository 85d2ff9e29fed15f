// The HTTP server of `npm start`: the built site (static-files.ts) plus extra routes such as the sandbox's
// `POST /api/grade`. Every response, routes and errors included, carries the cross-origin isolation headers.
//
//   const server = createApp({ distDir: 'dist', routes });  server.listen(4321, '127.0.0.1');
//
// A route handles one method on one exact path; it writes the response itself (see json() for the usual case).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isLocale } from '../i18n/locales.ts';
import { pickLocaleFromHeader } from '../i18n/negotiate.ts';
import { isolationHeaders } from './headers.ts';
import { sendNotFound, serveStatic } from './static-files.ts';

type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route {
  method: HttpMethod;
  /** Exact URL path, e.g. '/api/grade'. */
  path: string;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): void | Promise<void>;
}

export interface AppOptions {
  /** The built site (astro build's outDir). */
  distDir: string;
  routes?: readonly Route[];
  /**
   * Tried after the exact routes and before the static site, for paths with parameters (the class server's
   * /api/classes/<code>/...): returns false when the path is not its own.
   */
  handler?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;
}

/** Writes a JSON response. */
export function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

const LOCALE_COOKIE = 'ec2lab_locale';

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** `/` sends the visitor to their language: the one they chose before (cookie), else Accept-Language, else English. */
function redirectToLocale(req: IncomingMessage, res: ServerResponse, search: string): void {
  const saved = cookie(req, LOCALE_COOKIE);
  const locale = isLocale(saved) ? saved : pickLocaleFromHeader(req.headers['accept-language']);
  res.statusCode = 302;
  res.setHeader('Location', `/${locale}/${search}`);
  res.setHeader('Vary', 'Accept-Language, Cookie');
  res.setHeader('Cache-Control', 'no-cache');
  res.end();
}

export function createApp({ distDir, routes = [], handler }: AppOptions): Server {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(isolationHeaders)) res.setHeader(name, value);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      json(res, 400, { error: 'Bad request URL' });
      return;
    }
    const method = (req.method ?? 'GET').toUpperCase();

    const onPath = routes.filter((route) => route.path === url.pathname);
    const route = onPath.find((r) => r.method === method);
    if (route) {
      try {
        await route.handle(req, res, url);
      } catch (error) {
        console.error(`[server] ${method} ${url.pathname} failed:`, error);
        if (!res.headersSent) json(res, 500, { error: 'Internal server error' });
        else res.destroy();
      }
      return;
    }
    if (handler && onPath.length === 0) {
      try {
        if (await handler(req, res, url)) return;
      } catch (error) {
        console.error(`[server] ${method} ${url.pathname} failed:`, error);
        if (!res.headersSent) json(res, 500, { error: 'Internal server error' });
        else res.destroy();
        return;
      }
    }
    if (onPath.length > 0) {
      res.setHeader('Allow', onPath.map((r) => r.method).join(', '));
      json(res, 405, { error: `Method ${method} not allowed on ${url.pathname}` });
      return;
    }

    if (method !== 'GET' && method !== 'HEAD') {
      if (url.pathname.startsWith('/api/')) {
        json(res, 404, { error: `No API route ${url.pathname}` });
        return;
      }
      res.setHeader('Allow', 'GET, HEAD');
      res.statusCode = 405;
      res.end();
      return;
    }
    if (url.pathname === '/') {
      redirectToLocale(req, res, url.search);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      sendNotFound(req, res, distDir);
      return;
    }
    serveStatic(req, res, distDir, url.pathname, url.search);
  };
  return createServer((req, res) => void handle(req, res));
}
