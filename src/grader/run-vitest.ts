// Runs vitest on a batch folder in its own process group with a time limit, and reads the results the kit's
// reporter appended to a JSON-lines file (never vitest's console output, which learner code could imitate).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ReportedModule } from '../../exercises/_kit/reporter.ts';

export type { ReportedModule, ReportedTest } from '../../exercises/_kit/reporter.ts';

export interface VitestRun {
  modules: ReportedModule[];
  timedOut: boolean;
  exitCode: number | null;
  output: string; // vitest's own output (capped), for diagnosing a crashed run
  durationMs: number;
}

const vitestBin = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

export function runVitest(options: { configFile: string; resultsFile: string; timeoutMs: number; memoryMb?: number }): Promise<VitestRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${options.memoryMb ?? 1024}`, vitestBin, 'run', '--config', options.configFile], {
      cwd: path.dirname(options.configFile),
      env: { ...cleanEnv(), EC2LAB_RESULTS_FILE: options.resultsFile, FORCE_COLOR: '0', NO_COLOR: '1', CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group: a time-out kills vitest, its workers and the learners' children
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      if (output.length < 20_000) output += chunk.toString('utf8');
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);

    let timedOut = false;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs);

    child.on('close', (exitCode) => {
      clearTimeout(timer);
      killGroup(); // stray grandchildren (a learner's child that outlived its test) go too
      resolve({ modules: readResults(options.resultsFile), timedOut, exitCode, output, durationMs: Date.now() - started });
    });
  });
}

/** Our environment minus what an outer vitest (the grader's own tests) sets, which would confuse the inner run. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(VITEST|TEST$|NODE_ENV$|EC2LAB_RESULTS_FILE$)/.test(key)) env[key] = value;
  }
  return env;
}

function readResults(file: string): ReportedModule[] {
  if (!existsSync(file)) return [];
  const modules: ReportedModule[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      modules.push(JSON.parse(line) as ReportedModule);
    } catch {
      // a line cut short by a kill: that file counts as not finished
    }
  }
  return modules;
}
