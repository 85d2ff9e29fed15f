// Runs once before the browser tests: checks Chromium is there (unless SKIP_BROWSER=1) and builds the site into
// EC2LAB_DIST (default dist/) when that build is missing or older than the sources (EC2LAB_NO_BUILD=1: use the
// build in EC2LAB_DIST as it is).
import path from 'node:path';
import { ensureBuilt } from '../../src/server/build.ts';
import { distDir, repoRoot, requireChromium, skipBrowser } from './harness.ts';

export default async function setup(): Promise<void> {
  if (skipBrowser) {
    console.log('SKIP_BROWSER=1: browser tests skipped.');
    return;
  }
  requireChromium();
  if (process.env.EC2LAB_NO_BUILD === '1') return;
  const started = Date.now();
  if (await ensureBuilt(repoRoot, distDir, { quiet: true })) {
    console.log(`Built the site into ${path.relative(repoRoot, distDir)}/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
}
