// The browser test harness: every tests/browser/<area>.test.ts uses these three things.
//
//   import { useServerAndBrowser, axeScan, watchConsole, skipBrowser } from './harness.ts';
//   describe.skipIf(skipBrowser)('my area', () => {
//     const course = useServerAndBrowser();              // started before the block's tests, stopped after
//     it('works', async () => {
//       const page = await course.browser.newPage();
//       const problems = watchConsole(page);             // console errors + uncaught exceptions
//       await page.goto(course.server.url + 'en/what-is-ec2/');
//       expect(await axeScan(page)).toEqual([]);          // serious / critical accessibility violations
//       expect(problems).toEqual([]);
//     });
//   });
//
// startServer() runs the real `npm start` server (node src/server/start.mjs) on a free port, serving the build
// that global-setup.ts made (EC2LAB_DIST, default dist/). stop() stops the process that listens on the port.
// launchBrowser() starts Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium) with the project's flags.
// SKIP_BROWSER=1 skips browser tests; otherwise a missing Chromium fails with how to install it.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
/** The built site the browser tests serve (global-setup.ts builds it when stale). */
export const distDir = path.resolve(repoRoot, process.env.EC2LAB_DIST ?? 'dist');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Browser tests are skipped (not failed) only when asked: SKIP_BROWSER=1. */
export const skipBrowser = process.env.SKIP_BROWSER === '1';

/** Throws, saying how to install Chromium, when it is not where we expect it. */
export function requireChromium(): void {
  if (existsSync(chromiumPath)) return;
  throw new Error(
    `Chromium not found at ${chromiumPath}. The browser tests drive Debian's Chromium:\n` +
      `  sudo apt-get update && sudo apt-get install -y chromium\n` +
      `or point CHROMIUM_PATH at a Chromium binary, or set SKIP_BROWSER=1 to skip the browser tests.`,
  );
}

export function launchBrowser(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** PID of the process listening on a TCP port (from `ss -ltnp`), or null. */
function listenerPid(port: number): number | null {
  try {
    const out = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
    const match = /pid=(\d+)/.exec(out);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export interface RunningServer {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:39123/ */
  url: string;
  port: number;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `node src/server/start.mjs` on a free port and resolves once it prints its URL. */
export async function startServer(options: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(repoRoot, 'src/server/start.mjs')], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', EC2LAB_DIST: distDir, EC2LAB_NO_BUILD: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${options.timeoutMs ?? 30_000} ms:\n${output}`)), options.timeoutMs ?? 30_000);
    const check = () => {
      if (output.includes('running at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    output: () => output,
    async stop() {
      const pid = listenerPid(port) ?? child.pid;
      if (pid === undefined || child.exitCode !== null) return;
      process.kill(pid, 'SIGTERM');
      const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
      if (!killed) {
        process.kill(pid, 'SIGKILL');
        await exited;
      }
    },
  };
}

/** Collects console errors and uncaught page errors; assert the array is empty at the end of a test. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The part of axe-core's result the scan reads. */
interface AxeResults {
  violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }>;
}

/** Runs axe-core on the page and returns its serious and critical violations (an empty array is a pass). */
export async function axeScan(page: Page, options: { include?: string } = {}): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResults> } }).axe;
    const result = await axe.run(include ? { include: [include] } : document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => String(n.target)) }));
  }, options.include);
}

/** Starts the real server and Chromium before the enclosing describe block's tests and stops both after. */
export function useServerAndBrowser(): { server: RunningServer; browser: Browser } {
  const course = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    [course.server, course.browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await course.browser?.close();
    await course.server?.stop();
  });
  return course;
}
