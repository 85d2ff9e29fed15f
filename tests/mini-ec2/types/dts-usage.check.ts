// Learner-style code against the generated declaration (src/mini-ec2/generated/mini-ec2.d.ts) only:
// sdk-types.test.ts compiles it with that file as the sole source of the 'mini-ec2' module.
import { MiniEc2, waitUntilInstanceRunning, waitUntilInstanceStatusOk, type Ec2Api, type ModelEvent } from 'mini-ec2';

export async function launchOne(ec2: Ec2Api, imageId: string): Promise<string> {
  const r = await ec2.runInstances({ ImageId: imageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 });
  const id = r.Instances?.[0]?.InstanceId ?? '';
  await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 60 }, { InstanceIds: [id] });
  await waitUntilInstanceStatusOk({ client: ec2, maxWaitTime: 600 }, { InstanceIds: [id] });
  return id;
}

const model = new MiniEc2({ seed: 1 });
model.subscribe((e: ModelEvent) => e.seq);
export const started = launchOne(model.client('us-east-1'), 'ami-12345678');

// The model's internals are not the learner's: running a call and settling transitions stay private.
// Each line must fail to compile; if one of them ever compiles, its directive is unused and that fails.
// @ts-expect-error settle() is private to the model
model.settle();
// @ts-expect-error invoke() is private to the model
model.invoke('us-east-1', () => ({}));
