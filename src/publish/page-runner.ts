// Build time (Node): bundles the page runner for the browser with esbuild. One build, code-split, so the
// judge worker, the learner worker and every exercise's test files share one copy of vitest's runner and
// assertions, the model and the kit:
//   <out>/judge-worker-<hash>.js  <out>/learner-worker-<hash>.js  <out>/page-runner-<hash>.js
//   <out>/tests/<exercise>/<file>-<hash>.js  <out>/chunks/...  <out>/manifest.json (what is where)
// In the bundles, 'vitest' is vitest-shim.ts and 'mini-ec2' the model's sources; the kit's Node transport
// (learner-node.ts) is left out: the judge installs the worker transport before any test file loads.
// Run by src/integrations/page-runner.ts; `npx tsx src/publish/page-runner.ts <out>` builds it alone.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { listExercises, loadExercise } from '../grader/index.ts';
import { modelDir } from '../grader/exercises.ts';

const here = fileURLToPath(new URL('../page-runner/', import.meta.url));

/** What manifest.json says (read by src/page-runner/page-runner.ts, RunnerManifest): bundles by role. */
type RunnerManifest = { judge: string; learner: string; main: string; exercises: Record<string, Record<string, string>> };

const leaveOutNodeTransport: esbuild.Plugin = {
  name: 'ec2-lab-no-node-transport',
  setup(build) {
    build.onResolve({ filter: /learner-node\.ts$/ }, (args) => ({ path: args.path, external: true }));
  },
};

export async function buildPageRunner(outDir: string): Promise<RunnerManifest> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const entryPoints: Record<string, string> = {
    'judge-worker': path.join(here, 'judge-worker.ts'),
    'learner-worker': path.join(here, 'learner-worker.ts'),
    'page-runner': path.join(here, 'page-runner.ts'),
  };
  const tests: Record<string, Record<string, string>> = {};
  for (const { id } of listExercises()) {
    const exercise = loadExercise(id);
    for (const name of exercise.manifest.tests) {
      entryPoints[`tests/${id}/${name.replace(/\.ts$/, '')}`] = path.join(exercise.dir, 'tests', name);
      (tests[id] ??= {})[name] = `tests/${id}/${name.replace(/\.ts$/, '')}`;
    }
  }
  const result = await esbuild.build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    entryNames: '[dir]/[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    logLevel: 'silent',
    alias: { vitest: path.join(here, 'vitest-shim.ts'), 'mini-ec2': path.join(modelDir, 'index.ts') },
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [leaveOutNodeTransport],
  });
  const outputOf = new Map<string, string>();
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (output.entryPoint) outputOf.set(path.resolve(output.entryPoint), path.relative(outDir, file).split(path.sep).join('/'));
  }
  const output = (entry: string) => {
    const file = outputOf.get(path.resolve(entryPoints[entry]));
    if (!file) throw new Error(`esbuild wrote no output for ${entry}`);
    return file;
  };
  const manifest: RunnerManifest = {
    judge: output('judge-worker'),
    learner: output('learner-worker'),
    main: output('page-runner'),
    exercises: Object.fromEntries(Object.entries(tests).map(([id, files]) => [id, Object.fromEntries(Object.entries(files).map(([name, entry]) => [name, output(entry)]))])),
  };
  writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = path.resolve(process.argv[2] ?? 'dist/page-runner');
  const started = Date.now();
  await buildPageRunner(outDir);
  console.log(`page runner built into ${outDir} in ${Date.now() - started} ms`);
}
