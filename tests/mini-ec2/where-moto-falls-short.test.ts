// Where moto falls short (src/mini-ec2/BEHAVIOUR.md, "Where moto falls short"): one test per shortfall; each passes here.
import { describe, expect, test } from 'vitest';
import { MiniEc2 } from '../../src/mini-ec2/index.ts';
import { expectEc2Error, launch, newestAl2023, setup, stateOf } from './helpers.ts';

describe('moto shortfalls', () => {
  test('moto: MaxCount is honoured (moto ignores it)', async () => {
    const { ec2 } = setup();
    const r = await ec2.runInstances({ ImageId: await newestAl2023(ec2), MinCount: 1, MaxCount: 3 });
    expect(r.Instances).toHaveLength(3);
  });

  test('moto: MinCount > MaxCount is rejected (moto accepts it)', async () => {
    const { ec2 } = setup();
    await expectEc2Error(ec2.runInstances({ ImageId: await newestAl2023(ec2), MinCount: 2, MaxCount: 1 }), 'InvalidParameterValue');
  });

  test('moto: unknown and malformed AMIs are rejected (moto accepts them by default)', async () => {
    const { ec2 } = setup();
    await expectEc2Error(ec2.runInstances({ ImageId: 'ami-0abcdef0123456789', MinCount: 1, MaxCount: 1 }), 'InvalidAMIID.NotFound');
    await expectEc2Error(ec2.runInstances({ ImageId: 'my-image', MinCount: 1, MaxCount: 1 }), 'InvalidAMIID.Malformed');
  });

  test('moto: a missing ImageId is MissingParameter, not a server error', async () => {
    const { ec2 } = setup();
    const e = await expectEc2Error(ec2.runInstances({ MinCount: 1, MaxCount: 1 }), 'MissingParameter');
    expect(e.$fault).toBe('client');
  });

  test('moto: instances go pending -> running over time (moto has no progression)', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    expect(await stateOf(ec2, id)).toBe('pending');
    model.clock.advance(5000);
    expect(await stateOf(ec2, id)).toBe('running');
  });

  test('moto: starting a terminated instance fails (moto revives it)', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    await ec2.terminateInstances({ InstanceIds: [id] });
    model.clock.advance(5000);
    await expectEc2Error(ec2.startInstances({ InstanceIds: [id] }), 'IncorrectInstanceState');
    expect(await stateOf(ec2, id)).toBe('terminated');
  });

  test('moto: malformed instance IDs are Malformed, not NotFound', async () => {
    const { ec2 } = setup();
    await expectEc2Error(ec2.describeInstances({ InstanceIds: ['i-nothex!'] }), 'InvalidInstanceID.Malformed');
    await expectEc2Error(ec2.terminateInstances({ InstanceIds: ['instance-1'] }), 'InvalidInstanceID.Malformed');
  });

  test('moto: CreateImage rejects duplicate names', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    model.clock.advance(5000);
    await ec2.createImage({ InstanceId: id, Name: 'dup' });
    await expectEc2Error(ec2.createImage({ InstanceId: id, Name: 'dup' }), 'InvalidAMIName.Duplicate');
  });

  test('moto: CreateImage rejects bad characters in names', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    model.clock.advance(5000);
    await expectEc2Error(ec2.createImage({ InstanceId: id, Name: 'bad<name>' }), 'InvalidAMIName.Malformed');
  });

  test('moto: CreateImage rejects terminated instances', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    await ec2.terminateInstances({ InstanceIds: [id] });
    model.clock.advance(5000);
    await expectEc2Error(ec2.createImage({ InstanceId: id, Name: 'from-terminated' }), 'InvalidParameterValue');
  });

  test('moto: CreateImage honours NoReboot', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    model.clock.advance(5000);
    const reboots: string[] = [];
    model.subscribe((e) => e.type === 'instance-rebooted' && reboots.push(e.reason));
    await ec2.createImage({ InstanceId: id, Name: 'a-reboot' });
    await ec2.createImage({ InstanceId: id, Name: 'b-no-reboot', NoReboot: true });
    expect(reboots).toEqual(['create-image']);
  });

  test('moto: a new image is pending, not available at once', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    model.clock.advance(5000);
    const { ImageId } = await ec2.createImage({ InstanceId: id, Name: 'fresh' });
    expect((await ec2.describeImages({ ImageIds: [ImageId!] })).Images![0].State).toBe('pending');
  });

  test('moto: DescribeImages does not drop unknown IDs silently', async () => {
    const { ec2 } = setup();
    const known = await newestAl2023(ec2);
    await expectEc2Error(ec2.describeImages({ ImageIds: [known, 'ami-0000000000000dead'] }), 'InvalidAMIID.NotFound');
  });

  test('moto: DescribeImages applies Owners and Filters when ImageIds is given', async () => {
    const { ec2 } = setup();
    const known = await newestAl2023(ec2);
    expect((await ec2.describeImages({ ImageIds: [known], Owners: ['self'] })).Images).toEqual([]);
    expect((await ec2.describeImages({ ImageIds: [known], Filters: [{ Name: 'architecture', Values: ['arm64'] }] })).Images).toEqual([]);
  });

  test('moto: an unknown filter is a client error, not a server error', async () => {
    const { ec2 } = setup();
    const e = await expectEc2Error(ec2.describeImages({ Filters: [{ Name: 'flavour', Values: ['vanilla'] }] }), 'InvalidParameterValue');
    expect(e.$fault).toBe('client');
  });

  test('moto: an arm64 image does not launch on an x86 type', async () => {
    const { ec2 } = setup();
    await expectEc2Error(ec2.runInstances({ ImageId: await newestAl2023(ec2, 'arm64'), InstanceType: 'm5.large', MinCount: 1, MaxCount: 1 }), 'InvalidParameterValue');
  });

  test('moto: the built-in catalog has different IDs in every region', async () => {
    const model = new MiniEc2();
    const ids = await Promise.all(model.regions.map((r) => newestAl2023(model.client(r))));
    expect(new Set(ids).size).toBe(model.regions.length);
  });
});
