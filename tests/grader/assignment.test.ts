// The teacher's loop end to end: `ec2-lab assignment` writes a folder, a student runs `npm test` in it
// (offline: node_modules stands in for the one `npm install`), and the teacher grades the returned folder.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { repoRoot, runCli } from './run-cli.ts';

let folder: string;

function npmTest(cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of Object.keys(env)) if (/^(VITEST|EC2LAB_)/.test(key)) delete env[key];
    const child = spawn('npm', ['test', '--silent'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

beforeAll(async () => {
  folder = path.join(mkdtempSync(path.join(tmpdir(), 'ec2-lab-assignment-')), 'homework');
  const run = await runCli(['assignment', 'launch', 'find-ami', '--out', folder, '--lang', 'es']);
  expect(run.code, run.stderr).toBe(0);
  // What `npm install` would give the student, without the network.
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
}, 60_000);

test('the folder is self-contained: starters, tests, the kit, the model and a README in the chosen language', () => {
  for (const file of ['launch/launch.ts', 'launch/tests/launch.test.ts', 'find-ami/find-ami.ts', '_kit/harness.ts', '_kit/score.ts', 'mini-ec2/index.ts', 'vitest.config.ts', 'package.json']) {
    expect(existsSync(path.join(folder, file)), file).toBe(true);
  }
  expect(existsSync(path.join(folder, 'mini-ec2', 'server'))).toBe(false);
  // The starter with its comments in the chosen language.
  expect(readFileSync(path.join(folder, 'launch', 'launch.ts'), 'utf8')).toBe(readFileSync(path.join(repoRoot, 'exercises/launch/starter/es/launch.ts'), 'utf8'));
  const readme = readFileSync(path.join(folder, 'README.md'), 'utf8');
  expect(readme).toContain('# EC2 & AMI Lab: tarea');
  expect(readme).toContain('Varios pasteles con una sola receta');
  expect(readme).not.toContain('Set up (once)');
  const pkg = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { scripts: { test: string }; ec2lab: { lang: string }; devDependencies: Record<string, string> };
  expect(pkg.scripts.test).toBe('tsx _kit/score.ts');
  expect(pkg.ec2lab).toEqual({ lang: 'es' });
  expect(Object.keys(pkg.devDependencies).sort()).toEqual(['@types/node', 'esbuild', 'tsx', 'vitest']);
});

test("`npm test` prints the student's score in Spanish: the starters score nothing, the finished work scores everything", async () => {
  const before = await npmTest(folder);
  // vitest's own output names the tests and says what failed in the folder's language.
  expect(before.output).toContain('lanza exactamente la cantidad de instancias pedida');
  expect(before.output).toContain('Se esperaban 3 instancias después de tu lanzamiento; se encontró: ninguna instancia.');
  expect(before.output).not.toContain('launches exactly the requested number of instances');
  expect(before.output).toMatch(/Puntuación\n\s+find-ami\s+0 \/ 8\n\s+launch\s+0 \/ 10\n\s+total\s+0 \/ 18/);
  expect(before.code).toBe(1);

  copyFileSync(path.join(repoRoot, 'exercises/launch/solution/launch.ts'), path.join(folder, 'launch', 'launch.ts'));
  copyFileSync(path.join(repoRoot, 'exercises/find-ami/solution/find-ami.ts'), path.join(folder, 'find-ami', 'find-ami.ts'));
  const after = await npmTest(folder);
  expect(after.output).toMatch(/total\s+18 \/ 18/);
  expect(after.code).toBe(0);
}, 120_000);

test('the teacher grades the returned folder with the course\'s own tests, even if the student edited theirs', async () => {
  // A student who "fixes" the tests instead of the code gains nothing: the grader uses the originals.
  writeFileSync(path.join(folder, 'launch', 'tests', 'launch.test.ts'), 'import { test } from "vitest";\ntest("launches exactly the requested number of instances", () => {});\n');
  writeFileSync(path.join(folder, 'find-ami', 'find-ami.ts'), 'export async function findLatestAmazonLinux() { return "ami-12345678"; }\n');
  const run = await runCli(['grade', 'launch,find-ami', folder, '--format', 'csv']);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toBe('student,exercise,score,max,status,failed_tests\nhomework,launch,10,10,pass,\nhomework,find-ami,0,8,fail,existing-al2023 amazon-owner newest arm64 region-id only-looks\n');
}, 120_000);

test('an existing, non-empty folder is never overwritten', async () => {
  const run = await runCli(['assignment', 'launch', '--out', folder]);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/already exists and is not empty/);
});
