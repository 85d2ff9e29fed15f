// Key pairs, security groups and subnets at launch (src/mini-ec2/BEHAVIOUR.md, "RunInstances") and the networking calls: VPCs, subnets, regions, zones, tags.
import { describe, expect, test } from 'vitest';
import { expectEc2Error, expectNoChange, launch, setup } from './helpers.ts';

describe('Networking and access', () => {
  test('key pairs: create, describe, duplicate, delete', async () => {
    const { model, ec2 } = setup();
    const k = await ec2.createKeyPair({ KeyName: 'lab-key' });
    expect(k.KeyMaterial).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    expect(k.KeyFingerprint).toMatch(/^([0-9a-f]{2}:){19}[0-9a-f]{2}$/);
    await expectNoChange(model, () => ec2.createKeyPair({ KeyName: 'lab-key' }), 'InvalidKeyPair.Duplicate');
    const d = await ec2.describeKeyPairs({ KeyNames: ['lab-key'] });
    expect(d.KeyPairs).toEqual([expect.objectContaining({ KeyName: 'lab-key', KeyPairId: k.KeyPairId, KeyType: 'rsa' })]);
    await expectEc2Error(ec2.describeKeyPairs({ KeyNames: ['other'] }), 'InvalidKeyPair.NotFound', "The key pair 'other' does not exist");
    await ec2.deleteKeyPair({ KeyName: 'lab-key' });
    expect((await ec2.describeKeyPairs()).KeyPairs).toEqual([]);
    const ed = await ec2.createKeyPair({ KeyName: 'ed', KeyType: 'ed25519' });
    expect(ed.KeyMaterial).toMatch(/OPENSSH PRIVATE KEY/);
  });

  test('security groups: create, ingress rules, duplicates, describe by id, name and filter', async () => {
    const { model, ec2 } = setup();
    const g = await ec2.createSecurityGroup({ GroupName: 'web', Description: 'web tier' });
    await expectNoChange(model, () => ec2.createSecurityGroup({ GroupName: 'web', Description: 'again' }), 'InvalidGroup.Duplicate');
    const rules = await ec2.authorizeSecurityGroupIngress({
      GroupId: g.GroupId,
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'http' }] },
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '203.0.113.0/24' }] },
      ],
    });
    expect(rules.Return).toBe(true);
    expect(rules.SecurityGroupRules!.map((r) => r.SecurityGroupRuleId)).toEqual([expect.stringMatching(/^sgr-/), expect.stringMatching(/^sgr-/)]);
    await expectNoChange(
      model,
      () => ec2.authorizeSecurityGroupIngress({ GroupId: g.GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }),
      'InvalidPermission.Duplicate',
    );
    await expectNoChange(model, () => ec2.authorizeSecurityGroupIngress({ GroupId: g.GroupId, CidrIp: '999.0.0.0/8', IpProtocol: 'tcp', FromPort: 1, ToPort: 2 }), 'InvalidParameterValue');
    await ec2.authorizeSecurityGroupIngress({ GroupName: 'web', CidrIp: '10.0.0.0/8', IpProtocol: 'tcp', FromPort: 443, ToPort: 443 });
    const d = await ec2.describeSecurityGroups({ GroupIds: [g.GroupId!] });
    const perms = d.SecurityGroups![0].IpPermissions!;
    expect(perms.map((p) => p.FromPort).sort()).toEqual([22, 443, 80]);
    expect(perms.find((p) => p.FromPort === 80)!.IpRanges).toEqual([{ CidrIp: '0.0.0.0/0', Description: 'http' }]);
    const byFilter = await ec2.describeSecurityGroups({ Filters: [{ Name: 'ip-permission.from-port', Values: ['22'] }] });
    expect(byFilter.SecurityGroups!.map((s) => s.GroupName)).toEqual(['web']);
    expect((await ec2.describeSecurityGroups({ GroupNames: ['default'] })).SecurityGroups).toHaveLength(1);
    await expectEc2Error(ec2.describeSecurityGroups({ GroupIds: ['sg-0000000000000000a'] }), 'InvalidGroup.NotFound');
    await expectEc2Error(ec2.describeSecurityGroups({ GroupIds: ['sg-?'] }), 'InvalidGroupId.Malformed');
  });

  test('VPCs and subnets: one default VPC and one default subnet per AZ', async () => {
    const { ec2 } = setup();
    const vpcs = (await ec2.describeVpcs()).Vpcs!;
    expect(vpcs).toHaveLength(1);
    expect(vpcs[0]).toMatchObject({ IsDefault: true, CidrBlock: '172.31.0.0/16', State: 'available' });
    const subnets = (await ec2.describeSubnets({ Filters: [{ Name: 'vpc-id', Values: [vpcs[0].VpcId!] }] })).Subnets!;
    expect(subnets.map((s) => s.AvailabilityZone)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'].map((l) => `us-east-1${l}`));
    expect(subnets.every((s) => s.DefaultForAz && s.CidrBlock!.endsWith('/20'))).toBe(true);
    const before = subnets[0].AvailableIpAddressCount!;
    await launch(ec2, { SubnetId: subnets[0].SubnetId });
    expect((await ec2.describeSubnets({ SubnetIds: [subnets[0].SubnetId!] })).Subnets![0].AvailableIpAddressCount).toBe(before - 1);
    await expectEc2Error(ec2.describeVpcs({ VpcIds: ['vpc-00000000'] }), 'InvalidVpcID.NotFound');
  });

  test('regions and Availability Zones', async () => {
    const { model, ec2 } = setup();
    const regions = (await ec2.describeRegions()).Regions!.map((r) => r.RegionName);
    expect(regions).toEqual(model.regions);
    expect((await ec2.describeRegions({ RegionNames: ['eu-west-1'] })).Regions![0].Endpoint).toBe('ec2.eu-west-1.amazonaws.com');
    const zones = (await model.client('sa-east-1').describeAvailabilityZones()).AvailabilityZones!;
    expect(zones.map((z) => [z.ZoneName, z.ZoneId, z.State])).toEqual([
      ['sa-east-1a', 'sae1-az1', 'available'],
      ['sa-east-1b', 'sae1-az2', 'available'],
      ['sa-east-1c', 'sae1-az3', 'available'],
    ]);
    await expectEc2Error(ec2.describeAvailabilityZones({ ZoneNames: ['sa-east-1a'] }), 'InvalidParameterValue');
  });

  test('createTags and deleteTags over instances, images (own and public), volumes and groups', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    const vol = (await ec2.describeVolumes()).Volumes![0].VolumeId!;
    const pub = (await ec2.describeImages({ Owners: ['amazon'] })).Images![0].ImageId!;
    await ec2.createTags({ Resources: [id, vol, pub], Tags: [{ Key: 'env', Value: 'lab' }] });
    expect((await ec2.describeInstances({ Filters: [{ Name: 'tag:env', Values: ['lab'] }] })).Reservations).toHaveLength(1);
    expect((await ec2.describeVolumes({ Filters: [{ Name: 'tag-key', Values: ['env'] }] })).Volumes).toHaveLength(1);
    expect((await ec2.describeImages({ ImageIds: [pub] })).Images![0].Tags).toEqual([{ Key: 'env', Value: 'lab' }]);
    // Tags on a public image are this account's own: another model (account) does not see them.
    expect((await setup().ec2.describeImages({ ImageIds: [pub] })).Images![0].Tags).toBeUndefined();
    await ec2.createTags({ Resources: [id], Tags: [{ Key: 'env', Value: 'prod' }] });
    expect((await ec2.describeInstances({ InstanceIds: [id] })).Reservations![0].Instances![0].Tags).toEqual([{ Key: 'env', Value: 'prod' }]);
    await expectNoChange(model, () => ec2.createTags({ Resources: [id, 'i-0000000000000000e'], Tags: [{ Key: 'a', Value: 'b' }] }), 'InvalidInstanceID.NotFound');
    await expectNoChange(model, () => ec2.createTags({ Resources: [id], Tags: [{ Key: 'aws:reserved', Value: 'x' }] }), 'InvalidParameterValue');
    await expectNoChange(model, () => ec2.createTags({ Resources: ['banana-123'], Tags: [{ Key: 'a', Value: 'b' }] }), 'InvalidID');
    const fifty = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await expectNoChange(model, () => ec2.createTags({ Resources: [id], Tags: fifty }), 'TagLimitExceeded');
    await ec2.deleteTags({ Resources: [id], Tags: [{ Key: 'env' }] });
    expect((await ec2.describeInstances({ InstanceIds: [id] })).Reservations![0].Instances![0].Tags).toBeUndefined();
  });
});
