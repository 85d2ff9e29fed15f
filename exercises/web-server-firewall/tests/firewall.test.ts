// Lesson 2, the network an instance lives in: a VPC, a subnet, and a security group whose rules are the
// instance's firewall. The learner opens exactly what the cat photo web server needs; the tests read the
// rules the model holds afterwards (DescribeSecurityGroupRules), never the learner's return value.
import { beforeAll, expect, test } from 'vitest';
import { MiniEc2 } from 'mini-ec2';
import { expectFinished, runLearnerFunction, type LearnerRun } from '../../_kit/harness.ts';

const REGION = 'us-east-1';
const OWNER = '198.51.100.23';
type Rule = { SecurityGroupRuleId?: string; GroupId?: string; IsEgress?: boolean; IpProtocol?: string; FromPort?: number; ToPort?: number; CidrIpv4?: string; CidrIpv6?: string; ReferencedGroupInfo?: { GroupId?: string } };

let model: MiniEc2;
let run: LearnerRun;
let webGroup: string;
let egressBefore: Rule[];
let othersBefore: string;

const ec2 = () => model.client(REGION);
const rulesOf = async (groupId: string): Promise<Rule[]> =>
  (await ec2().describeSecurityGroupRules({ Filters: [{ Name: 'group-id', Values: [groupId] }] })).SecurityGroupRules ?? [];
const inbound = async () => (await rulesOf(webGroup)).filter((r) => !r.IsEgress);
const peer = (r: Rule) => r.CidrIpv4 ?? r.CidrIpv6 ?? r.ReferencedGroupInfo?.GroupId ?? '?';
const words = (r: Rule) => (r.IpProtocol === '-1' ? `all traffic from ${peer(r)}` : `${r.IpProtocol?.toUpperCase()} ${r.FromPort}-${r.ToPort} from ${peer(r)}`);
const allButWebGroup = async () =>
  JSON.stringify((await ec2().describeSecurityGroupRules({})).SecurityGroupRules!.filter((r) => r.GroupId !== webGroup));

beforeAll(async () => {
  model = new MiniEc2({ seed: 18 });
  const c = ec2();
  const vpcId = (await c.createVpc({ CidrBlock: '10.0.0.0/16' })).Vpc!.VpcId!;
  const subnetId = (await c.createSubnet({ VpcId: vpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' })).Subnet!.SubnetId!;
  await c.modifySubnetAttribute({ SubnetId: subnetId, MapPublicIpOnLaunch: { Value: true } });
  webGroup = (await c.createSecurityGroup({ GroupName: 'cat-photos-web', Description: 'cat photo web server', VpcId: vpcId })).GroupId!;
  // A colleague "just needed SSH for a minute": the over-broad rule the learner must find and remove.
  await c.authorizeSecurityGroupIngress({ GroupId: webGroup, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'temporary' }] }] });
  // A group with the same name in the default VPC, and another group of the app: both must stay as they are.
  await c.createSecurityGroup({ GroupName: 'cat-photos-web', Description: 'old test group' });
  await c.createSecurityGroup({ GroupName: 'cat-photos-db', Description: 'database', VpcId: vpcId });
  const images = (await c.describeImages({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: ['al2023-ami-2023.*'] }, { Name: 'architecture', Values: ['x86_64'] }] })).Images!;
  const ImageId = [...images].sort((a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? ''))[0].ImageId!;
  await c.runInstances({ ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SubnetId: subnetId, SecurityGroupIds: [webGroup] });
  egressBefore = (await rulesOf(webGroup)).filter((r) => r.IsEgress);
  othersBefore = await allButWebGroup();

  const spec = { vpcId, groupName: 'cat-photos-web', ownerAddress: OWNER };
  run = await runLearnerFunction({ file: 'firewall.ts', export: 'openWebServer', args: [spec], model, region: REGION, main: true });
});

test('opens HTTP (TCP port 80) to everyone', async () => {
  expectFinished(run);
  const http = (await inbound()).filter((r) => r.IpProtocol === 'tcp' && r.FromPort === 80 && r.ToPort === 80 && r.CidrIpv4 === '0.0.0.0/0');
  expect(http.length, 'Visitors reach the site on port 80: add an inbound rule for TCP 80 from 0.0.0.0/0 (IpPermissions with IpRanges: [{ CidrIp: "0.0.0.0/0" }]).').toBe(1);
});

test("opens SSH (TCP port 22) to the owner's address only", async () => {
  expectFinished(run);
  const ssh = (await inbound()).filter((r) => (r.IpProtocol === 'tcp' && (r.FromPort ?? 0) <= 22 && (r.ToPort ?? 0) >= 22) || r.IpProtocol === '-1');
  const world = ssh.find((r) => r.CidrIpv4 === '0.0.0.0/0' || r.CidrIpv6 === '::/0');
  expect(world && words(world), 'SSH is still open to the whole internet: anyone can try to log in. Revoke that rule (revokeSecurityGroupIngress, by its SecurityGroupRuleId).').toBeUndefined();
  expect(ssh.map(words), `Only the owner's address may reach port 22: one rule, TCP 22-22 from ${OWNER}/32 (a single address is a /32 block).`).toEqual([`TCP 22-22 from ${OWNER}/32`]);
});

test('opens nothing else', async () => {
  expectFinished(run);
  const wanted = ['TCP 22-22 from ' + OWNER + '/32', 'TCP 80-80 from 0.0.0.0/0'];
  const extra = (await inbound()).map(words).filter((w) => !wanted.includes(w));
  expect(extra, 'These inbound rules open more than the web server needs: remove them.').toEqual([]);
});

test('leaves the outbound rule as it was', async () => {
  expectFinished(run);
  expect((await rulesOf(webGroup)).filter((r) => r.IsEgress), 'The outbound (egress) rules should not change: the server still needs to reach the internet for updates.').toEqual(egressBefore);
});

test("changes only the web server's group in the app's VPC", async () => {
  expectFinished(run);
  expect(await allButWebGroup(), 'Another security group changed: filter by group-name AND vpc-id, a group with the same name lives in the default VPC.').toBe(othersBefore);
});
