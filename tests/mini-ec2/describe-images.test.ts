// DescribeImages, DeregisterImage, CopyImage (src/mini-ec2/BEHAVIOUR.md, "DescribeImages, DeregisterImage, CopyImage").
import { describe, expect, test } from 'vitest';
import { OWNERS } from '../../src/mini-ec2/index.ts';
import { expectEc2Error, expectNoChange, launch, setup } from './helpers.ts';

async function withOwnImage() {
  const s = setup();
  const id = await launch(s.ec2);
  s.model.clock.advance(5000);
  const { ImageId } = await s.ec2.createImage({ InstanceId: id, Name: 'mine-v1', TagSpecifications: [{ ResourceType: 'image', Tags: [{ Key: 'team', Value: 'web' }] }] });
  s.model.clock.advance(30_000);
  return { ...s, instanceId: id, imageId: ImageId! };
}

describe('DescribeImages', () => {
  test('DescribeImages: without arguments, every launchable image: own and public', async () => {
    const { ec2, imageId } = await withOwnImage();
    const all = (await ec2.describeImages()).Images!;
    expect(all.some((i) => i.ImageId === imageId)).toBe(true);
    expect(all.length).toBeGreaterThan(250);
    expect(all.every((i) => i.Public || i.OwnerId === '123456789012')).toBe(true);
  });

  test('DescribeImages: Owners self, amazon, aws-marketplace and account IDs', async () => {
    const { ec2, imageId } = await withOwnImage();
    expect((await ec2.describeImages({ Owners: ['self'] })).Images!.map((i) => i.ImageId)).toEqual([imageId]);
    const amazon = (await ec2.describeImages({ Owners: ['amazon'] })).Images!;
    expect(amazon.length).toBeGreaterThan(50);
    expect(amazon.every((i) => i.ImageOwnerAlias === 'amazon')).toBe(true);
    const mp = (await ec2.describeImages({ Owners: ['aws-marketplace'] })).Images!;
    expect(mp.length).toBeGreaterThan(10);
    expect(mp.every((i) => i.ImageOwnerAlias === 'aws-marketplace' && i.ProductCodes![0].ProductCodeType === 'marketplace')).toBe(true);
    const canonical = (await ec2.describeImages({ Owners: [OWNERS.canonical] })).Images!;
    expect(canonical.length).toBeGreaterThan(10);
    expect(canonical.every((i) => i.OwnerId === OWNERS.canonical && i.ImageOwnerAlias === undefined)).toBe(true);
    const both = (await ec2.describeImages({ Owners: ['self', 'aws-marketplace'] })).Images!;
    expect(both.length).toBe(mp.length + 1);
  });

  test('DescribeImages: a malformed owner is InvalidUserID.Malformed', async () => {
    const { ec2 } = setup();
    await expectEc2Error(ec2.describeImages({ Owners: ['amazonn'] }), 'InvalidUserID.Malformed');
    await expectEc2Error(ec2.describeImages({ Owners: ['12345'] }), 'InvalidUserID.Malformed');
  });

  test('DescribeImages: ExecutableUsers all means public', async () => {
    const { ec2, imageId } = await withOwnImage();
    const pub = (await ec2.describeImages({ ExecutableUsers: ['all'], Owners: ['amazon', 'self'] })).Images!;
    expect(pub.some((i) => i.ImageId === imageId)).toBe(false);
    expect(pub.every((i) => i.Public)).toBe(true);
  });

  test('DescribeImages: all criteria intersect (ImageIds, Owners and Filters together)', async () => {
    const { ec2, imageId } = await withOwnImage();
    const amazonId = (await ec2.describeImages({ Owners: ['amazon'] })).Images![0].ImageId!;
    const r = await ec2.describeImages({ ImageIds: [imageId, amazonId], Owners: ['self'] });
    expect(r.Images!.map((i) => i.ImageId)).toEqual([imageId]);
    const f = await ec2.describeImages({ ImageIds: [imageId, amazonId], Filters: [{ Name: 'is-public', Values: ['true'] }] });
    expect(f.Images!.map((i) => i.ImageId)).toEqual([amazonId]);
  });

  test('DescribeImages: values of one filter OR, separate filters AND', async () => {
    const { ec2 } = setup();
    const or = (await ec2.describeImages({ Filters: [{ Name: 'architecture', Values: ['arm64', 'x86_64'] }] })).Images!;
    const arm = (await ec2.describeImages({ Filters: [{ Name: 'architecture', Values: ['arm64'] }] })).Images!;
    const x86 = (await ec2.describeImages({ Filters: [{ Name: 'architecture', Values: ['x86_64'] }] })).Images!;
    expect(or.length).toBe(arm.length + x86.length);
    const and = (await ec2.describeImages({ Filters: [{ Name: 'architecture', Values: ['arm64'] }, { Name: 'platform', Values: ['windows'] }] })).Images!;
    expect(and).toEqual([]);
  });

  test('DescribeImages: names and values are case-sensitive; * ? and \\ escapes', async () => {
    const { ec2 } = setup();
    const names = async (pattern: string) => (await ec2.describeImages({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: [pattern] }] })).Images!.map((i) => i.Name!);
    expect((await names('al2023-ami-2023*')).length).toBeGreaterThan(10);
    expect(await names('AL2023-AMI-2023*')).toEqual([]);
    const q = await names('al2023-ami-2023.9.2026010?.0-kernel-6.1-x86_64');
    expect(q).toEqual(['al2023-ami-2023.9.20260108.0-kernel-6.1-x86_64']);
    expect(await names('al2023-ami-2023.9.2026010\\?.0-kernel-6.1-x86_64')).toEqual([]);
    expect(await names('al2023-ami-2023\\*')).toEqual([]);
    await expectEc2Error(ec2.describeImages({ Filters: [{ Name: 'Name', Values: ['x'] }] }), 'InvalidParameterValue', "The filter 'Name' is invalid");
  });

  test('DescribeImages: every filter of the spec is supported', async () => {
    const { ec2, imageId, instanceId } = await withOwnImage();
    const own = (await ec2.describeImages({ ImageIds: [imageId] })).Images![0];
    const snap = own.BlockDeviceMappings![0].Ebs!.SnapshotId!;
    const cases: [string, string][] = [
      ['architecture', 'x86_64'],
      ['block-device-mapping.snapshot-id', snap],
      ['block-device-mapping.volume-size', '8'],
      ['block-device-mapping.volume-type', 'gp3'],
      ['block-device-mapping.device-name', '/dev/xvda'],
      ['block-device-mapping.delete-on-termination', 'true'],
      ['creation-date', '2026-01-15T09:00:05*'],
      ['image-id', imageId],
      ['image-type', 'machine'],
      ['is-public', 'false'],
      ['name', 'mine-v1'],
      ['owner-id', '123456789012'],
      ['root-device-type', 'ebs'],
      ['source-instance-id', instanceId],
      ['state', 'available'],
      ['tag:team', 'web'],
      ['tag-key', 'team'],
      ['virtualization-type', 'hvm'],
    ];
    for (const [Name, value] of cases) {
      const r = await ec2.describeImages({ Owners: ['self'], Filters: [{ Name, Values: [value] }] });
      expect(r.Images!.map((i) => i.ImageId), Name).toEqual([imageId]);
    }
    const desc = await ec2.describeImages({ Owners: ['amazon'], Filters: [{ Name: 'description', Values: ['Amazon Linux 2023 AMI*'] }] });
    expect(desc.Images!.length).toBeGreaterThan(5);
    expect((await ec2.describeImages({ Filters: [{ Name: 'owner-alias', Values: ['aws-marketplace'] }] })).Images!.length).toBeGreaterThan(10);
    expect((await ec2.describeImages({ Filters: [{ Name: 'platform', Values: ['windows'] }] })).Images!.every((i) => i.Platform === 'windows')).toBe(true);
    const mp = (await ec2.describeImages({ Owners: ['aws-marketplace'] })).Images![0];
    const code = mp.ProductCodes![0].ProductCodeId!;
    expect((await ec2.describeImages({ Filters: [{ Name: 'product-code', Values: [code] }] })).Images!.every((i) => i.ProductCodes![0].ProductCodeId === code)).toBe(true);
  });

  test('DescribeImages: a malformed ID fails naming the first bad one; unknown IDs fail even with known ones', async () => {
    const { ec2, imageId } = await withOwnImage();
    await expectEc2Error(ec2.describeImages({ ImageIds: [imageId, 'ami-bad1', 'ami-bad2'] }), 'InvalidAMIID.Malformed', 'Invalid id: "ami-bad1" (expecting "ami-...")');
    await expectEc2Error(ec2.describeImages({ ImageIds: [imageId, 'ami-0000000000000000a'] }), 'InvalidAMIID.NotFound', "The image id '[ami-0000000000000000a]' does not exist");
    await expectEc2Error(
      ec2.describeImages({ ImageIds: ['ami-0000000000000000a', imageId, 'ami-0000000000000000b'] }),
      'InvalidAMIID.NotFound',
      "The image ids '[ami-0000000000000000a, ami-0000000000000000b]' do not exist",
    );
  });

  test('DescribeImages: filters or owners that match nothing give an empty list', async () => {
    const { ec2 } = setup();
    expect((await ec2.describeImages({ Owners: ['111111111111'] })).Images).toEqual([]);
    expect((await ec2.describeImages({ Filters: [{ Name: 'name', Values: ['no-such-image-*'] }] })).Images).toEqual([]);
  });

  test('DescribeImages: MaxResults and NextToken page through the results', async () => {
    const { ec2 } = setup();
    const all = (await ec2.describeImages({ Owners: ['amazon'] })).Images!.map((i) => i.ImageId);
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await ec2.describeImages({ Owners: ['amazon'], MaxResults: 50, NextToken: token });
      expect(page.Images!.length).toBeLessThanOrEqual(50);
      seen.push(...page.Images!.map((i) => i.ImageId!));
      token = page.NextToken;
    } while (token);
    expect(seen).toEqual(all);
    await expectEc2Error(ec2.describeImages({ MaxResults: 2 }), 'InvalidParameterValue');
    await expectEc2Error(ec2.describeImages({ NextToken: 'garbage' }), 'InvalidPaginationToken');
  });

  test('DescribeImages: deprecated images are hidden unless IncludeDeprecated or asked for by ID', async () => {
    const { ec2 } = setup();
    const without = (await ec2.describeImages({ Owners: ['amazon'] })).Images!;
    const withDep = (await ec2.describeImages({ Owners: ['amazon'], IncludeDeprecated: true })).Images!;
    expect(withDep.length).toBeGreaterThan(without.length);
    const dep = withDep.find((i) => Date.parse(i.DeprecationTime!) <= Date.UTC(2026, 0, 15, 9))!;
    expect((await ec2.describeImages({ ImageIds: [dep.ImageId!] })).Images).toHaveLength(1);
  });

  test('DescribeImages: ImageOwnerAlias is absent on customer images', async () => {
    const { ec2, imageId } = await withOwnImage();
    const own = (await ec2.describeImages({ ImageIds: [imageId] })).Images![0];
    expect('ImageOwnerAlias' in own).toBe(false);
  });
});

describe('DeregisterImage', () => {
  test('DeregisterImage: instances keep running with their ImageId; snapshots stay', async () => {
    const { model, ec2, imageId } = await withOwnImage();
    const clone = (await ec2.runInstances({ ImageId: imageId, MinCount: 1, MaxCount: 1 })).Instances![0].InstanceId!;
    model.clock.advance(5000);
    const snaps = (await ec2.describeSnapshots({ OwnerIds: ['self'] })).Snapshots!.length;
    expect((await ec2.deregisterImage({ ImageId: imageId })).Return).toBe(true);
    const i = (await ec2.describeInstances({ InstanceIds: [clone] })).Reservations![0].Instances![0];
    expect(i.State!.Name).toBe('running');
    expect(i.ImageId).toBe(imageId);
    expect((await ec2.describeSnapshots({ OwnerIds: ['self'] })).Snapshots!.length).toBe(snaps);
  });

  test('DeregisterImage: a second call is InvalidAMIID.Unavailable; describe by ID is empty for a while', async () => {
    const { model, ec2, imageId } = await withOwnImage();
    await ec2.deregisterImage({ ImageId: imageId });
    await expectNoChange(model, () => ec2.deregisterImage({ ImageId: imageId }), 'InvalidAMIID.Unavailable');
    expect((await ec2.describeImages({ ImageIds: [imageId] })).Images).toEqual([]);
    expect((await ec2.describeImages({ Owners: ['self'] })).Images).toEqual([]);
    model.clock.advance(3_600_000);
    await expectEc2Error(ec2.describeImages({ ImageIds: [imageId] }), 'InvalidAMIID.NotFound');
  });

  test('DeregisterImage: only the owner may deregister', async () => {
    const { model, ec2 } = setup();
    const amazonId = (await ec2.describeImages({ Owners: ['amazon'] })).Images![0].ImageId!;
    await expectNoChange(model, () => ec2.deregisterImage({ ImageId: amazonId }), 'AuthFailure');
    await expectEc2Error(ec2.deregisterImage({ ImageId: 'ami-zzz' }), 'InvalidAMIID.Malformed');
    await expectEc2Error(ec2.deregisterImage({ ImageId: 'ami-0000000000000000c' }), 'InvalidAMIID.NotFound');
  });

  test('DeregisterImage: the name can be used again afterwards', async () => {
    const { ec2, imageId, instanceId } = await withOwnImage();
    await ec2.deregisterImage({ ImageId: imageId });
    const again = await ec2.createImage({ InstanceId: instanceId, Name: 'mine-v1' });
    expect(again.ImageId).not.toBe(imageId);
  });
});

describe('CopyImage', () => {
  test('CopyImage: a new ID in the destination, pending then available, owned by the caller, with source fields', async () => {
    const { model, imageId } = await withOwnImage();
    const eu = model.client('eu-west-1');
    const { ImageId } = await eu.copyImage({ SourceImageId: imageId, SourceRegion: 'us-east-1', Name: 'mine-v1-eu' });
    expect(ImageId).toMatch(/^ami-[0-9a-f]{17}$/);
    expect(ImageId).not.toBe(imageId);
    const copy = async () => (await eu.describeImages({ ImageIds: [ImageId!] })).Images![0];
    expect(await copy()).toMatchObject({ State: 'pending', OwnerId: '123456789012', SourceImageId: imageId, SourceImageRegion: 'us-east-1', Name: 'mine-v1-eu' });
    model.clock.advance(30_000);
    expect((await copy()).State).toBe('available');
    const clone = await eu.runInstances({ ImageId, MinCount: 1, MaxCount: 1 });
    expect(clone.Instances![0].Placement!.AvailabilityZone).toMatch(/^eu-west-1/);
  });

  test('CopyImage: a public catalog image can be copied; unknown source images and regions fail', async () => {
    const { model, ec2 } = setup();
    const amazonId = (await ec2.describeImages({ Owners: ['amazon'] })).Images![0].ImageId!;
    const west = model.client('us-west-2');
    await west.copyImage({ SourceImageId: amazonId, SourceRegion: 'us-east-1', Name: 'my-al2023' });
    await expectNoChange(model, () => west.copyImage({ SourceImageId: amazonId, SourceRegion: 'us-west-2', Name: 'wrong-region' }), 'InvalidAMIID.NotFound');
    await expectNoChange(model, () => west.copyImage({ SourceImageId: amazonId, SourceRegion: 'moon-1', Name: 'x-y-z' }), 'InvalidParameterValue');
    await expectEc2Error(west.copyImage({ SourceImageId: amazonId, SourceRegion: 'us-east-1' } as never), 'MissingParameter');
  });
});
