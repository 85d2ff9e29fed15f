// Untrusted input: wrong types, null, unknown keys, huge strings and lists never crash the model or change it.
import { describe, expect, test } from 'vitest';
import { MiniEc2 } from '../../src/mini-ec2/index.ts';
import { expectEc2Error, expectNoChange, launch, newestAl2023, setup } from './helpers.ts';

describe('Input validation', () => {
  test('wrong types are InvalidParameterValue; unknown keys are UnknownParameter; state unchanged', async () => {
    const { model, ec2 } = setup();
    const ImageId = await newestAl2023(ec2);
    const bad: [unknown, string][] = [
      [null, 'InvalidParameterValue'],
      [42, 'InvalidParameterValue'],
      ['runInstances', 'InvalidParameterValue'],
      [[], 'InvalidParameterValue'],
      [{ ImageId, MinCount: '1x', MaxCount: 1 }, 'InvalidParameterValue'],
      [{ ImageId, MinCount: 1.5, MaxCount: 2 }, 'InvalidParameterValue'],
      [{ ImageId: 12, MinCount: 1, MaxCount: 1 }, 'InvalidParameterValue'],
      [{ ImageId: null, MinCount: 1, MaxCount: 1 }, 'InvalidParameterValue'],
      [{ ImageId, MinCount: 1, MaxCount: 1, TagSpecifications: 'x' }, 'InvalidParameterValue'],
      [{ ImageId, MinCount: 1, MaxCount: 1, TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 1 }] }] }, 'InvalidParameterValue'],
      [{ ImageId, MinCount: 1, MaxCount: 1, Placement: { Zone: 'a' } }, 'UnknownParameter'],
      [{ ImageId, MinCount: 1, MaxCount: 1, imageId: ImageId }, 'UnknownParameter'],
      [{ ImageId, MinCount: 1, MaxCount: 1, BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeType: 'floppy', VolumeSize: 1 } }] }, 'InvalidParameterValue'],
      [{ ImageId, MinCount: 1, MaxCount: 1, __proto__: { evil: true } }, 'InvalidParameterValue'],
      [{ ImageId, MinCount: 1, MaxCount: 1, constructor: 1 }, 'UnknownParameter'],
      [JSON.parse(`{"ImageId":"${ImageId}","MinCount":1,"MaxCount":1,"__proto__":{"x":1}}`), 'UnknownParameter'],
    ];
    for (const [input, code] of bad) {
      await expectNoChange(model, () => ec2.runInstances(input as never), code);
    }
  });

  test('numeric strings and "true"/"false" are accepted as the wire protocol would send them', async () => {
    const { ec2 } = setup();
    const r = await ec2.runInstances({ ImageId: await newestAl2023(ec2), MinCount: '2' as never, MaxCount: '2' as never, EbsOptimized: 'false' as never });
    expect(r.Instances).toHaveLength(2);
  });

  test('10,000 instance IDs: a clear NotFound error, no crash', async () => {
    const { model, ec2 } = setup();
    const ids = Array.from({ length: 10_000 }, (_, i) => `i-${i.toString(16).padStart(17, '0')}`);
    const e = await expectEc2Error(ec2.describeInstances({ InstanceIds: ids }), 'InvalidInstanceID.NotFound');
    expect(e.message.length).toBeGreaterThan(100);
    await expectNoChange(model, () => ec2.terminateInstances({ InstanceIds: ids }), 'InvalidInstanceID.NotFound');
    await expectNoChange(model, () => ec2.describeImages({ ImageIds: ids.map((i) => i.replace('i-', 'ami-')) }), 'InvalidAMIID.NotFound');
  });

  test('10,000 copies of a real ID are fine; a million IDs are refused without hanging', async () => {
    const { ec2 } = setup();
    const id = await launch(ec2);
    const r = await ec2.describeInstances({ InstanceIds: Array(10_000).fill(id) });
    expect(r.Reservations![0].Instances).toHaveLength(1);
    await expectEc2Error(ec2.describeInstances({ InstanceIds: Array(1_000_000).fill(id) }), 'InvalidParameterValue');
  });

  test('huge strings are refused with a short message', async () => {
    const { model, ec2 } = setup();
    const huge = 'x'.repeat(5_000_000);
    const e = await expectEc2Error(ec2.createKeyPair({ KeyName: huge }), 'InvalidParameterValue');
    expect(e.message.length).toBeLessThan(500);
    await expectNoChange(model, () => ec2.describeImages({ Filters: [{ Name: 'name', Values: [huge] }] }), 'InvalidParameterValue');
    const ImageId = await newestAl2023(ec2);
    await expectNoChange(model, () => ec2.runInstances({ ImageId, MinCount: 1, MaxCount: 1, UserData: btoa('x'.repeat(20_000)) }), 'InvalidParameterValue');
  });

  test('a huge MaxCount launches up to the limit; an absurd one is still just a number', async () => {
    const { ec2 } = setup();
    const r = await ec2.runInstances({ ImageId: await newestAl2023(ec2), MinCount: 1, MaxCount: Number.MAX_SAFE_INTEGER });
    expect(r.Instances).toHaveLength(32); // the default t2.micro has 1 vCPU; the default limit is 32 vCPUs
    await expectEc2Error(ec2.runInstances({ ImageId: await newestAl2023(ec2), MinCount: 1, MaxCount: Infinity }), 'InvalidParameterValue');
  });

  test('class instances, getters and cyclic objects do not crash the model', async () => {
    const { model, ec2 } = setup();
    const cyclic: Record<string, unknown> = { MinCount: 1, MaxCount: 1 };
    cyclic.Self = cyclic;
    await expectNoChange(model, () => ec2.runInstances(cyclic as never), 'UnknownParameter');
    await expectNoChange(model, () => ec2.runInstances(new Date() as never), 'InvalidParameterValue');
    await expectNoChange(model, () => ec2.describeImages({ Filters: [{ Name: 'name', Values: [Symbol('x')] }] } as never), 'InvalidParameterValue');
    expect(new MiniEc2()).toBeDefined();
  });
});
