// CreateImage (src/mini-ec2/BEHAVIOUR.md, "CreateImage"); what the image carries is in disk.test.ts.
import { describe, expect, test } from 'vitest';
import { expectEc2Error, expectNoChange, launch, setup } from './helpers.ts';

async function runningInstance(extra: Record<string, unknown> = {}) {
  const s = setup();
  const id = await launch(s.ec2, extra);
  s.model.clock.advance(5000);
  return { ...s, id };
}

describe('CreateImage', () => {
  test('CreateImage: InstanceId and Name are required; returns { ImageId }', async () => {
    const { ec2, id } = await runningInstance();
    await expectEc2Error(ec2.createImage({ Name: 'x-image' } as never), 'MissingParameter', /InstanceId/);
    await expectEc2Error(ec2.createImage({ InstanceId: id } as never), 'MissingParameter', /Name/);
    const r = await ec2.createImage({ InstanceId: id, Name: 'web-v1', Description: 'first' });
    expect(Object.keys(r).sort()).toEqual(['$metadata', 'ImageId']);
    expect(r.ImageId).toMatch(/^ami-[0-9a-f]{17}$/);
  });

  test('CreateImage: names are 3..128 of letters, digits and ( ) [ ] space . / - \' @ _', async () => {
    const { model, ec2, id } = await runningInstance();
    for (const bad of ['ab', 'x'.repeat(129), 'web#1', 'café-image', 'a*b', 'semi;colon']) {
      await expectNoChange(model, () => ec2.createImage({ InstanceId: id, Name: bad }), 'InvalidAMIName.Malformed');
    }
    for (const good of ["web (v1) [x] ./-'@_", 'abc', 'x'.repeat(128)]) {
      await ec2.createImage({ InstanceId: id, Name: good });
    }
  });

  test('CreateImage: a duplicate name in the region is InvalidAMIName.Duplicate; another region is fine', async () => {
    const { model, ec2, id } = await runningInstance();
    const first = await ec2.createImage({ InstanceId: id, Name: 'golden' });
    await expectEc2Error(ec2.createImage({ InstanceId: id, Name: 'golden' }), 'InvalidAMIName.Duplicate', `AMI name golden is already in use by AMI ${first.ImageId}`);
    const west = model.client('us-west-2');
    const wid = await launch(west);
    model.clock.advance(5000);
    await west.createImage({ InstanceId: wid, Name: 'golden' });
  });

  test('CreateImage: the instance must be running, stopping or stopped', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    await expectNoChange(model, () => ec2.createImage({ InstanceId: id, Name: 'from-pending' }), 'InvalidParameterValue');
    await expectEc2Error(
      ec2.createImage({ InstanceId: id, Name: 'from-pending' }),
      'InvalidParameterValue',
      `Invalid value '${id}' for instanceId. Instance is not in state 'running' or 'stopping' or 'stopped'`,
    );
    model.clock.advance(5000);
    await ec2.stopInstances({ InstanceIds: [id] });
    await ec2.createImage({ InstanceId: id, Name: 'from-stopping' });
    model.clock.advance(10_000);
    await ec2.createImage({ InstanceId: id, Name: 'from-stopped' });
    await ec2.terminateInstances({ InstanceIds: [id] });
    await expectEc2Error(ec2.createImage({ InstanceId: id, Name: 'from-shutting-down' }), 'InvalidParameterValue');
    await expectEc2Error(ec2.createImage({ InstanceId: 'i-0123456789abcdef0', Name: 'ghost' }), 'InvalidInstanceID.NotFound');
  });

  test('CreateImage: Description over 255 characters is InvalidParameterValue', async () => {
    const { model, ec2, id } = await runningInstance();
    await expectNoChange(model, () => ec2.createImage({ InstanceId: id, Name: 'desc', Description: 'd'.repeat(256) }), 'InvalidParameterValue');
    await ec2.createImage({ InstanceId: id, Name: 'desc', Description: 'd'.repeat(255) });
  });

  test('CreateImage: pending, then available after 30 simulated seconds', async () => {
    const { model, ec2, id } = await runningInstance();
    const { ImageId } = await ec2.createImage({ InstanceId: id, Name: 'slow' });
    const state = async () => (await ec2.describeImages({ ImageIds: [ImageId!] })).Images![0].State;
    expect(await state()).toBe('pending');
    model.clock.advance(29_999);
    expect(await state()).toBe('pending');
    model.clock.advance(1);
    expect(await state()).toBe('available');
  });

  test('CreateImage: owner, no alias, private, machine, ebs, SourceInstanceId, and fields from the instance', async () => {
    const { model, ec2, id } = await runningInstance();
    const { ImageId } = await ec2.createImage({ InstanceId: id, Name: 'fields' });
    const img = (await ec2.describeImages({ ImageIds: [ImageId!] })).Images![0];
    expect(img).toMatchObject({
      OwnerId: '123456789012',
      Public: false,
      ImageType: 'machine',
      RootDeviceType: 'ebs',
      SourceInstanceId: id,
      Architecture: 'x86_64',
      VirtualizationType: 'hvm',
      RootDeviceName: '/dev/xvda',
      Name: 'fields',
    });
    expect(img.ImageOwnerAlias).toBeUndefined();
    expect(img.CreationDate).toBe('2026-01-15T09:00:05.000Z');
    // Platform and root device name come from the instance: a Windows instance gives a Windows image.
    const win = (await ec2.describeImages({ Owners: ['amazon'], Filters: [{ Name: 'platform', Values: ['windows'] }] })).Images![0];
    const wid = await launch(ec2, { ImageId: win.ImageId, InstanceType: 't3.large' });
    model.clock.advance(5000);
    const winImage = await ec2.createImage({ InstanceId: wid, Name: 'my-windows' });
    const wi = (await ec2.describeImages({ ImageIds: [winImage.ImageId!] })).Images![0];
    expect(wi).toMatchObject({ Platform: 'windows', RootDeviceName: '/dev/sda1', PlatformDetails: 'Windows' });
  });

  test('CreateImage: one mapping per attached volume, each a new snapshot of the same size and type', async () => {
    const { model, ec2, id } = await runningInstance({ BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 50, VolumeType: 'gp3' } }] });
    const { ImageId } = await ec2.createImage({ InstanceId: id, Name: 'disks' });
    const img = (await ec2.describeImages({ ImageIds: [ImageId!] })).Images![0];
    expect(img.BlockDeviceMappings!.map((b) => [b.DeviceName, b.Ebs!.VolumeSize, b.Ebs!.VolumeType])).toEqual([
      ['/dev/xvda', 8, 'gp3'],
      ['/dev/sdf', 50, 'gp3'],
    ]);
    const snapIds = img.BlockDeviceMappings!.map((b) => b.Ebs!.SnapshotId!);
    expect(snapIds.every((s) => /^snap-[0-9a-f]{17}$/.test(s))).toBe(true);
    const snaps = await ec2.describeSnapshots({ OwnerIds: ['self'] });
    expect(snaps.Snapshots!.map((s) => s.SnapshotId).sort()).toEqual([...snapIds].sort());
    expect(snaps.Snapshots![0].Description).toBe(`Created by CreateImage(${id}) for ${ImageId}`);
    expect(snaps.Snapshots![0].State).toBe('pending');
    model.clock.advance(30_000);
    expect((await ec2.describeSnapshots({ SnapshotIds: [snapIds[1]] })).Snapshots![0]).toMatchObject({ State: 'completed', VolumeSize: 50 });
  });

  test('CreateImage: TagSpecifications accept only image and snapshot', async () => {
    const { model, ec2, id } = await runningInstance();
    await expectNoChange(
      model,
      () => ec2.createImage({ InstanceId: id, Name: 'tagged', TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'a', Value: 'b' }] }] }),
      'InvalidParameterValue',
    );
    const { ImageId } = await ec2.createImage({
      InstanceId: id,
      Name: 'tagged',
      TagSpecifications: [
        { ResourceType: 'image', Tags: [{ Key: 'release', Value: '1' }] },
        { ResourceType: 'snapshot', Tags: [{ Key: 'kind', Value: 'root' }] },
      ],
    });
    expect((await ec2.describeImages({ ImageIds: [ImageId!] })).Images![0].Tags).toEqual([{ Key: 'release', Value: '1' }]);
    expect((await ec2.describeSnapshots({ Filters: [{ Name: 'tag:kind', Values: ['root'] }] })).Snapshots).toHaveLength(1);
  });

  test('CreateImage: NoReboot false reboots the instance, NoReboot true does not', async () => {
    const { model, ec2, id } = await runningInstance();
    const events: string[] = [];
    model.subscribe((e) => events.push(e.type));
    await ec2.createImage({ InstanceId: id, Name: 'with-reboot' });
    expect(events).toContain('instance-rebooted');
    events.length = 0;
    await ec2.createImage({ InstanceId: id, Name: 'no-reboot', NoReboot: true });
    expect(events).not.toContain('instance-rebooted');
  });

  test('CreateImage: DryRun changes nothing', async () => {
    const { model, ec2, id } = await runningInstance();
    await expectNoChange(model, () => ec2.createImage({ InstanceId: id, Name: 'dry', DryRun: true }), 'DryRunOperation', 412);
  });

  test('CreateImage: BlockDeviceMappings can drop a data volume, grow one, or add an empty one', async () => {
    const { model, ec2, id } = await runningInstance({ BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 10 } }] });
    const { ImageId } = await ec2.createImage({
      InstanceId: id,
      Name: 'reshaped',
      BlockDeviceMappings: [
        { DeviceName: '/dev/sdf', NoDevice: '' },
        { DeviceName: '/dev/xvda', Ebs: { VolumeSize: 20 } },
        { DeviceName: '/dev/sdg', Ebs: { VolumeSize: 5, VolumeType: 'gp3' } },
      ],
    });
    const img = (await ec2.describeImages({ ImageIds: [ImageId!] })).Images![0];
    expect(img.BlockDeviceMappings!.map((b) => [b.DeviceName, b.Ebs!.VolumeSize])).toEqual([
      ['/dev/xvda', 20],
      ['/dev/sdg', 5],
    ]);
    await expectNoChange(model, () => ec2.createImage({ InstanceId: id, Name: 'no-root', BlockDeviceMappings: [{ DeviceName: '/dev/xvda', NoDevice: '' }] }), 'InvalidParameterCombination');
    await expectNoChange(model, () => ec2.createImage({ InstanceId: id, Name: 'shrunk', BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 2 } }] }), 'InvalidBlockDeviceMapping');
  });
});
