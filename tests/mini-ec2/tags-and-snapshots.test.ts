// DescribeTags, DescribeSnapshots and DeleteSnapshot (src/mini-ec2/BEHAVIOUR.md, "Tags" and "Snapshots").
import { describe, expect, test } from 'vitest';
import { expectEc2Error, expectNoChange, launch, setup } from './helpers.ts';

async function imageWithSnapshot() {
  const { model, ec2 } = setup();
  const id = await launch(ec2);
  model.clock.advance(5000);
  const { ImageId } = await ec2.createImage({ InstanceId: id, Name: 'web-1', NoReboot: true });
  model.clock.advance(30_000);
  const image = (await ec2.describeImages({ ImageIds: [ImageId!] })).Images![0];
  const snapshotId = image.BlockDeviceMappings![0].Ebs!.SnapshotId!;
  return { model, ec2, instanceId: id, imageId: ImageId!, snapshotId };
}

describe('DescribeTags', () => {
  // EC2 API reference, DescribeTags: filters key, value, resource-id, resource-type, tag:<key>; one entry per tag.
  test('lists one entry per tag with the resource type, and filters by key, value, resource-id, resource-type', async () => {
    const { ec2 } = setup();
    const a = await launch(ec2, { TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }, { Key: 'env', Value: 'prod' }] }] });
    const { KeyPairId } = await ec2.createKeyPair({ KeyName: 'k', TagSpecifications: [{ ResourceType: 'key-pair', Tags: [{ Key: 'env', Value: 'dev' }] }] });
    const all = await ec2.describeTags();
    expect(all.Tags).toEqual(
      expect.arrayContaining([
        { Key: 'Name', ResourceId: a, ResourceType: 'instance', Value: 'web' },
        { Key: 'env', ResourceId: a, ResourceType: 'instance', Value: 'prod' },
        { Key: 'env', ResourceId: KeyPairId, ResourceType: 'key-pair', Value: 'dev' },
      ]),
    );
    const env = await ec2.describeTags({ Filters: [{ Name: 'key', Values: ['env'] }, { Name: 'resource-type', Values: ['instance'] }] });
    expect(env.Tags).toEqual([{ Key: 'env', ResourceId: a, ResourceType: 'instance', Value: 'prod' }]);
    const byValue = await ec2.describeTags({ Filters: [{ Name: 'value', Values: ['d*'] }] });
    expect(byValue.Tags!.map((t) => t.ResourceId)).toEqual([KeyPairId]);
    const byId = await ec2.describeTags({ Filters: [{ Name: 'resource-id', Values: [a] }] });
    expect(byId.Tags!.map((t) => t.Key).sort()).toEqual(['Name', 'env']);
    const byTag = await ec2.describeTags({ Filters: [{ Name: 'tag:Name', Values: ['web'] }] });
    expect(byTag.Tags!.map((t) => t.Key).sort()).toEqual(['Name', 'env']);
    await expectEc2Error(ec2.describeTags({ Filters: [{ Name: 'colour', Values: ['x'] }] }), 'InvalidParameterValue', "The filter 'colour' is invalid");
  });

  test('MaxResults pages the list', async () => {
    const { ec2 } = setup();
    await launch(ec2, { TagSpecifications: [{ ResourceType: 'instance', Tags: Array.from({ length: 7 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) }] });
    const first = await ec2.describeTags({ MaxResults: 5 });
    expect(first.Tags).toHaveLength(5);
    const rest = await ec2.describeTags({ MaxResults: 5, NextToken: first.NextToken });
    expect(rest.Tags).toHaveLength(2);
    expect(rest.NextToken).toBeUndefined();
  });
});

describe('Snapshots', () => {
  test('DescribeSnapshots by ID, by owner (self) and by filter', async () => {
    const { ec2, snapshotId } = await imageWithSnapshot();
    expect((await ec2.describeSnapshots({ SnapshotIds: [snapshotId] })).Snapshots!.map((s) => s.SnapshotId)).toEqual([snapshotId]);
    expect((await ec2.describeSnapshots({ OwnerIds: ['self'] })).Snapshots!.map((s) => s.SnapshotId)).toEqual([snapshotId]);
    expect((await ec2.describeSnapshots({ Filters: [{ Name: 'status', Values: ['completed'] }] })).Snapshots!.length).toBe(1);
    await expectEc2Error(ec2.describeSnapshots({ SnapshotIds: ['snap-0123456789abcdef0'] }), 'InvalidSnapshot.NotFound');
  });

  // Real answer, quoted in Answers4AWS/backup-monkey#10 and gruntwork-io/cloud-nuke#727:
  // "InvalidSnapshot.InUse: The snapshot snap-0862ddc0c9d4ddf2a is currently in use by ami-073ea150746f0b1e5"
  test('DeleteSnapshot of a snapshot a registered image uses is InvalidSnapshot.InUse and changes nothing', async () => {
    const { model, ec2, imageId, snapshotId } = await imageWithSnapshot();
    await expectNoChange(model, () => ec2.deleteSnapshot({ SnapshotId: snapshotId }), 'InvalidSnapshot.InUse');
    await expectEc2Error(ec2.deleteSnapshot({ SnapshotId: snapshotId }), 'InvalidSnapshot.InUse', `The snapshot ${snapshotId} is currently in use by ${imageId}`);
  });

  // EC2 user guide, "Deregister an AMI": deregistering does not delete the snapshots; they keep costing until deleted.
  test('DeregisterImage leaves the snapshot; then DeleteSnapshot removes it', async () => {
    const { ec2, imageId, snapshotId } = await imageWithSnapshot();
    await ec2.deregisterImage({ ImageId: imageId });
    expect((await ec2.describeSnapshots({ SnapshotIds: [snapshotId] })).Snapshots).toHaveLength(1);
    await expectEc2Error(ec2.deleteSnapshot({ SnapshotId: snapshotId, DryRun: true }), 'DryRunOperation', undefined, 412);
    await ec2.deleteSnapshot({ SnapshotId: snapshotId });
    expect((await ec2.describeSnapshots({ OwnerIds: ['self'] })).Snapshots).toEqual([]);
    await expectEc2Error(ec2.deleteSnapshot({ SnapshotId: snapshotId }), 'InvalidSnapshot.NotFound');
    await expectEc2Error(ec2.deleteSnapshot({ SnapshotId: 'snapshot-1' }), 'InvalidSnapshotID.Malformed');
    await expectEc2Error(ec2.deleteSnapshot({}), 'MissingParameter');
  });
});
