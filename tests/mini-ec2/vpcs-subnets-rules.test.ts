// VPCs, subnets, security groups and their rules (src/mini-ec2/BEHAVIOUR.md, "The network").
// Sources, named per test: the EC2 API reference (CreateVpc, CreateSubnet, RevokeSecurityGroupIngress,
// DeleteSecurityGroup, SecurityGroupRule), botocore's ec2 service-2.json (shapes, filter names, the
// 5..1000 MaxResults of DescribeSecurityGroupRules) and real error responses quoted in public issues.
import { describe, expect, test } from 'vitest';
import { expectEc2Error, expectNoChange, launch, setup } from './helpers.ts';

async function network() {
  const { model, ec2 } = setup();
  const { Vpc } = await ec2.createVpc({ CidrBlock: '10.0.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'cats' }] }] });
  const { Subnet } = await ec2.createSubnet({ VpcId: Vpc!.VpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1b' });
  return { model, ec2, vpcId: Vpc!.VpcId!, subnetId: Subnet!.SubnetId! };
}

describe('VPCs', () => {
  test('CreateVpc answers pending, then the VPC describes as available with its own default group', async () => {
    const { ec2, vpcId } = await network();
    const created = await setup().ec2.createVpc({ CidrBlock: '10.1.0.0/16' });
    // AWS CLI reference, create-vpc example output: "State": "pending".
    expect(created.Vpc).toMatchObject({ CidrBlock: '10.1.0.0/16', State: 'pending', IsDefault: false, InstanceTenancy: 'default' });
    const [vpc] = (await ec2.describeVpcs({ VpcIds: [vpcId] })).Vpcs!;
    expect(vpc).toMatchObject({ VpcId: vpcId, State: 'available', Tags: [{ Key: 'Name', Value: 'cats' }] });
    expect((await ec2.describeVpcs({ Filters: [{ Name: 'is-default', Values: ['false'] }] })).Vpcs!.map((v) => v.VpcId)).toEqual([vpcId]);
    // EC2 User Guide, "Default security groups for your VPCs": every VPC gets a group named default.
    const groups = (await ec2.describeSecurityGroups({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] })).SecurityGroups!;
    expect(groups.map((g) => g.GroupName)).toEqual(['default']);
    expect(groups[0].IpPermissions![0].UserIdGroupPairs![0].GroupId).toBe(groups[0].GroupId);
  });

  test('a VPC block is /16 to /28: InvalidVpc.Range otherwise, InvalidParameterValue when malformed', async () => {
    const { model, ec2 } = setup();
    // Real response quoted in grycap/im#1011: <Code>InvalidVpc.Range</Code><Message>The CIDR '10.0.0.0/8' is invalid.</Message>
    await expectNoChange(model, () => ec2.createVpc({ CidrBlock: '10.0.0.0/8' }), 'InvalidVpc.Range');
    await expectEc2Error(ec2.createVpc({ CidrBlock: '10.0.0.0/8' }), 'InvalidVpc.Range', "The CIDR '10.0.0.0/8' is invalid.");
    await expectEc2Error(ec2.createVpc({ CidrBlock: '10.0.0.0/29' }), 'InvalidVpc.Range');
    await expectEc2Error(ec2.createVpc({ CidrBlock: '10.0.0/16' }), 'InvalidParameterValue', /10\.0\.0\/16.*not a valid CIDR block/);
    await expectEc2Error(ec2.createVpc({}), 'MissingParameter');
    expect((await ec2.createVpc({ CidrBlock: '192.168.0.0/28' })).Vpc!.CidrBlock).toBe('192.168.0.0/28');
  });

  test('DeleteVpc: DependencyViolation while it holds a subnet or a group, then it goes with its default group', async () => {
    const { model, ec2, vpcId, subnetId } = await network();
    const { GroupId } = await ec2.createSecurityGroup({ GroupName: 'web', Description: 'web', VpcId: vpcId });
    // Real response quoted in terraform-aws-modules/terraform-aws-vpc#540.
    await expectNoChange(model, () => ec2.deleteVpc({ VpcId: vpcId }), 'DependencyViolation');
    await expectEc2Error(ec2.deleteVpc({ VpcId: vpcId }), 'DependencyViolation', `The vpc '${vpcId}' has dependencies and cannot be deleted.`);
    await ec2.deleteSubnet({ SubnetId: subnetId });
    await expectEc2Error(ec2.deleteVpc({ VpcId: vpcId }), 'DependencyViolation');
    await ec2.deleteSecurityGroup({ GroupId });
    await ec2.deleteVpc({ VpcId: vpcId });
    await expectEc2Error(ec2.describeVpcs({ VpcIds: [vpcId] }), 'InvalidVpcID.NotFound');
    expect((await ec2.describeSecurityGroups({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] })).SecurityGroups).toEqual([]);
    await expectEc2Error(ec2.deleteVpc({ VpcId: 'vpc-zz' }), 'InvalidVpcID.Malformed');
  });
});

describe('subnets', () => {
  test('CreateSubnet: inside the VPC, one zone, no public addresses until MapPublicIpOnLaunch is turned on', async () => {
    const { ec2, vpcId, subnetId } = await network();
    const [s] = (await ec2.describeSubnets({ SubnetIds: [subnetId] })).Subnets!;
    // CreateSubnet (API reference): AWS reserves the first four and the last address: a /24 leaves 251.
    expect(s).toMatchObject({ VpcId: vpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1b', AvailabilityZoneId: 'use1-az2' });
    expect(s).toMatchObject({ AvailableIpAddressCount: 251, DefaultForAz: false, MapPublicIpOnLaunch: false, State: 'available' });
    await ec2.modifySubnetAttribute({ SubnetId: subnetId, MapPublicIpOnLaunch: { Value: true } });
    expect((await ec2.describeSubnets({ Filters: [{ Name: 'map-public-ip-on-launch', Values: ['true'] }, { Name: 'vpc-id', Values: [vpcId] }] })).Subnets!.map((x) => x.SubnetId)).toEqual([subnetId]);
  });

  test('InvalidSubnet.Range outside the VPC block, InvalidSubnet.Conflict over another subnet, zone checked', async () => {
    const { model, ec2, vpcId } = await network();
    // Real responses: pulumi/pulumi-awsx#111 ("InvalidSubnet.Range: The CIDR '10.10.1.0/24' is invalid.") and
    // LinkedInLearning/learning-terraform-3087701#148 ("InvalidSubnet.Conflict: The CIDR '10.0.102.0/24' conflicts with another subnet").
    await expectEc2Error(ec2.createSubnet({ VpcId: vpcId, CidrBlock: '10.10.1.0/24' }), 'InvalidSubnet.Range', "The CIDR '10.10.1.0/24' is invalid.");
    await expectEc2Error(ec2.createSubnet({ VpcId: vpcId, CidrBlock: '10.0.0.0/29' }), 'InvalidSubnet.Range');
    await expectNoChange(model, () => ec2.createSubnet({ VpcId: vpcId, CidrBlock: '10.0.0.0/20' }), 'InvalidSubnet.Conflict');
    await expectEc2Error(ec2.createSubnet({ VpcId: vpcId, CidrBlock: '10.0.1.128/25' }), 'InvalidSubnet.Conflict', "The CIDR '10.0.1.128/25' conflicts with another subnet");
    await expectEc2Error(ec2.createSubnet({ VpcId: vpcId, CidrBlock: '10.0.2.0/24', AvailabilityZone: 'us-east-1z' }), 'InvalidParameterValue', /Subnets can currently only be created in the following availability zones: us-east-1a, /);
    await expectEc2Error(ec2.createSubnet({ CidrBlock: '10.0.2.0/24' } as never), 'MissingParameter');
    await expectEc2Error(ec2.createSubnet({ VpcId: 'vpc-0000000000000000a', CidrBlock: '10.0.2.0/24' }), 'InvalidVpcID.NotFound');
    expect((await ec2.createSubnet({ VpcId: vpcId, CidrBlock: '10.0.2.0/28' })).Subnet!.AvailableIpAddressCount).toBe(11);
  });

  test('an instance in a subnet takes the fifth address of its block, a public one only where the subnet maps them', async () => {
    const { model, ec2, subnetId } = await network();
    const id = await launch(ec2, { SubnetId: subnetId });
    model.clock.advance(10_000);
    const i = (await ec2.describeInstances({ InstanceIds: [id] })).Reservations![0].Instances![0];
    expect(i).toMatchObject({ SubnetId: subnetId, PrivateIpAddress: '10.0.1.4', Placement: { AvailabilityZone: 'us-east-1b' } });
    expect(i.PublicIpAddress).toBeUndefined();
    expect((await ec2.describeSubnets({ SubnetIds: [subnetId] })).Subnets![0].AvailableIpAddressCount).toBe(250);
    // DeleteSubnet refuses while the instance lives (real message: chef-provisioning-aws#498).
    await expectEc2Error(ec2.deleteSubnet({ SubnetId: subnetId }), 'DependencyViolation', `The subnet '${subnetId}' has dependencies and cannot be deleted.`);
    await ec2.modifySubnetAttribute({ SubnetId: subnetId, MapPublicIpOnLaunch: { Value: true } });
    const second = await launch(ec2, { SubnetId: subnetId });
    model.clock.advance(10_000);
    const j = (await ec2.describeInstances({ InstanceIds: [second] })).Reservations![0].Instances![0];
    expect(j.PrivateIpAddress).toBe('10.0.1.5');
    expect(j.PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test('a /28 holds 11 instances; the twelfth finds no free address', async () => {
    const { ec2, vpcId } = await network();
    const { Subnet } = await ec2.createSubnet({ VpcId: vpcId, CidrBlock: '10.0.9.0/28' });
    const r = await ec2.runInstances({ ImageId: await (await import('./helpers.ts')).newestAl2023(ec2), MinCount: 11, MaxCount: 11, SubnetId: Subnet!.SubnetId });
    expect(r.Instances!.map((i) => i.PrivateIpAddress).at(-1)).toBe('10.0.9.14');
    await expectEc2Error(launch(ec2, { SubnetId: Subnet!.SubnetId }), 'InsufficientFreeAddressesInSubnet');
  });
});

describe('security groups and their rules', () => {
  test('a new group allows all traffic out and nothing in; its rules list with sgr- IDs and filters', async () => {
    const { ec2, vpcId } = await network();
    const { GroupId } = await ec2.createSecurityGroup({ GroupName: 'web', Description: 'web', VpcId: vpcId });
    const rules = (await ec2.describeSecurityGroupRules({ Filters: [{ Name: 'group-id', Values: [GroupId!] }] })).SecurityGroupRules!;
    // EC2 User Guide, "Security group rules": a new group has one outbound rule to 0.0.0.0/0, all protocols.
    expect(rules).toEqual([
      expect.objectContaining({ GroupId, IsEgress: true, IpProtocol: '-1', FromPort: -1, ToPort: -1, CidrIpv4: '0.0.0.0/0' }),
    ]);
    expect(rules[0].SecurityGroupRuleId).toMatch(/^sgr-[0-9a-f]{17}$/);
    const byId = await ec2.describeSecurityGroupRules({ SecurityGroupRuleIds: [rules[0].SecurityGroupRuleId!] });
    expect(byId.SecurityGroupRules).toEqual(rules);
    const filtered = await ec2.describeSecurityGroupRules({ Filters: [{ Name: 'security-group-rule-id', Values: [rules[0].SecurityGroupRuleId!] }] });
    expect(filtered.SecurityGroupRules).toEqual(rules);
    await expectEc2Error(ec2.describeSecurityGroupRules({ SecurityGroupRuleIds: ['sgr-0000000000000000a'] }), 'InvalidSecurityGroupRuleId.NotFound');
    await expectEc2Error(ec2.describeSecurityGroupRules({ SecurityGroupRuleIds: ['rule-1'] }), 'InvalidSecurityGroupRuleId.Malformed');
    await expectEc2Error(ec2.describeSecurityGroupRules({ Filters: [{ Name: 'port', Values: ['22'] }] }), 'InvalidParameterValue');
    // botocore: DescribeSecurityGroupRulesMaxResults is 5..1000.
    await expectEc2Error(ec2.describeSecurityGroupRules({ MaxResults: 2 }), 'InvalidParameterValue');
  });

  test('ingress and egress rules: IpPermissions, the flat form, a peer group, tags and the duplicate message', async () => {
    const { model, ec2, vpcId } = await network();
    const web = (await ec2.createSecurityGroup({ GroupName: 'web', Description: 'web', VpcId: vpcId })).GroupId!;
    const admin = (await ec2.createSecurityGroup({ GroupName: 'admin', Description: 'admin', VpcId: vpcId })).GroupId!;
    const added = await ec2.authorizeSecurityGroupIngress({
      GroupId: web,
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'http' }] },
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, UserIdGroupPairs: [{ GroupId: admin }] },
      ],
      TagSpecifications: [{ ResourceType: 'security-group-rule', Tags: [{ Key: 'app', Value: 'cats' }] }],
    });
    expect(added.SecurityGroupRules![1]).toMatchObject({ IsEgress: false, FromPort: 22, ReferencedGroupInfo: { GroupId: admin, UserId: '123456789012' } });
    await ec2.authorizeSecurityGroupEgress({ GroupId: web, IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '10.0.0.0/16' });
    const tagged = await ec2.describeSecurityGroupRules({ Filters: [{ Name: 'tag:app', Values: ['cats'] }] });
    expect(tagged.SecurityGroupRules!.map((r) => r.FromPort)).toEqual([80, 22]);
    const [group] = (await ec2.describeSecurityGroups({ GroupIds: [web] })).SecurityGroups!;
    expect(group.IpPermissionsEgress!.map((p) => p.IpProtocol)).toEqual(['-1', 'tcp']);
    // Real message quoted in ansible/ansible#19759 and terraform-aws-modules/terraform-aws-security-group#351.
    await expectNoChange(
      model,
      () => ec2.authorizeSecurityGroupIngress({ GroupId: web, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }),
      'InvalidPermission.Duplicate',
    );
    await expectEc2Error(
      ec2.authorizeSecurityGroupIngress({ GroupId: web, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }),
      'InvalidPermission.Duplicate',
      'the specified rule "peer: 0.0.0.0/0, TCP, from port: 80, to port: 80, ALLOW" already exists',
    );
    // lucidsoftware/cumulus#101 quotes the all-traffic form: "peer: 0.0.0.0/0, ALL, ALLOW".
    await expectEc2Error(
      ec2.authorizeSecurityGroupEgress({ GroupId: web, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }),
      'InvalidPermission.Duplicate',
      'the specified rule "peer: 0.0.0.0/0, ALL, ALLOW" already exists',
    );
    await expectEc2Error(ec2.authorizeSecurityGroupEgress({ IpPermissions: [] } as never), 'MissingParameter');
  });

  test('revoke by values (description ignored) or by rule IDs; a missing rule fails outside the default VPC', async () => {
    const { model, ec2, vpcId } = await network();
    const web = (await ec2.createSecurityGroup({ GroupName: 'web', Description: 'web', VpcId: vpcId })).GroupId!;
    const ssh = { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'too open' }] };
    const { SecurityGroupRules } = await ec2.authorizeSecurityGroupIngress({ GroupId: web, IpPermissions: [ssh] });
    const revoked = await ec2.revokeSecurityGroupIngress({ GroupId: web, IpPermissions: [{ ...ssh, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
    expect(revoked.Return).toBe(true);
    expect(revoked.RevokedSecurityGroupRules).toEqual([expect.objectContaining({ SecurityGroupRuleId: SecurityGroupRules![0].SecurityGroupRuleId, CidrIpv4: '0.0.0.0/0' })]);
    // RevokeSecurityGroupIngress (API reference): in a non-default VPC an unmatched rule is
    // InvalidPermission.NotFound and nothing is revoked. Message quoted in cloud-custodian#6099.
    await expectNoChange(model, () => ec2.revokeSecurityGroupIngress({ GroupId: web, IpPermissions: [ssh] }), 'InvalidPermission.NotFound');
    await expectEc2Error(ec2.revokeSecurityGroupIngress({ GroupId: web, IpPermissions: [ssh] }), 'InvalidPermission.NotFound', 'The specified rule does not exist in this security group.');
    const egress = (await ec2.describeSecurityGroupRules({ Filters: [{ Name: 'group-id', Values: [web] }] })).SecurityGroupRules!;
    await ec2.revokeSecurityGroupEgress({ GroupId: web, SecurityGroupRuleIds: [egress[0].SecurityGroupRuleId!] });
    expect((await ec2.describeSecurityGroupRules({ Filters: [{ Name: 'group-id', Values: [web] }] })).SecurityGroupRules).toEqual([]);
    await expectEc2Error(ec2.revokeSecurityGroupEgress({ GroupId: web, SecurityGroupRuleIds: [egress[0].SecurityGroupRuleId!] }), 'InvalidSecurityGroupRuleId.NotFound');
  });

  test('in the default VPC an unmatched revoke succeeds and returns the rule in UnknownIpPermissions', async () => {
    const { ec2 } = setup();
    const { GroupId } = await ec2.createSecurityGroup({ GroupName: 'web', Description: 'web' });
    // RevokeSecurityGroupIngress (API reference): "For a default VPC, ... no error is returned, and the output
    // describes the security group rules that were not revoked."
    const r = await ec2.revokeSecurityGroupIngress({ GroupId, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '198.51.100.7/32' });
    expect(r).toMatchObject({ Return: true, UnknownIpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '198.51.100.7/32' }] }] });
    expect(r.RevokedSecurityGroupRules).toEqual([]);
  });

  test('ModifySecurityGroupRules replaces a rule in place and keeps its ID', async () => {
    const { model, ec2, vpcId } = await network();
    const web = (await ec2.createSecurityGroup({ GroupName: 'web', Description: 'web', VpcId: vpcId })).GroupId!;
    const { SecurityGroupRules } = await ec2.authorizeSecurityGroupIngress({ GroupId: web, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' });
    const id = SecurityGroupRules![0].SecurityGroupRuleId!;
    const done = await ec2.modifySecurityGroupRules({
      GroupId: web,
      SecurityGroupRules: [{ SecurityGroupRuleId: id, SecurityGroupRule: { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '203.0.113.10/32', Description: 'owner' } }],
    });
    expect(done.Return).toBe(true);
    const [rule] = (await ec2.describeSecurityGroupRules({ SecurityGroupRuleIds: [id] })).SecurityGroupRules!;
    expect(rule).toMatchObject({ SecurityGroupRuleId: id, CidrIpv4: '203.0.113.10/32', Description: 'owner', IsEgress: false });
    await expectNoChange(
      model,
      () => ec2.modifySecurityGroupRules({ GroupId: web, SecurityGroupRules: [{ SecurityGroupRuleId: 'sgr-0000000000000000a', SecurityGroupRule: { IpProtocol: '-1', CidrIpv4: '0.0.0.0/0' } }] }),
      'InvalidSecurityGroupRuleId.NotFound',
    );
    await expectEc2Error(ec2.modifySecurityGroupRules({ GroupId: web } as never), 'MissingParameter');
  });

  test('DeleteSecurityGroup: CannotDelete for default, DependencyViolation while used or referenced', async () => {
    const { model, ec2, vpcId, subnetId } = await network();
    const web = (await ec2.createSecurityGroup({ GroupName: 'web', Description: 'web', VpcId: vpcId })).GroupId!;
    const admin = (await ec2.createSecurityGroup({ GroupName: 'admin', Description: 'admin', VpcId: vpcId })).GroupId!;
    const [dflt] = (await ec2.describeSecurityGroups({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'group-name', Values: ['default'] }] })).SecurityGroups!;
    // CannotDelete: code from the EC2 error-code list; wording unverified.
    await expectNoChange(model, () => ec2.deleteSecurityGroup({ GroupId: dflt.GroupId }), 'CannotDelete');
    await ec2.authorizeSecurityGroupIngress({ GroupId: web, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, UserIdGroupPairs: [{ GroupId: admin }] }] });
    // DeleteSecurityGroup (API reference) and the message quoted in lianghong/delete_vpc#10.
    await expectEc2Error(ec2.deleteSecurityGroup({ GroupId: admin }), 'DependencyViolation', `resource ${admin} has a dependent object`);
    const id = await launch(ec2, { SubnetId: subnetId, SecurityGroupIds: [web] });
    await expectNoChange(model, () => ec2.deleteSecurityGroup({ GroupId: web }), 'DependencyViolation');
    await ec2.terminateInstances({ InstanceIds: [id] });
    model.clock.advance(10_000);
    expect(await ec2.deleteSecurityGroup({ GroupId: web })).toMatchObject({ Return: true, GroupId: web });
    await ec2.deleteSecurityGroup({ GroupId: admin });
    await expectEc2Error(ec2.describeSecurityGroups({ GroupIds: [web] }), 'InvalidGroup.NotFound');
  });

  test('a dry run of each new call changes nothing and answers DryRunOperation', async () => {
    const { model, ec2, vpcId, subnetId } = await network();
    const calls = [
      () => ec2.createVpc({ CidrBlock: '10.9.0.0/16', DryRun: true }),
      () => ec2.createSubnet({ VpcId: vpcId, CidrBlock: '10.0.7.0/24', DryRun: true }),
      () => ec2.deleteSubnet({ SubnetId: subnetId, DryRun: true }),
      () => ec2.describeSecurityGroupRules({ DryRun: true }),
    ];
    for (const call of calls) await expectNoChange(model, call, 'DryRunOperation', 412);
  });
});
