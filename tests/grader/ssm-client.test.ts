// The learner's `ssm` client through the real command: an exercise whose test asks for it
// (`runLearnerFunction({ ..., ssm: true })`) calls the learner's function as fn(ec2, ssm, ...args) in the
// child process; its SSM calls reach the model in the test process, its errors come back as the model's
// SsmServiceException (as @aws-sdk/client-ssm's exceptions carry the error code as `name`), and a method
// the model's SSM client lacks fails as a missing method would. The exercise is a scratch one
// (fixtures/ssm-exercises: its test file is stored as .txt so the repository's own type check and test
// run leave it alone), copied to a temporary exercises folder for `EC2LAB_EXERCISES_DIR`.
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { classFolder, repoRoot, runCli, type JsonReport } from './run-cli.ts';

const fixture = path.join(repoRoot, 'tests', 'grader', 'fixtures', 'ssm-exercises', 'run-command-check');
const exercisesDir = mkdtempSync(path.join(tmpdir(), 'ec2-lab-exercises-'));
let report: JsonReport;

/** A submission that calls an SSM method the model's client does not have. */
const unknownMethod = `
import type { Ec2Api, SsmApi } from 'mini-ec2';
export async function checkWebServer(ec2: Ec2Api, ssm: SsmApi, instanceId: string) {
  await (ssm as unknown as { putParameter(input: object): Promise<unknown> }).putParameter({ Name: 'x', Value: instanceId });
  return { commandId: '', missing: '' };
}
`;

beforeAll(async () => {
  const copy = path.join(exercisesDir, 'run-command-check');
  cpSync(fixture, copy, { recursive: true });
  for (const name of readdirSync(path.join(copy, 'tests'))) renameSync(path.join(copy, 'tests', name), path.join(copy, 'tests', name.replace(/\.txt$/, '')));
  const folder = classFolder('check.ts', {
    solution: readFileSync(path.join(fixture, 'solution', 'check.ts'), 'utf8'),
    starter: readFileSync(path.join(fixture, 'starter', 'check.ts'), 'utf8'),
    'unknown-method': unknownMethod,
  });
  const run = await runCli(['grade', 'run-command-check', folder, '--format', 'json'], { env: { EC2LAB_EXERCISES_DIR: exercisesDir } });
  expect(run.code, run.stderr).toBe(0);
  report = JSON.parse(run.stdout) as JsonReport;
}, 180_000);

const resultOf = (student: string) => report.results.find((r) => r.student === student)!;

test('a learner function that uses ssm.sendCommand scores full marks through the CLI grader', () => {
  const result = resultOf('solution');
  expect(result.tests.filter((t) => t.status !== 'pass'), JSON.stringify(result.tests)).toEqual([]);
  expect(result.points).toBe(result.maxPoints);
});

test('a submission that does not call SSM fails the same tests', () => {
  const result = resultOf('starter');
  expect(result.points).toBe(0);
  expect(result.tests.find((t) => t.name.startsWith('sends'))?.message).toMatch(/ssm\.sendCommand/);
});

test('an SSM method the model does not serve fails with a message naming it', () => {
  const result = resultOf('unknown-method');
  expect(result.status).toBe('fail');
  expect(result.tests[0].message).toMatch(/TypeError: ssm\.putParameter is not a function/);
});
