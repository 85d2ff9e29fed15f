// mini-EC2 over HTTP: a thin node:http layer on top of the protocol adapter (../protocol/). Its jobs are
// the ones only a socket has: read the body within limits (1 MB, time), keep connections alive, and give
// every malformed or slow request EC2's error envelope instead of a hang or a crash.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createQueryAdapter, errorResponse, type QueryAdapter, type QueryResponse, type ServableModel } from '../protocol/adapter.ts';
import { protocolErrors, type ProtocolError } from '../protocol/errors.ts';

export type MiniEc2ServerOptions = {
  port?: number;
  host?: string;
  /** Largest request body accepted; larger ones get 413. Default 1 MB. */
  maxBodyBytes?: number;
  /** Time allowed to receive the request headers. Default 10 s. */
  headersTimeoutMs?: number;
  /** Time allowed to receive the whole request (headers and body). Default 30 s. */
  requestTimeoutMs?: number;
  /**
   * Idle time before a kept-alive connection is closed. Default 65 s (longer than clients' own idle
   * timeouts, as load balancers do): a server that closes first races a client that is just sending its
   * next request on that connection, and a client that does not retry loses that request.
   */
  keepAliveTimeoutMs?: number;
  defaultRegion?: string;
  /** Where model bugs (anything thrown that is not an EC2 error) are reported. Default: console.error. */
  onInternalError?: (error: unknown, action: string) => void;
};

export type RunningServer = { url: string; port: number; host: string; server: Server; close(): Promise<void> };

const MAX_BODY_BYTES = 1024 * 1024;

/** A raw HTTP response for a socket the http module has given up on (timeouts, parse errors). */
function rawErrorResponse(error: ProtocolError): string {
  const answer = errorResponse(error);
  const length = Buffer.byteLength(answer.body);
  const reason = { 400: 'Bad Request', 408: 'Request Timeout', 413: 'Payload Too Large', 431: 'Request Header Fields Too Large' }[error.status] ?? 'Error';
  return (
    `HTTP/1.1 ${error.status} ${reason}\r\nContent-Type: ${answer.headers['content-type']}\r\n` +
    `x-amzn-RequestId: ${answer.headers['x-amzn-requestid']}\r\nContent-Length: ${length}\r\nConnection: close\r\n\r\n${answer.body}`
  );
}

// Browser SDK clients (a page, a WebContainer) need CORS, as EC2's own endpoints allow it.
const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'x-amzn-requestid',
};

function send(res: ServerResponse, answer: QueryResponse, close = false): void {
  if (res.headersSent || res.destroyed) return;
  res.statusCode = answer.status;
  for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.setHeader('content-length', Buffer.byteLength(answer.body));
  if (close) res.setHeader('connection', 'close');
  res.end(answer.body);
}

/** A CORS preflight: allow any origin and the headers the SDKs sign. */
function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(204, {
    ...CORS_HEADERS,
    'access-control-allow-methods': 'GET, POST',
    'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
    'access-control-max-age': '86400',
  });
  res.end();
  req.resume();
}

/** 413 in EC2's envelope, then the connection closes once the answer is out. */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, maxBodyBytes: number): void {
  send(res, errorResponse(protocolErrors.tooLarge(maxBodyBytes)), true);
  res.on('finish', () => req.socket.destroySoon());
}

/** Reads the body up to `maxBodyBytes`; past that the request is refused and `onBody` never runs. */
function readBody(req: IncomingMessage, res: ServerResponse, maxBodyBytes: number, onBody: (body: string) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on('data', (chunk: Buffer) => {
    if (refused) return;
    size += chunk.length;
    if (size > maxBodyBytes) {
      refused = true;
      chunks.length = 0;
      refuseTooLarge(req, res, maxBodyBytes);
      return;
    }
    chunks.push(chunk);
  });
  req.on('error', () => req.socket.destroy());
  req.on('end', () => {
    if (!refused) onBody(Buffer.concat(chunks).toString('utf8'));
  });
}

/** The handler of every request node:http parses: preflight, size limit, then the protocol adapter. */
function requestHandler(adapter: QueryAdapter, maxBodyBytes: number) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      answerPreflight(req, res);
      return;
    }
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const query = q === -1 ? '' : url.slice(q + 1);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBodyBytes) {
      // Answer at once and close: reading a body we will refuse would only waste time.
      refuseTooLarge(req, res, maxBodyBytes);
      req.resume();
      return;
    }
    readBody(req, res, maxBodyBytes, (body) => {
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      adapter
        .handle({ method: req.method ?? 'GET', query, headers, body })
        .then((answer) => send(res, answer))
        .catch(() => send(res, errorResponse(protocolErrors.internal())));
    });
  };
}

/**
 * Requests the http module rejects before our handler sees them (header or body not received in time,
 * unparsable HTTP): answer with EC2's envelope, then close.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable || (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage?.headersSent) {
    socket.destroy();
    return;
  }
  const protocolError =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? protocolErrors.timeout()
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? protocolErrors.headersTooLarge()
        : protocolErrors.badHttp(error.code ?? 'unknown');
  socket.end(rawErrorResponse(protocolError));
}

function createHttpServer(adapter: QueryAdapter, options: MiniEc2ServerOptions): Server {
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const server = createServer(
    {
      headersTimeout,
      requestTimeout: Math.max(requestTimeout, headersTimeout),
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 65_000,
      // How often Node looks for requests past their deadline (its default, 30 s, would make the
      // timeouts above up to 30 s late).
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeout / 4))),
    },
    requestHandler(adapter, options.maxBodyBytes ?? MAX_BODY_BYTES),
  );
  server.on('clientError', answerClientError);
  return server;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Stops the server: idle connections at once, busy ones after a moment to finish their response. */
function closer(server: Server): () => Promise<void> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => {
        for (const socket of sockets) socket.destroy();
      }, 1_000).unref();
    });
}

export async function startMiniEc2Server(model: ServableModel, options: MiniEc2ServerOptions = {}): Promise<RunningServer> {
  const adapter = createQueryAdapter(model, {
    defaultRegion: options.defaultRegion,
    onInternalError: options.onInternalError ?? ((error, action) => console.error(`mini-EC2: internal error in ${action}:`, error)),
  });
  const server = createHttpServer(adapter, options);
  const close = closer(server);
  const host = options.host ?? '127.0.0.1';
  await listen(server, options.port ?? 4566, host);
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${urlHost}:${port}`, port, host, server, close };
}
