// The same learner-style code, run once against the model's own client and once against a real
// @aws-sdk/client-ec2 `EC2` client wired to an identical model through the in-process requestHandler
// (the wire protocol both ways, no network), must give the same results, the same errors and leave the
// same state. This is what lets graders check code written against the real SDK.
import { expect, it } from 'vitest';
import { MiniEc2, MiniEc2Client, waitUntilImageAvailable, waitUntilInstanceRunning, waitUntilInstanceStopped, type Ec2Api } from '../../src/mini-ec2/index.ts';
import { methodName } from '../../src/mini-ec2/protocol/adapter.ts';
import { createSdkClient } from '../../src/mini-ec2/protocol/sdk-client.ts';
import { wireSchema } from '../../src/mini-ec2/protocol/wire-schema.generated.ts';

/** What a learner might write in the course: find, launch, wait, bake an image, clone, stop, clean up. */
async function learnerCode(ec2: Ec2Api) {
  const seen: Record<string, unknown> = {};
  const { Images = [] } = await ec2.describeImages({
    Owners: ['amazon'],
    Filters: [
      { Name: 'name', Values: ['al2023-ami-2023.*'] },
      { Name: 'architecture', Values: ['arm64'] },
    ],
  });
  seen.images = Images;
  const newest = [...Images].sort((a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? ''))[0];

  const launch = await ec2.runInstances({
    ImageId: newest.ImageId,
    InstanceType: 't4g.micro',
    MinCount: 1,
    MaxCount: 2,
    TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }, { Key: 'packages', Value: 'nginx' }] }],
    UserData: btoa('#!/bin/bash\ndnf install -y nginx'),
  });
  seen.launch = launch;
  const ids = launch.Instances!.map((i) => i.InstanceId!);
  seen.waitRunning = (await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 120 }, { InstanceIds: ids })).state;
  seen.running = await ec2.describeInstances({ InstanceIds: ids });

  const { ImageId } = await ec2.createImage({ InstanceId: ids[0], Name: 'golden-1', Description: 'nginx baked in' });
  seen.waitImage = (await waitUntilImageAvailable({ client: ec2, maxWaitTime: 300 }, { ImageIds: [ImageId!] })).state;
  seen.image = await ec2.describeImages({ ImageIds: [ImageId!] });
  seen.clone = await ec2.runInstances({ ImageId, InstanceType: 't4g.small', MinCount: 1, MaxCount: 1 });
  seen.tagged = await ec2.createTags({ Resources: [ids[1]], Tags: [{ Key: 'role', Value: 'spare' }] });
  seen.byTag = await ec2.describeInstances({ Filters: [{ Name: 'tag:role', Values: ['spare'] }] });
  seen.stop = await ec2.stopInstances({ InstanceIds: [ids[1]] });
  seen.waitStopped = (await waitUntilInstanceStopped({ client: ec2, maxWaitTime: 120 }, { InstanceIds: [ids[1]] })).state;
  seen.types = await ec2.describeInstanceTypes({ InstanceTypes: ['t4g.micro', 'm7i.large'] });
  seen.terminate = await ec2.terminateInstances({ InstanceIds: ids });

  const errors: Record<string, unknown> = {};
  const attempt = async (name: string, call: () => Promise<unknown>) => {
    try {
      await call();
      errors[name] = 'no error';
    } catch (e) {
      const error = e as { name: string; message: string; $fault: string; $metadata: { httpStatusCode: number } };
      errors[name] = { name: error.name, message: error.message, fault: error.$fault, status: error.$metadata.httpStatusCode };
    }
  };
  await attempt('missingImage', () => ec2.runInstances({ MinCount: 1, MaxCount: 1 }));
  await attempt('archMismatch', () => ec2.runInstances({ ImageId: newest.ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }));
  await attempt('dryRun', () => ec2.runInstances({ ImageId: newest.ImageId, InstanceType: 't4g.micro', MinCount: 1, MaxCount: 1, DryRun: true }));
  await attempt('badName', () => ec2.createImage({ InstanceId: ids[0], Name: 'no!' }));
  await attempt('notFound', () => ec2.describeImages({ ImageIds: ['ami-0123456789abcdef0', 'ami-0123456789abcdef1'] }));
  await attempt('malformedInstance', () => ec2.stopInstances({ InstanceIds: ['i-xyz'] }));
  seen.errors = errors;
  return seen;
}

/** JSON form without the SDK's response metadata and the idempotency token the SDK adds by itself. */
function comparable(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v) => (key === '$metadata' || key === 'ClientToken' || key === 'clientToken' || key === 'clientTokens' ? undefined : v)),
  );
}

it('gives the same results, errors and final state through the model client and through the real SDK', async () => {
  const direct = new MiniEc2({ seed: 42 });
  const overWire = new MiniEc2({ seed: 42 });

  const viaModel = await learnerCode(direct.client('eu-west-1'));
  const viaSdk = await learnerCode(createSdkClient(overWire, 'eu-west-1'));

  expect(comparable(viaSdk)).toEqual(comparable(viaModel));
  expect((viaModel.errors as Record<string, { name: string }>).dryRun).toMatchObject({ name: 'DryRunOperation', status: 412 });
  expect(comparable(overWire.exportState())).toEqual(comparable(direct.exportState()));
});

/** The model client's EC2 API methods (what the protocol must serve): verbObject names such as runInstances. */
function modelMethods(): string[] {
  return Object.getOwnPropertyNames(MiniEc2Client.prototype).filter(
    (name) => /^[a-z]+[A-Z]/.test(name) && typeof (MiniEc2Client.prototype as unknown as Record<string, unknown>)[name] === 'function',
  );
}

it('serves every method of the model client (the wire table covers them all)', () => {
  const served = new Set(Object.keys(wireSchema.operations).map(methodName));
  const methods = modelMethods();
  expect(methods.length).toBeGreaterThan(20);
  expect(methods.filter((m) => !served.has(m))).toEqual([]);
});

it('answers every describe call the same through the model client and through the real SDK', async () => {
  const direct = new MiniEc2({ seed: 9 });
  const overWire = new MiniEc2({ seed: 9 });
  const sdk = createSdkClient(overWire, 'sa-east-1') as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  const model = direct.client('sa-east-1') as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  const describes = modelMethods().filter((m) => m.startsWith('describe'));
  expect(describes.length).toBeGreaterThan(10);
  for (const method of describes) {
    const viaModel = await model[method]({}).catch((e: Error) => ({ error: e.name, message: e.message }));
    const viaSdk = await sdk[method]({}).catch((e: Error) => ({ error: e.name, message: e.message }));
    expect([method, comparable(viaSdk)]).toEqual([method, comparable(viaModel)]);
  }
});
