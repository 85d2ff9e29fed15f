// Build step for grading in the page and working offline: after `astro build` (and after Pagefind wrote
// its index), bundles the page runner and every exercise's tests into <outDir>/page-runner/ and then the
// service worker with its precache list of the finished site into <outDir>/sw.js.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildPageRunner } from '../page-runner/build.ts';
import { buildServiceWorker } from '../service-worker/build.ts';

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
    },
  };
}
