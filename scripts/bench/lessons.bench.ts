// Lessons benchmark: what full-text search costs. Indexes an existing build (EC2LAB_DIST, default dist/) with
// Pagefind into a temporary folder, three times, and prints the indexing time and the index size per language
// next to the size of the HTML it covers. Builds the site first when dist/ is stale, like `npm start` does.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { ensureBuilt } from '../../src/server/build.ts';

const site = resolve(process.env.EC2LAB_DIST ?? 'dist');
if (process.env.EC2LAB_NO_BUILD !== '1') await ensureBuilt(resolve('.'), site, { quiet: true });
if (!existsSync(join(site, 'en'))) {
  console.error(`lessons bench: no built site in ${site}; run \`npx astro build\` first (or set EC2LAB_DIST)`);
  process.exit(1);
}

function sizeOf(dir: string, filter: (path: string) => boolean = () => true): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += sizeOf(path, filter);
    else if (filter(path)) total += statSync(path).size;
  }
  return total;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const times: number[] = [];
let pages = 0;
let out = '';
for (let run = 0; run < 3; run++) {
  out = mkdtempSync(join(tmpdir(), 'ec2lab-pagefind-bench-'));
  const started = performance.now();
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('Pagefind did not start');
  const added = await index.addDirectory({ path: site, glob: '{en,pt-br,es}/**/*.html' });
  await index.writeFiles({ outputPath: out });
  times.push(performance.now() - started);
  pages = added.page_count;
  if (run < 2) rmSync(out, { recursive: true, force: true });
}
await pagefind.close();

times.sort((a, b) => a - b);
console.log(`pagefind: ${pages} pages indexed; median ${times[1].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[2].toFixed(0)})`);
for (const locale of ['en', 'pt-br', 'es']) {
  const html = sizeOf(join(site, locale), (p) => p.endsWith('.html'));
  const index = sizeOf(out, (p) => p.includes(`/pagefind.${locale}`) || p.includes(`/index/${locale}`) || p.includes(`${locale}_`));
  console.log(`  ${locale}: HTML ${kib(html)}; language index files ${kib(index)} (${((index / html) * 100).toFixed(1)}% of the HTML)`);
}
console.log(`  whole index with fragments and the browser bundle: ${kib(sizeOf(out))} (vs ${kib(sizeOf(site, (p) => p.endsWith('.html')))} of HTML)`);
rmSync(out, { recursive: true, force: true });
