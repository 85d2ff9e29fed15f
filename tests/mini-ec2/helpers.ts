// Shared set-up for the mini-EC2 tests: a fresh model, a client, and the catalog images most tests launch.
import { expect } from 'vitest';
import { MiniEc2, type MiniEc2Options } from '../../src/mini-ec2/index.ts';

export const REGION = 'us-east-1';

export function setup(options: MiniEc2Options = {}) {
  const model = new MiniEc2({ seed: 7, ...options });
  const ec2 = model.client(REGION);
  return { model, ec2 };
}

type Client = ReturnType<MiniEc2['client']>;

/** The newest Amazon Linux 2023 image of an architecture, found the way a learner would. */
export async function newestAl2023(ec2: Client, arch: 'x86_64' | 'arm64' = 'x86_64'): Promise<string> {
  const { Images = [] } = await ec2.describeImages({
    Owners: ['amazon'],
    Filters: [
      { Name: 'name', Values: ['al2023-ami-2023.*'] },
      { Name: 'architecture', Values: [arch] },
    ],
  });
  const newest = [...Images].sort((a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? ''))[0];
  return newest.ImageId!;
}

export async function launch(ec2: Client, extra: Record<string, unknown> = {}) {
  const ImageId = (extra.ImageId as string | undefined) ?? (await newestAl2023(ec2));
  const r = await ec2.runInstances({ ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, ...extra });
  return r.Instances![0].InstanceId!;
}

/** Awaits a call that must fail and checks the AWS error code (and the message, if given). */
export async function expectEc2Error(promise: Promise<unknown>, code: string, message?: string | RegExp, status = 400) {
  let error: unknown;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  expect(error, `expected ${code}, but the call succeeded`).toBeDefined();
  const e = error as { name: string; Code: string; message: string; $fault: string; $metadata: { httpStatusCode: number } };
  expect({ name: e.name, Code: e.Code }).toEqual({ name: code, Code: code });
  expect(e.$metadata.httpStatusCode).toBe(status);
  expect(e.$fault).toBe(status >= 500 ? 'server' : 'client');
  if (typeof message === 'string') expect(e.message).toBe(message);
  else if (message) expect(e.message).toMatch(message);
  return e;
}

/** Runs `call`, expects it to fail, and checks the model's state is byte-for-byte unchanged. */
export async function expectNoChange(model: MiniEc2, call: () => Promise<unknown>, code: string, status = 400) {
  const before = JSON.stringify(model.exportState());
  await expectEc2Error(call(), code, undefined, status);
  expect(JSON.stringify(model.exportState())).toBe(before);
}

export async function stateOf(ec2: Client, id: string): Promise<string | undefined> {
  const r = await ec2.describeInstances({ InstanceIds: [id] });
  return r.Reservations?.[0]?.Instances?.[0]?.State?.Name;
}
