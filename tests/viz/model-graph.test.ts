// The map and the wizard's helpers against the real model: the golden-image chain drawn from
// model.exportState() and model.events(), catalog AMIs named, tabs and CLI lines that match what ran.
import { describe, expect, it } from 'vitest';
import { MiniEc2, catalogEntries, waitUntilImageAvailable, waitUntilInstanceRunning } from '../../src/mini-ec2/index.ts';
import { stateToGraph } from '../../src/viz/graph.ts';
import { eventsToGraphs } from '../../src/viz/replay.ts';
import { resolveCatalogImage } from '../../src/viz/catalog-lookup.ts';
import { tabRequest } from '../../src/viz/wizard/ami-tabs.ts';
import { buildRunRequest } from '../../src/viz/wizard/launch-request.ts';
import { runInstancesCli } from '../../src/viz/wizard/cli.ts';

const quickStart = (region: string) => catalogEntries(region, 'quick-start').filter((m) => m.latest);

async function goldenChain() {
  const model = new MiniEc2({ seed: 7 });
  const ec2 = model.client('us-east-1');
  const base = quickStart('us-east-1').find((m) => m.family.startsWith('amazon-linux-2023'))!;
  const first = await ec2.runInstances({ ImageId: base.imageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1,
    TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'builder' }] }] });
  const builder = first.Instances![0].InstanceId!;
  await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 120 }, { InstanceIds: [builder] });
  const { ImageId: golden } = await ec2.createImage({ InstanceId: builder, Name: 'golden-v1' });
  await waitUntilImageAvailable({ client: ec2, maxWaitTime: 600 }, { ImageIds: [golden!] });
  const second = await ec2.runInstances({ ImageId: golden, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 });
  const clone = second.Instances![0].InstanceId!;
  await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 120 }, { InstanceIds: [clone] });
  return { model, base: base.imageId, builder, golden: golden!, clone };
}

describe('the map of a real model', () => {
  it('draws the golden-image chain from exportState(), naming the Quick Start AMI from the catalog', async () => {
    const { model, base, builder, golden, clone } = await goldenChain();
    const graph = stateToGraph(model.exportState(), resolveCatalogImage);
    expect(graph.regions.map((r) => r.region)).toEqual(['us-east-1']);
    const east = graph.regions[0];
    expect(east.edges.map((e) => [e.source, e.kind, e.target])).toEqual([
      [base, 'launched-from', builder],
      [golden, 'launched-from', clone],
      [builder, 'created-from', golden],
    ]);
    const node = (id: string) => east.nodes.find((n) => n.id === id)!;
    expect(node(base)).toMatchObject({ owner: 'amazon', state: 'available' });
    expect(node(base).label).toMatch(/al2023/);
    expect(node(builder)).toMatchObject({ label: 'builder', state: 'running', instanceType: 't3.micro' });
    expect(node(golden)).toMatchObject({ label: 'golden-v1', state: 'available', owner: 'self' });
    expect(node(clone).state).toBe('running');
  });

  it('replays the event log step by step, ending on the exported state', async () => {
    const { model, builder, golden, clone } = await goldenChain();
    const graphs = eventsToGraphs(model.exportState(), model.events(), resolveCatalogImage);
    expect(graphs[graphs.length - 1]).toEqual(stateToGraph(model.exportState(), resolveCatalogImage));
    expect(graphs[0].regions).toEqual([]);
    const firstWith = (id: string, state: string) =>
      graphs.findIndex((g) => g.regions.some((r) => r.nodes.some((n) => n.id === id && n.state === state)));
    // Each step of the story appears in order.
    const order = [firstWith(builder, 'pending'), firstWith(builder, 'running'), firstWith(golden, 'pending'),
      firstWith(golden, 'available'), firstWith(clone, 'pending'), firstWith(clone, 'running')];
    expect(order.every((n) => n > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('wizard helpers against the model', () => {
  it('gives every Quick Start image a different ID in each region', async () => {
    const model = new MiniEc2({ seed: 1 });
    const ids = async (region: string) => {
      const result = await model.client(region).describeImages(tabRequest({ tab: 'quickstart', search: '', arch: '' }, quickStart(region).map((m) => m.imageId)));
      return (result.Images ?? []).map((i) => i.ImageId!);
    };
    const east = await ids('us-east-1');
    const europe = await ids('eu-west-1');
    expect(east.length).toBeGreaterThan(3);
    expect(east.length).toBe(europe.length);
    expect(east.filter((id) => europe.includes(id))).toEqual([]);
  });

  it('filters a tab by architecture and lists the account\'s own images under My AMIs', async () => {
    const model = new MiniEc2({ seed: 2 });
    const ec2 = model.client('us-east-1');
    const ids = quickStart('us-east-1').map((m) => m.imageId);
    const arm = await ec2.describeImages(tabRequest({ tab: 'quickstart', search: '', arch: 'arm64' }, ids));
    expect(arm.Images!.length).toBeGreaterThan(0);
    expect(arm.Images!.every((i) => i.Architecture === 'arm64')).toBe(true);
    expect((await ec2.describeImages(tabRequest({ tab: 'mine', search: '', arch: '' }))).Images).toEqual([]);
    const x86 = (await ec2.describeImages(tabRequest({ tab: 'quickstart', search: '', arch: 'x86_64' }, ids))).Images![0];
    const run = await ec2.runInstances(buildRunRequest({ name: 'web', tags: [], imageId: x86.ImageId, instanceType: 't3.micro', keyName: '', subnetId: '', securityGroupId: '', rootDeviceName: x86.RootDeviceName, volumeSizeGiB: 10, volumeType: 'gp3', count: 1 }));
    const instanceId = run.Instances![0].InstanceId!;
    await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 60 }, { InstanceIds: [instanceId] });
    const { ImageId } = await ec2.createImage({ InstanceId: instanceId, Name: 'web-image' });
    const mine = await ec2.describeImages(tabRequest({ tab: 'mine', search: '', arch: '' }));
    expect(mine.Images!.map((i) => i.ImageId)).toEqual([ImageId]);
  });

  it('sends the request its CLI line shows; an arm64 AMI on an x86 type fails as EC2 does', async () => {
    const model = new MiniEc2({ seed: 3 });
    const ec2 = model.client('us-east-1');
    const arm = (await ec2.describeImages(tabRequest({ tab: 'quickstart', search: '', arch: 'arm64' }, quickStart('us-east-1').map((m) => m.imageId)))).Images![0];
    const request = buildRunRequest({ name: 'web', tags: [{ key: 'team', value: 'blue' }], imageId: arm.ImageId, instanceType: 't3.micro', keyName: '', subnetId: '', securityGroupId: '', rootDeviceName: arm.RootDeviceName, volumeSizeGiB: 12, volumeType: 'gp3', count: 1 });
    const cli = runInstancesCli('us-east-1', request);
    expect(cli).toContain(`--image-id ${arm.ImageId}`);
    expect(cli).toContain('--instance-type t3.micro');
    expect(cli).toContain('"VolumeSize":12');
    expect(cli).toContain("'ResourceType=instance,Tags=[{Key=Name,Value=web},{Key=team,Value=blue}]'");
    await expect(ec2.runInstances(request)).rejects.toMatchObject({
      Code: 'InvalidParameterValue',
      message: expect.stringContaining("does not match the architecture 'arm64' of the specified AMI") as unknown,
    });
  });
});
