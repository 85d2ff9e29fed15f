// Writes a self-contained assignment folder for students: starter files, the course's tests, the test kit,
// a copy of the model, a README in the teacher's language and a package.json whose `npm test` prints the
// score, all in the teacher's language (README, starter comments, test names and messages). After one `npm install` (vitest, esbuild, tsx) it runs offline. Layout:
//
//   README.md  package.json  vitest.config.ts  tsconfig.json  .gitignore
//   _kit/      (harness, reporter, score.ts)     mini-ec2/  (the model's sources)
//   <exercise-id>/manifest.json  <exercise-id>/<starter files>  <exercise-id>/tests/*.test.ts
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { assignmentReadme } from './assignment-readme.ts';
import { kitDir, loadExercise, modelDir, repoRoot } from './exercises.ts';
import { GradeInputError } from './exercise.ts';
import { locales, type Locale } from '../i18n/locales.ts';

/** The exact versions this repository runs, so the student's folder behaves like the course. */
function installedVersion(pkg: string): string {
  const file = path.join(repoRoot, 'node_modules', pkg, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

const VITEST_CONFIG = `import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The exercises import the model as 'mini-ec2'; the harness finds each exercise's files next to its tests/.
const modelEntry = fileURLToPath(new URL('./mini-ec2/index.ts', import.meta.url));

export default defineConfig({
  resolve: { alias: { 'mini-ec2': modelEntry } },
  test: {
    include: ['*/tests/*.test.ts'],
    pool: 'forks',
    isolate: true,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    reporters: ['default', './_kit/reporter.ts'],
    env: { EC2LAB_MODEL_ENTRY: modelEntry, EC2LAB_SUBMISSION_DIR: '.' },
  },
});
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    strict: true,
    allowImportingTsExtensions: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
    paths: { 'mini-ec2': ['./mini-ec2/index.ts'] },
  },
  include: ['**/*.ts'],
  exclude: ['node_modules'],
};

export interface AssignmentOptions {
  exerciseIds: string[];
  outDir: string;
  locale?: Locale;
}

export function writeAssignment(options: AssignmentOptions): { outDir: string; files: number } {
  const locale = options.locale ?? 'en';
  if (!locales.includes(locale)) throw new GradeInputError(`unknown language "${String(locale)}"; use ${locales.join(', ')}`);
  if (options.exerciseIds.length === 0) throw new GradeInputError('name at least one exercise');
  const exercises = [...new Set(options.exerciseIds)].map((id) => loadExercise(id));
  const outDir = path.resolve(options.outDir);
  if (existsSync(outDir) && readdirSync(outDir).length > 0) {
    throw new GradeInputError(`${options.outDir} already exists and is not empty: choose a new folder (nothing was written)`);
  }

  mkdirSync(outDir, { recursive: true });
  let files = 0;
  const write = (rel: string, content: string) => {
    const file = path.join(outDir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    files++;
  };

  cpSync(kitDir, path.join(outDir, '_kit'), { recursive: true });
  // The model without its HTTP server and wire protocol, which the exercises do not use.
  cpSync(modelDir, path.join(outDir, 'mini-ec2'), {
    recursive: true,
    filter: (src) => {
      const top = path.relative(modelDir, src).split(path.sep)[0];
      return top !== 'server' && top !== 'protocol' && !src.endsWith('.test.ts');
    },
  });

  for (const exercise of exercises) {
    const { manifest } = exercise;
    write(path.join(manifest.id, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    for (const name of manifest.files) write(path.join(manifest.id, name), exercise.starters[locale][name] ?? '');
    for (const [name, source] of Object.entries(exercise.tests)) write(path.join(manifest.id, 'tests', name), source);
  }

  const pkg = {
    name: 'ec2-lab-assignment',
    private: true,
    type: 'module',
    description: 'EC2 & AMI Lab assignment: run `npm install` once, then `npm test` to see your score.',
    engines: { node: '>=20' },
    scripts: { test: 'tsx _kit/score.ts' },
    // The language of the test names and messages `npm test` prints (EC2LAB_LANG overrides it): _kit/score.ts.
    ec2lab: { lang: locale },
    devDependencies: {
      esbuild: installedVersion('esbuild'),
      tsx: installedVersion('tsx'),
      vitest: installedVersion('vitest'),
      '@types/node': installedVersion('@types/node'),
    },
  };
  write('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
  write('vitest.config.ts', VITEST_CONFIG);
  write('tsconfig.json', `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  write('.gitignore', 'node_modules/\n');
  write('README.md', assignmentReadme(exercises.map((e) => e.manifest), locale));
  return { outDir, files };
}
