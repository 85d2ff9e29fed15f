// The live map shows which subnet an instance is in and what its security groups let in (issue 18), read
// from a real model's exported state, in the words of each language, also on replay steps.
import { describe, expect, it } from 'vitest';
import { MiniEc2, catalogEntries } from '../../src/mini-ec2/index.ts';
import { stateToGraph } from '../../src/viz/graph.ts';
import { eventsToGraphs } from '../../src/viz/replay.ts';
import { describeNode, detailRows } from '../../src/viz/describe.ts';
import { translator } from '../../src/i18n/translate.ts';
import { vizStrings } from '../../src/i18n/viz-strings.ts';
import { readWorld } from '../../src/viz/world.ts';

async function webServer() {
  const model = new MiniEc2({ seed: 18 });
  const ec2 = model.client('us-east-1');
  const vpcId = (await ec2.createVpc({ CidrBlock: '10.0.0.0/16' })).Vpc!.VpcId!;
  const subnetId = (await ec2.createSubnet({ VpcId: vpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' })).Subnet!.SubnetId!;
  const groupId = (await ec2.createSecurityGroup({ GroupName: 'web', Description: 'web', VpcId: vpcId })).GroupId!;
  await ec2.authorizeSecurityGroupIngress({
    GroupId: groupId,
    IpPermissions: [
      { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '198.51.100.23/32' }] },
    ],
  });
  const ImageId = catalogEntries('us-east-1', 'quick-start').find((m) => m.latest && m.family.startsWith('amazon-linux-2023'))!.imageId;
  const web = (await ec2.runInstances({ ImageId, MinCount: 1, MaxCount: 1, SubnetId: subnetId, SecurityGroupIds: [groupId] })).Instances![0].InstanceId!;
  const closed = (await ec2.runInstances({ ImageId, MinCount: 1, MaxCount: 1, SubnetId: subnetId, SecurityGroupIds: [(await ec2.createSecurityGroup({ GroupName: 'shut', Description: 'shut', VpcId: vpcId })).GroupId!] })).Instances![0].InstanceId!;
  return { model, subnetId, web, closed };
}

describe('the map: an instance\'s subnet and inbound rules', () => {
  it('reads them from the state and words them in en, pt-br and es', async () => {
    const { model, subnetId, web, closed } = await webServer();
    const state = model.exportState();
    expect(readWorld(state).regions['us-east-1'].instances[web].network).toEqual({
      subnetId,
      cidr: '10.0.1.0/24',
      zone: 'us-east-1a',
      privateIp: '10.0.1.4',
      inbound: [
        { protocol: 'tcp', fromPort: 80, toPort: 80, peer: '0.0.0.0/0' },
        { protocol: 'tcp', fromPort: 22, toPort: 22, peer: '198.51.100.23/32' },
      ],
    });
    const nodes = stateToGraph(state).regions[0].nodes;
    const node = nodes.find((n) => n.id === web)!;
    const rows = (locale: 'en' | 'pt-br' | 'es') => Object.fromEntries(detailRows(node, translator(vizStrings, locale)));
    expect(rows('en')).toMatchObject({ Subnet: `${subnetId} (10.0.1.0/24, us-east-1a), 10.0.1.4`, 'Lets in': 'TCP 80 from 0.0.0.0/0; TCP 22 from 198.51.100.23/32' });
    expect(rows('pt-br')).toMatchObject({ 'Sub-rede': `${subnetId} (10.0.1.0/24, us-east-1a), 10.0.1.4`, 'Deixa entrar': 'TCP 80 de 0.0.0.0/0; TCP 22 de 198.51.100.23/32' });
    expect(rows('es')).toMatchObject({ Subred: `${subnetId} (10.0.1.0/24, us-east-1a), 10.0.1.4`, 'Deja entrar': 'TCP 80 desde 0.0.0.0/0; TCP 22 desde 198.51.100.23/32' });
    const shut = nodes.find((n) => n.id === closed)!;
    expect(Object.fromEntries(detailRows(shut, translator(vizStrings, 'en')))['Lets in']).toBe('nothing (no inbound rule)');
    expect(describeNode(node, stateToGraph(state).regions[0], translator(vizStrings, 'en'))).toContain('Lets in: TCP 80 from 0.0.0.0/0');
  });

  it('keeps them on the replay step where the instance appears', async () => {
    const { model, web } = await webServer();
    const steps = eventsToGraphs(model.exportState(), model.events(0));
    const first = steps.find((g) => g.regions.some((r) => r.nodes.some((n) => n.id === web)))!;
    expect(first.regions[0].nodes.find((n) => n.id === web)!.network?.inbound).toHaveLength(2);
  });

  it('reads a default-VPC instance and tolerates a state without subnets or groups', async () => {
    const model = new MiniEc2({ seed: 3 });
    const ec2 = model.client('us-east-1');
    const ImageId = catalogEntries('us-east-1', 'quick-start').find((m) => m.latest)!.imageId;
    const id = (await ec2.runInstances({ ImageId, MinCount: 1, MaxCount: 1 })).Instances![0].InstanceId!;
    const state = model.exportState() as unknown as { regions: Record<string, Record<string, unknown>> };
    // The default group lets in only its own members: the rule's peer is the group itself.
    const inbound = readWorld(state).regions['us-east-1'].instances[id].network?.inbound ?? [];
    expect(inbound.map((r) => [r.protocol, r.peer.slice(0, 3)])).toEqual([['-1', 'sg-']]);
    delete state.regions['us-east-1'].subnets;
    delete state.regions['us-east-1'].securityGroups;
    expect(readWorld(state).regions['us-east-1'].instances[id].network).toMatchObject({ inbound: [] });
  });
});
