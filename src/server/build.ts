// "Build when needed" for `npm start` and the browser tests: the site is rebuilt when dist is missing or older
// than any file the build reads. Freshness is judged by dist/sw.js, the last file a build writes (src/integrations/page-runner.ts): a build
// that failed after writing its pages leaves none, so it is not mistaken for a fresh one.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * What the site build reads, relative to the repository root: all of src/ (the site embeds the grader's and the
 * publisher's output: WebContainer workspaces, assignment zips), so no list of exceptions can drift out of date.
 */
const siteSources = ['src', 'content', 'public', 'exercises', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];

/** Newest modification time (ms) of a file or anything below a folder; 0 when it does not exist. */
export function newestMtime(root: string, relative: string): number {
  if (path.posix.basename(relative) === 'node_modules') return 0;
  let stats;
  try {
    stats = statSync(path.join(root, relative));
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs; // a deleted file shows only as a newer folder
  for (const name of readdirSync(path.join(root, relative))) {
    if (name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(root, path.posix.join(relative, name)));
  }
  return newest;
}

function builtAt(distDir: string): number {
  try {
    return statSync(path.join(distDir, 'sw.js')).mtimeMs;
  } catch {
    return 0;
  }
}

/** True when distDir holds a build at least as new as every site source. */
export function isBuildFresh(root: string, distDir: string): boolean {
  const built = builtAt(distDir);
  if (built === 0) return false;
  return siteSources.every((source) => newestMtime(root, source) <= built);
}

/** Runs `astro build` into outDir (EC2LAB_OUT_DIR, read by astro.config.mjs); rejects with its output on failure. */
export function buildSite(root: string, outDir: string, { quiet = false } = {}): Promise<void> {
  const astroPackage = createRequire(path.join(root, 'package.json')).resolve('astro/package.json');
  const astroBin = path.join(path.dirname(astroPackage), 'astro.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, 'build'], {
      cwd: root,
      env: { ...process.env, EC2LAB_OUT_DIR: path.resolve(root, outDir) },
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const stop = () => child.kill('SIGTERM');
    process.once('SIGINT', stop).once('SIGTERM', stop);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      if (code === 0) resolve();
      else reject(new Error(`astro build failed (${signal ?? `exit code ${code}`})${output ? `:\n${output.slice(-4000)}` : ''}`));
    });
  });
}

/**
 * Runs fn while holding a lock on distDir, so two processes (two test runs, `npm start` beside a test run) never
 * build into the same folder at once. The lock is a folder in the temp dir; one older than 10 minutes is stale.
 */
async function withBuildLock<T>(distDir: string, fn: () => Promise<T>): Promise<T> {
  const lock = path.join(tmpdir(), `ec2lab-build-${createHash('sha1').update(path.resolve(distDir)).digest('hex').slice(0, 12)}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* released meanwhile */
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds unless the build in distDir is fresh. Returns whether it built. */
export async function ensureBuilt(root: string, distDir: string, options: { quiet?: boolean } = {}): Promise<boolean> {
  if (isBuildFresh(root, distDir)) return false;
  return withBuildLock(distDir, async () => {
    if (isBuildFresh(root, distDir)) return false; // another process built it while we waited
    await buildSite(root, distDir, options);
    return true;
  });
}
