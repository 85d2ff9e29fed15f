// Full-text search for the built site: after `astro build`, Pagefind indexes every page of the output folder
// and writes its index and browser bundle to <outDir>/pagefind/. Pagefind splits the index by each page's
// <html lang>, so a search from a Portuguese page only finds Portuguese pages (src/pages/[locale]/search.astro).
// A library rather than our own index: it ships word stemming for the course's three languages and loads
// only the index chunks a query needs.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

export default function pagefindSearch(): AstroIntegration {
  return {
    name: 'ec2lab:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          logger.info(`indexed ${added.page_count} pages into ${join(site, 'pagefind')}`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
