// The JavaScript SDK v3 against the real `ec2-lab mini-ec2` command, with an endpoint override.
import { EC2 } from '@aws-sdk/client-ec2';
import { expect, it } from 'vitest';
import { useCommandServer } from './helpers.ts';
import { checkSummary, runSdkScenario, SCENARIO } from './scenario.ts';

/** What the SDK throws for an EC2 error, as far as this test reads it. */
type SdkFailure = { name: string; message: string; $fault: string; $metadata: { httpStatusCode: number } };

/** The error `call` fails with; a call that succeeds fails the test. */
async function failureOf(call: Promise<unknown>): Promise<SdkFailure> {
  try {
    await call;
  } catch (error) {
    return error as SdkFailure;
  }
  throw new Error('expected the call to fail');
}

const server = useCommandServer(['--speed', '200']);

it('runs the scenario through @aws-sdk/client-ec2 with an endpoint override', async () => {
  const ec2 = new EC2({
    endpoint: server.url,
    region: SCENARIO.region,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'anything' },
    maxAttempts: 1,
  });
  const summary = await runSdkScenario(ec2);
  checkSummary(summary);

  // The status each error came with, as the SDK reports it.
  const dry = await failureOf(ec2.runInstances({ ImageId: summary.ami.id, MinCount: 1, MaxCount: 1, DryRun: true }));
  expect([dry.name, dry.$metadata.httpStatusCode, dry.$fault]).toEqual(['DryRunOperation', 412, 'client']);
  expect(dry.message).toBe('Request would have succeeded, but DryRun flag is set.');
  const missing = await failureOf(ec2.describeImages({ ImageIds: [SCENARIO.missingAmi] }));
  expect([missing.name, missing.$metadata.httpStatusCode]).toEqual(['InvalidAMIID.NotFound', 400]);

  // Another region has its own catalog: the us-west-2 AMI is unknown in us-east-1.
  const east = new EC2({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
  const elsewhere = await failureOf(east.describeImages({ ImageIds: [summary.ami.id] }));
  expect(elsewhere.name).toBe('InvalidAMIID.NotFound');
}, 60_000);
