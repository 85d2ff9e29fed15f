// The WebContainer workspace as a visitor downloads it: dist/exercise-data/webcontainer/<id>.json from the built
// site, written to a real folder, installed from its own lockfile and run with its own test command under plain
// Node. Reusable: anything that wants "what a WebContainer run would report" (the workspace test, a comparison
// with the page runner) reads it from here.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FileNode, FileSystemTree } from '@webcontainer/api';
import { parseResultsFile } from '../../exercises/_kit/results-file.ts';
import type { ReportedModule } from '../../exercises/_kit/reporter.ts';
import { CONTAINER_ROOT } from '../../src/publish/build-data.ts';
import type { Workspace } from '../../src/sandbox/backends/webcontainer.ts';
import type { ExerciseData } from '../../src/sandbox/exercise-data.ts';

/** The exercise ids the built site publishes a workspace for. */
export function builtWorkspaceIds(distDir: string): string[] {
  return readdirSync(path.join(distDir, 'exercise-data', 'webcontainer'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

export function readBuiltWorkspace(distDir: string, id: string): Workspace {
  return JSON.parse(readFileSync(path.join(distDir, 'exercise-data', 'webcontainer', `${id}.json`), 'utf8')) as Workspace;
}

export function readBuiltExerciseData(distDir: string, id: string): ExerciseData {
  return JSON.parse(readFileSync(path.join(distDir, 'exercise-data', `${id}.json`), 'utf8')) as ExerciseData;
}

/** Top-level names of a tree, sorted. */
export const topLevel = (tree: FileSystemTree) => Object.keys(tree).sort();

/**
 * Writes the tree exactly as a WebContainer mounts it, except that the container's home folder
 * (CONTAINER_ROOT, named in the generated vitest config) becomes `dir`. Keeps `dir`'s node_modules, so one
 * install serves every exercise (their package.json and lockfile are the same: the test checks it).
 */
export function writeWorkspace(workspace: Workspace, dir: string): void {
  for (const name of existsSync(dir) ? readdirSync(dir) : []) if (name !== 'node_modules') rmSync(path.join(dir, name), { recursive: true, force: true });
  const write = (tree: FileSystemTree, at: string) => {
    mkdirSync(at, { recursive: true });
    for (const [name, node] of Object.entries(tree)) {
      if ('directory' in node) write(node.directory, path.join(at, name));
      else writeFileSync(path.join(at, name), String((node as FileNode).file.contents).replaceAll(CONTAINER_ROOT, dir));
    }
  };
  write(workspace.tree, dir);
}

/** `npm ci` from the workspace's own lockfile (what the sandbox runs once the container boots). */
export function installWorkspace(dir: string): void {
  const run = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, encoding: 'utf8', timeout: 300_000 });
  if (run.status !== 0) throw new Error(`npm ci failed in the built workspace (${run.status ?? run.signal}):\n${run.stdout}\n${run.stderr}`);
}

/** Our environment minus what the outer vitest and our own tools set, plus the workspace's test environment. */
function testEnvironment(workspace: Workspace, dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(VITEST|TEST$|NODE_ENV$|NODE_OPTIONS$|EC2LAB_)/.test(key)) env[key] = value;
  for (const [key, value] of Object.entries(workspace.testEnv)) env[key] = value.replaceAll(CONTAINER_ROOT, dir);
  return env;
}

/**
 * Puts the learner's files in the workspace, runs its test command with plain Node (no permission model, as
 * in a WebContainer) and reads the results file with the kit's one reader.
 */
export function runWorkspaceTests(workspace: Workspace, dir: string, learnerFiles: Record<string, string>): Promise<{ modules: ReportedModule[]; report: string | undefined; output: string; durationMs: number }> {
  for (const [name, content] of Object.entries(learnerFiles)) writeFileSync(path.join(dir, workspace.learnerDir, name), content);
  const resultsFile = path.join(dir, workspace.resultsFile);
  rmSync(resultsFile, { force: true });
  const [command, ...args] = workspace.testCommand;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: dir, env: testEnvironment(workspace, dir), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', () => {
      const report = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : undefined;
      resolve({ modules: report ? parseResultsFile(report) : [], report, output, durationMs: Date.now() - started });
    });
  });
}
