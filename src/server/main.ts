// `npm start`: build the site if needed, then serve it with COOP/COEP on http://127.0.0.1:4321.
// Environment: PORT, HOST; EC2LAB_DIST (the built site, default dist/); EC2LAB_NO_BUILD=1 serves dist as it is
// (the browser tests build once before starting many servers).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { ensureBuilt } from './build.ts';
import { routes } from './routes.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4321);
  const host = process.env.HOST ?? '127.0.0.1';
  const distDir = path.resolve(repoRoot, process.env.EC2LAB_DIST ?? 'dist');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);

  if (process.env.EC2LAB_NO_BUILD !== '1') {
    const started = Date.now();
    console.log(`Checking the build in ${path.relative(repoRoot, distDir) || '.'}/ ...`);
    if (await ensureBuilt(repoRoot, distDir)) console.log(`Built the site in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }

  if (!existsSync(path.join(distDir, 'index.html'))) {
    console.warn(`Warning: no built site in ${distDir} (run \`npm run build\`, or start without EC2LAB_NO_BUILD=1).`);
  }
  const server = createApp({ distDir, routes });
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') console.error(`Port ${port} on ${host} is in use. Start with another port: PORT=4322 npm start`);
    else console.error(error);
    process.exit(1);
  });
  server.listen(port, host, () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const shownHost = host.includes(':') ? `[${host}]` : host;
    console.log(`EC2 & AMI Lab is running at http://${shownHost}:${actualPort}/  (Ctrl+C to stop)`);
  });

  const stop = (signal: string) => {
    console.log(`\n${signal}: stopping the server.`);
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
