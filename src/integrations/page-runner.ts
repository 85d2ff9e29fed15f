// Build step for grading in the page and working offline: after `astro build` (and after Pagefind wrote
// its index), bundles the page runner and every exercise's tests into <outDir>/page-runner/ and then the
// service worker with its precache list of the finished site into <outDir>/sw.js. Under `astro dev` the
// page runner is built once into node_modules/.cache and served at /page-runner/ (no service worker there).
import { createReadStream, existsSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildPageRunner } from '../publish/page-runner.ts';
import { buildServiceWorker } from '../publish/service-worker.ts';

const devDir = fileURLToPath(new URL('../../node_modules/.cache/ec2lab-page-runner/', import.meta.url));

export default function pageRunnerAndOffline(): AstroIntegration {
  return {
    name: 'ec2lab:page-runner',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        await buildPageRunner(join(site, 'page-runner'));
        const { files, bytes } = await buildServiceWorker(site);
        logger.info(`page runner in ${join(site, 'page-runner')}; sw.js precaches ${files} files (${Math.round(bytes / 1024)} KB)`);
      },
      'astro:server:setup': async ({ server }) => {
        const built = buildPageRunner(devDir);
        server.middlewares.use('/page-runner/', (req, res, next) => {
          void built.then(() => {
            const file = normalize(join(devDir, decodeURIComponent((req.url ?? '/').split('?')[0])));
            if (!file.startsWith(devDir) || !existsSync(file)) return next();
            res.setHeader('Content-Type', file.endsWith('.json') ? 'application/json' : 'text/javascript');
            createReadStream(file).pipe(res);
          }, next);
        });
      },
    },
  };
}
