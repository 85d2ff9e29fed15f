// boto3 (python3) against the real `ec2-lab mini-ec2` command. A machine without python3 or boto3 FAILS
// this test with a message: it must not pass by skipping.
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { ROOT, requireProgram, useCommandServer } from './helpers.ts';
import { checkSummary, SCENARIO, type ScenarioSummary } from './scenario.ts';

const server = useCommandServer(['--speed', '200']);

it('runs the scenario through boto3 with endpoint_url', () => {
  requireProgram('python3', ['-c', 'import boto3'], 'python3 with boto3');
  const run = spawnSync(
    'python3',
    [`${ROOT}tests/protocol/boto3_scenario.py`, server.url, SCENARIO.region, SCENARIO.amiNameFilter, SCENARIO.imageName, SCENARIO.missingAmi],
    { encoding: 'utf8', timeout: 50_000, env: { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' } },
  );
  expect(run.status, `boto3 scenario failed:\n${run.stderr}\n${run.stdout}`).toBe(0);
  const summary = JSON.parse(run.stdout) as ScenarioSummary;
  checkSummary(summary);
}, 60_000);
