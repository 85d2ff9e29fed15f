// Lays out one vitest run on disk: a batch folder holding the test kit, a generated vitest config and one
// folder per submission (the course's own test files + only the learner's declared files):
//
//   <batch>/vitest.config.mjs   <batch>/_kit/...   <batch>/mini-ec2/...  (copies of the kit and the model)
//   <batch>/s0/tests/launch.test.ts   <batch>/s0/submission/launch.ts
//   <batch>/_exercises/launch/{manifest.json, tests/messages.ts}  (s0/manifest.json and s0/tests/messages.ts link here)
//
// Test files import '../../_kit/harness.ts' (as they do in exercises/<id>/tests), and the harness finds the
// submission next to the test file, so one run can grade many submissions side by side.
// Batches live under node_modules/.cache so test files resolve 'vitest' and 'esbuild' from the repository.
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { kitDir, modelDir, repoRoot } from './exercises.ts';
import type { Exercise, Files, Locale } from './exercise.ts';

const batchesDir = path.join(repoRoot, 'node_modules', '.cache', 'ec2-lab-grader');

export interface RunSettings {
  jobs: number;
  callTimeoutMs: number; // per run of the learner's function (the harness kills the child after it)
  testTimeoutMs: number; // per vitest test and hook
  childMemoryMb: number; // the learner's child process heap
  workerMemoryMb: number; // the vitest worker holding the model and assertions
}

const STALE_MS = 6 * 3_600_000;

/** Folders left behind by a grader that was killed: anything older than six hours goes. */
function removeStaleFolders(): void {
  let names: string[];
  try {
    names = readdirSync(batchesDir);
  } catch {
    return;
  }
  for (const name of names) {
    const full = path.join(batchesDir, name);
    try {
      if (name !== '.vite' && Date.now() - statSync(full).mtimeMs > STALE_MS) rmSync(full, { recursive: true, force: true });
    } catch {
      // another grader removed it first
    }
  }
}

export function createBatchFolder(): string {
  removeStaleFolders();
  const dir = path.join(batchesDir, `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  cpSync(kitDir, path.join(dir, '_kit'), { recursive: true });
  // A private copy of the model: the tamper check hashes it, and edits to src/ during a run change nothing.
  cpSync(modelDir, path.join(dir, 'mini-ec2'), { recursive: true });
  return dir;
}

export const submissionFolderName = (index: number) => `s${index}`;

/** One submission's limits and language, read by the kit (learner-node.ts, setup.ts) from <submission folder>/limits.json. */
export type SubmissionLimits = { callTimeoutMs: number; childMemoryMb: number; testTimeoutMs: number; lang?: Locale };

/** The manifest as the tests import it ('../manifest.json'). */
export const manifestSource = (exercise: Exercise) => `${JSON.stringify(exercise.manifest, null, 2)}\n`;

/** The batch's one copy of an exercise's test support files (what the test files import: messages.ts...) and manifest. */
const sharedExerciseDir = (batchDir: string, exerciseId: string) => path.join(batchDir, '_exercises', exerciseId);

/**
 * Writes the exercise's shared support files once per batch folder, before any submission (the grader hashes
 * them with the kit and the model). Submissions link to them, so vite transforms them and each worker
 * evaluates them once, not once per submission.
 */
export function writeSharedExercise(batchDir: string, exercise: Exercise): void {
  const dir = sharedExerciseDir(batchDir, exercise.manifest.id);
  mkdirSync(path.join(dir, 'tests'), { recursive: true });
  for (const [name, source] of Object.entries(exercise.tests)) {
    if (!exercise.manifest.tests.includes(name)) writeFileSync(path.join(dir, 'tests', name), source);
  }
  writeFileSync(path.join(dir, 'manifest.json'), manifestSource(exercise));
}

/** Writes one submission's workspace and returns its folder. */
export function writeSubmission(batchDir: string, index: number, exercise: Exercise, files: Files, limits?: SubmissionLimits): string {
  const dir = path.join(batchDir, submissionFolderName(index));
  const shared = sharedExerciseDir(batchDir, exercise.manifest.id); // written by writeSharedExercise
  mkdirSync(path.join(dir, 'tests'), { recursive: true });
  mkdirSync(path.join(dir, 'submission'), { recursive: true });
  // Each test file is the submission's own (vitest runs it once per submission); what it imports is linked.
  for (const [name, source] of Object.entries(exercise.tests)) {
    if (exercise.manifest.tests.includes(name)) writeFileSync(path.join(dir, 'tests', name), source);
    else symlinkSync(path.join(shared, 'tests', name), path.join(dir, 'tests', name));
  }
  // The tests read their titles (in every language) from the manifest beside tests/, as in exercises/<id>/.
  symlinkSync(path.join(shared, 'manifest.json'), path.join(dir, 'manifest.json'));
  for (const name of exercise.manifest.files) {
    if (typeof files[name] === 'string') writeFileSync(path.join(dir, 'submission', name), files[name]);
  }
  if (limits) writeFileSync(path.join(dir, 'limits.json'), JSON.stringify(limits));
  return dir;
}

/** The vitest config of a batch (also usable by any host that lays files out the same way). */
export function vitestConfigSource(options: { root: string; include: string[]; modelEntry: string; kitDir: string; settings: RunSettings; cacheDir?: string }): string {
  const { settings } = options;
  const config = {
    root: options.root,
    cacheDir: options.cacheDir,
    resolve: { alias: { 'mini-ec2': options.modelEntry } },
    test: {
      include: options.include,
      pool: 'forks',
      maxWorkers: settings.jobs,
      // One worker runs many test files without re-importing the model, the kit and esbuild for each: the
      // learner's code never runs in the worker, so sharing it is safe, and it roughly halves a batch's CPU.
      isolate: false,
      setupFiles: [path.join(options.kitDir, 'setup.ts')],
      testTimeout: settings.testTimeoutMs,
      hookTimeout: settings.testTimeoutMs,
      teardownTimeout: 2_000,
      includeTaskLocation: true,
      execArgv: [`--max-old-space-size=${settings.workerMemoryMb}`],
      reporters: [path.join(options.kitDir, 'reporter.ts')],
      env: {
        EC2LAB_MODEL_ENTRY: options.modelEntry,
        EC2LAB_CALL_TIMEOUT_MS: String(settings.callTimeoutMs),
        EC2LAB_CHILD_MEMORY_MB: String(settings.childMemoryMb),
      },
    },
  };
  return `// Generated by src/grader/workspace.ts for one grading run.\nexport default ${JSON.stringify(config, null, 2)};\n`;
}

export function writeVitestConfig(batchDir: string, settings: RunSettings): string {
  const file = path.join(batchDir, 'vitest.config.mjs');
  const source = vitestConfigSource({
    root: batchDir,
    include: ['s*/tests/*.test.ts'],
    modelEntry: path.join(batchDir, 'mini-ec2', 'index.ts'),
    kitDir: path.join(batchDir, '_kit'),
    settings,
    cacheDir: path.join(batchesDir, '.vite'),
  });
  writeFileSync(file, source);
  return file;
}

/** sha256 of every file under the given folders (or of the given files), for the before/after tamper check. */
export function hashFolders(dirs: string[]): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else hash.update(full).update(readFileSync(full));
    }
  };
  try {
    for (const dir of dirs) {
      if (statSync(dir).isDirectory()) walk(dir);
      else hash.update(dir).update(readFileSync(dir));
    }
  } catch {
    return 'unreadable'; // a folder removed or replaced: never equal to a real hash
  }
  return hash.digest('hex');
}
