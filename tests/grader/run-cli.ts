// Runs the real command (`node src/cli/ec2-lab.mjs ...`), as a teacher or a CI job would.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(repoRoot, 'src', 'cli', 'ec2-lab.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of Object.keys(env)) if (/^(VITEST|EC2LAB_)/.test(key)) delete env[key];
    Object.assign(env, options.env);
    const child = spawn(process.execPath, [bin, ...args], { cwd: options.cwd ?? repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A class folder: one sub-folder per student holding the given file. */
export function classFolder(fileName: string, students: Record<string, string | undefined>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ec2-lab-class-'));
  for (const [student, source] of Object.entries(students)) {
    mkdirSync(path.join(root, student), { recursive: true });
    if (source !== undefined) writeFileSync(path.join(root, student, fileName), source);
  }
  return root;
}

export type JsonReport = {
  exercise: string;
  results: {
    student: string;
    status: 'pass' | 'fail' | 'error';
    message?: string;
    points: number;
    maxPoints: number;
    tests: { id: string; name: string; status: string; message?: string; output?: string; test_code: string; points: number; maxPoints: number }[];
  }[];
};
