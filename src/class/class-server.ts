// `ec2-lab class serve`: the class API, the built course site (with /<locale>/class/<code>/ answered by the
// class page), and by default one in-process grading worker, over one database (database.ts).
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { closeGrader } from '../grader/index.ts';
import { locales } from '../i18n/locales.ts';
import { createApp } from '../server/app.ts';
import { serveStatic } from '../server/static-files.ts';
import { createClassApi } from './api.ts';
import { openDatabase, type DatabaseOptions, type OpenDatabase } from './database.ts';
import { classLimitsFromEnv, type ClassLimits } from './rate-limit.ts';
import { startWorker, type GradeJobs, type RunningWorker } from './worker.ts';

export interface ClassServerOptions extends DatabaseOptions {
  port: number;
  host: string;
  distDir: string;
  /** Run a grading worker in this process (default true). */
  worker?: boolean;
  leaseSeconds?: number;
  limits?: ClassLimits;
  grade?: GradeJobs;
}

export interface RunningClassServer {
  url: string;
  database: OpenDatabase;
  close(): Promise<void>;
}

const CLASS_PAGE = new RegExp(`^/(${locales.join('|')})/class/([A-Za-z0-9]{1,20})/?$`);

/** /<locale>/class/<code>/ is the class page of the built site; the page reads the code from the address. */
function classPageHandler(distDir: string) {
  return (req: IncomingMessage, res: ServerResponse, url: URL): boolean => {
    const match = CLASS_PAGE.exec(url.pathname);
    if (!match || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    serveStatic(req, res, distDir, `/${match[1]}/class/`, url.search);
    return true;
  };
}

function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve(`http://${host.includes(':') ? `[${host}]` : host}:${actual}`);
    });
  });
}

export async function startClassServer(options: ClassServerOptions): Promise<RunningClassServer> {
  const database = await openDatabase(options);
  let worker: RunningWorker | undefined;
  if (options.worker !== false) worker = startWorker({ db: database.db, leaseSeconds: options.leaseSeconds, grade: options.grade });
  const api = createClassApi({ db: database.db, limits: options.limits ?? classLimitsFromEnv(), onHandin: () => worker?.nudge() });
  const page = classPageHandler(options.distDir);
  const server = createApp({ distDir: options.distDir, handler: async (req, res, url) => page(req, res, url) || (await api(req, res, url)) });
  let url: string;
  try {
    url = await listen(server, options.port, options.host);
  } catch (error) {
    await worker?.stop();
    await database.close();
    throw (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
      ? new Error(`Port ${options.port} on ${options.host} is in use. Start with another: --port ${options.port + 1}`)
      : error;
  }
  return {
    url,
    database,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await worker?.stop();
      await closeGrader();
      await database.close();
    },
  };
}

/** `ec2-lab class worker`: grading only, against a shared PostgreSQL. */
export async function startClassWorker(options: { url: string; leaseSeconds?: number; grade?: GradeJobs }): Promise<{ description: string; stop(): Promise<void> }> {
  const database = await openDatabase({ url: options.url });
  const worker = startWorker({ db: database.db, leaseSeconds: options.leaseSeconds, grade: options.grade });
  return {
    description: database.description,
    async stop() {
      await worker.stop();
      await closeGrader();
      await database.close();
    },
  };
}
