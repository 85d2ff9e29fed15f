// The network of issue 18 (a VPC, a subnet, a security group with rules, a launch into them) through boto3,
// the AWS CLI and the JavaScript SDK against the real `ec2-lab mini-ec2` command. Expected values: EC2 API
// reference (CreateVpc answers `pending`; a /24 keeps 251 addresses after AWS's five; a subnet's first
// instance address is its fifth), real error codes as in tests/mini-ec2/vpcs-subnets-rules.test.ts.
// A machine without python3 + boto3 or the AWS CLI FAILS these tests with a message.
import { spawnSync } from 'node:child_process';
import { EC2 } from '@aws-sdk/client-ec2';
import { expect, it } from 'vitest';
import { ROOT, requireProgram, useCommandServer } from './helpers.ts';

const REGION = 'us-west-2';
const server = useCommandServer(['--speed', '200']);

/** What both Python clients must read back (the IDs differ per run, so the summary holds comparisons). */
const EXPECTED = {
  vpc: { createdState: 'pending', state: 'available', cidr: '10.0.0.0/16', isDefault: false },
  subnet: { cidr: '10.0.1.0/24', zone: `${REGION}a`, mapPublicIpOnLaunch: true, available: 250 },
  rules: [
    [false, 'tcp', 22, 22, '203.0.113.10/32'],
    [false, 'tcp', 80, 80, '0.0.0.0/0'],
    [true, '-1', -1, -1, '0.0.0.0/0'],
  ],
  rulesAfterRevoke: [
    [false, 'tcp', 22, 22, '203.0.113.10/32'],
    [false, 'tcp', 80, 80, '0.0.0.0/0'],
  ],
  instance: { subnetId: true, vpcId: true, privateIp: '10.0.1.4', hasPublicIp: true, groups: [true] },
  errors: {
    duplicate: 'InvalidPermission.Duplicate',
    deleteGroupInUse: 'DependencyViolation',
    deleteVpcWithSubnet: 'DependencyViolation',
    overlappingSubnet: 'InvalidSubnet.Conflict',
  },
};

/** Each run makes a new VPC; the server's model is shared, so each client gets its own region. */
type Summary = { ruleIds: string[] } & Record<string, unknown>;
type ServiceError = { name: string; $metadata: { httpStatusCode?: number } };

function runPython(mode: 'boto3' | 'cli', region: string): Summary {
  const run = spawnSync('python3', [`${ROOT}tests/protocol/network_scenario.py`, mode, server.url, region], { encoding: 'utf8', timeout: 90_000 });
  expect(run.status, `${mode} network scenario failed:\n${run.stderr}\n${run.stdout}`).toBe(0);
  return JSON.parse(run.stdout) as Summary;
}

function check(summary: Summary, region: string) {
  expect(summary.ruleIds.every((id) => /^sgr-[0-9a-f]{17}$/.test(id))).toBe(true);
  const { ruleIds: _ids, ...rest } = summary;
  expect(rest).toEqual({ ...EXPECTED, subnet: { ...EXPECTED.subnet, zone: `${region}a` } });
}

it('boto3 builds the network, launches into it and reads it back', () => {
  requireProgram('python3', ['-c', 'import boto3'], 'python3 with boto3');
  check(runPython('boto3', 'us-west-2'), 'us-west-2');
}, 100_000);

it('the AWS CLI does the same with its shorthand and --protocol/--port/--cidr forms', () => {
  requireProgram('aws', ['--version'], 'The AWS CLI (aws)');
  check(runPython('cli', 'eu-west-1'), 'eu-west-1');
}, 100_000);

it('the JavaScript SDK reads rules with ReferencedGroupInfo and revokes by values', async () => {
  const ec2 = new EC2({ endpoint: server.url, region: 'sa-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
  const { Vpc } = await ec2.createVpc({ CidrBlock: '10.20.0.0/16' });
  const web = (await ec2.createSecurityGroup({ GroupName: 'web', Description: 'web', VpcId: Vpc!.VpcId })).GroupId!;
  const admin = (await ec2.createSecurityGroup({ GroupName: 'admin', Description: 'admin', VpcId: Vpc!.VpcId })).GroupId!;
  const ssh = { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, UserIdGroupPairs: [{ GroupId: admin }] };
  await ec2.authorizeSecurityGroupIngress({ GroupId: web, IpPermissions: [ssh] });
  const rules = (await ec2.describeSecurityGroupRules({ Filters: [{ Name: 'group-id', Values: [web] }] })).SecurityGroupRules!;
  expect(rules.find((r) => !r.IsEgress)?.ReferencedGroupInfo).toEqual({ GroupId: admin, UserId: '123456789012' });
  const inUse = await ec2.deleteSecurityGroup({ GroupId: admin }).then(() => undefined, (e: ServiceError) => e);
  expect([inUse?.name, inUse?.$metadata.httpStatusCode]).toEqual(['DependencyViolation', 400]);
  const revoked = await ec2.revokeSecurityGroupIngress({ GroupId: web, IpPermissions: [ssh] });
  expect(revoked.RevokedSecurityGroupRules?.map((r) => r.ReferencedGroupId)).toEqual([admin]);
  const missing = await ec2.revokeSecurityGroupIngress({ GroupId: web, IpPermissions: [ssh] }).then(() => undefined, (e: ServiceError) => e);
  expect(missing?.name).toBe('InvalidPermission.NotFound');
  expect(await ec2.deleteSecurityGroup({ GroupId: admin })).toMatchObject({ Return: true, GroupId: admin });
}, 60_000);
