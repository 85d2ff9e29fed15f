// Lesson 2, the network an instance lives in: a VPC, a subnet, and a security group whose rules are the
// instance's firewall. The learner opens exactly what the cat photo web server needs; the tests read the
// rules the model holds afterwards (DescribeSecurityGroupRules), never the learner's return value.
import { beforeAll, expect, test } from 'vitest';
import { MiniEc2 } from 'mini-ec2';
import { expectFinished, runLearnerFunction, type LearnerRun } from '../../_kit/harness.ts';
import { inLanguage, titlesIn } from '../../_kit/lang.ts';
import manifest from '../manifest.json';
import { messages } from './messages.ts';

// Titles and messages in the learner's language; results join the manifest's points by the stable id.
const title = titlesIn(manifest.titles);
const m = inLanguage(messages);
const english = messages.en;

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
/** A rule in words: the English form is what the tests compare; the learner's language is what they show. */
const words = (r: Rule, say = english) => (r.IpProtocol === '-1' ? say.allTraffic({ peer: peer(r) }) : say.rule({ protocol: r.IpProtocol?.toUpperCase(), from: r.FromPort, to: r.ToPort, peer: peer(r) }));
const shown = (r: Rule) => words(r, m);
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

test(title('http-open'), async () => {
  expectFinished(run);
  const http = (await inbound()).filter((r) => r.IpProtocol === 'tcp' && r.FromPort === 80 && r.ToPort === 80 && r.CidrIpv4 === '0.0.0.0/0');
  expect(http.length, m.http).toBe(1);
});

test(title('ssh-owner'), async () => {
  expectFinished(run);
  const ssh = (await inbound()).filter((r) => (r.IpProtocol === 'tcp' && (r.FromPort ?? 0) <= 22 && (r.ToPort ?? 0) >= 22) || r.IpProtocol === '-1');
  const world = ssh.find((r) => r.CidrIpv4 === '0.0.0.0/0' || r.CidrIpv6 === '::/0');
  expect(world && shown(world), m.sshWorld).toBeUndefined();
  expect(ssh.map((r) => shown(r)), m.sshOwner({ owner: OWNER })).toEqual([shown({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: `${OWNER}/32` })]);
});

test(title('nothing-else'), async () => {
  expectFinished(run);
  const wanted = ['TCP 22-22 from ' + OWNER + '/32', 'TCP 80-80 from 0.0.0.0/0'];
  const extra = (await inbound()).filter((r) => !wanted.includes(words(r))).map(shown);
  expect(extra, m.extra).toEqual([]);
});

test(title('egress-kept'), async () => {
  expectFinished(run);
  expect((await rulesOf(webGroup)).filter((r) => r.IsEgress), m.egress).toEqual(egressBefore);
});

test(title('right-group'), async () => {
  expectFinished(run);
  expect(await allButWebGroup(), m.otherGroup).toBe(othersBefore);
});
