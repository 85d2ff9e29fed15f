// Observable (src/mini-ec2/BEHAVIOUR.md, "The API's shape"): events with the detail a live map needs, and state snapshots (export, import, clone).
import { describe, expect, test } from 'vitest';
import { MiniEc2, type ModelEvent } from '../../src/mini-ec2/index.ts';
import { launch, setup, stateOf } from './helpers.ts';

describe('Events', () => {
  test('events carry seq, simulated time, region, resource id and map detail (ImageId, SourceInstanceId)', async () => {
    const { model, ec2 } = setup();
    const events: ModelEvent[] = [];
    model.subscribe((e) => events.push(e));
    const id = await launch(ec2, { TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] }] });
    model.clock.advance(7000);
    const { ImageId } = await ec2.createImage({ InstanceId: id, Name: 'map-me', NoReboot: true });
    model.clock.advance(30_000);
    await ec2.createTags({ Resources: [ImageId!], Tags: [{ Key: 'v', Value: '1' }] });
    await ec2.deregisterImage({ ImageId: ImageId! });
    const t0 = Date.UTC(2026, 0, 15, 9);
    const launched = events.find((e) => e.type === 'instance-launched')!;
    expect(launched).toMatchObject({ seq: 1, time: t0, region: 'us-east-1', resourceId: id, instanceId: id, imageId: expect.stringMatching(/^ami-/) as unknown, tags: [{ Key: 'Name', Value: 'web' }] });
    const running = events.find((e) => e.type === 'instance-state-changed')!;
    expect(running).toMatchObject({ time: t0 + 5000, from: 'pending', to: 'running', instanceId: id });
    const created = events.find((e) => e.type === 'image-created')!;
    expect(created).toMatchObject({ imageId: ImageId, sourceInstanceId: id, state: 'pending', how: 'create-image', time: t0 + 7000 });
    expect(events.find((e) => e.type === 'image-state-changed')).toMatchObject({ from: 'pending', to: 'available', time: t0 + 37_000 });
    expect(events.some((e) => e.type === 'tags-changed' && e.resourceId === ImageId)).toBe(true);
    expect(events.some((e) => e.type === 'image-deregistered' && e.resourceId === ImageId)).toBe(true);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const times = events.map((e) => e.time);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  test('lazily applied transitions still emit in time order with their own times', async () => {
    const { model, ec2 } = setup();
    const a = await launch(ec2);
    model.clock.advance(1000);
    const b = await launch(ec2);
    const events: ModelEvent[] = [];
    model.subscribe((e) => events.push(e));
    model.clock.advance(60 * 60_000); // one jump over both transitions
    expect(events.map((e) => [e.resourceId, e.time - Date.UTC(2026, 0, 15, 9)])).toEqual([
      [a, 5000],
      [b, 6000],
    ]);
  });

  test('events(): the log from a sequence number, as fresh copies', async () => {
    const { model, ec2 } = setup();
    await launch(ec2);
    const log = model.events();
    expect(log.length).toBe(2);
    (log[0] as { resourceId: string }).resourceId = 'changed';
    expect(model.events()[0].resourceId).not.toBe('changed');
    expect(model.events(1).map((e) => e.seq)).toEqual([2]);
  });

  test('a throwing subscriber does not break the model', async () => {
    const { model, ec2 } = setup();
    model.subscribe(() => {
      throw new Error('listener bug');
    });
    const id = await launch(ec2);
    expect(await stateOf(ec2, id)).toBe('pending');
  });
});

describe('State snapshots', () => {
  async function busyModel() {
    const { model, ec2 } = setup();
    await ec2.createKeyPair({ KeyName: 'k' });
    const sg = await ec2.createSecurityGroup({ GroupName: 'g', Description: 'd' });
    await ec2.authorizeSecurityGroupIngress({ GroupId: sg.GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] });
    const id = await launch(ec2, { KeyName: 'k', SecurityGroupIds: [sg.GroupId] });
    await launch(ec2);
    model.clock.advance(5000);
    const { ImageId } = await ec2.createImage({ InstanceId: id, Name: 'snap-me' });
    await ec2.stopInstances({ InstanceIds: [id] });
    model.clock.advance(3000); // image still pending, instance stopping
    return { model, ec2, id, imageId: ImageId! };
  }

  test('exportState is plain JSON and the round trip is equal', async () => {
    const { model } = await busyModel();
    const state = model.exportState();
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    const loaded = MiniEc2.fromState(state);
    expect(loaded.exportState()).toEqual(state);
    expect(JSON.stringify(loaded.exportState())).toBe(JSON.stringify(state));
  });

  test('a loaded model continues where the original left off (timers, IDs, events)', async () => {
    const { model, ec2, id, imageId } = await busyModel();
    const copy = MiniEc2.fromState(JSON.parse(JSON.stringify(model.exportState())));
    const c2 = copy.client('us-east-1');
    for (const m of [model, copy]) m.clock.advance(30_000);
    expect(await stateOf(c2, id)).toBe('stopped');
    expect((await c2.describeImages({ ImageIds: [imageId] })).Images![0].State).toBe('available');
    const x = await launch(ec2);
    const y = await launch(c2);
    expect(y).toBe(x);
    expect(JSON.stringify(copy.exportState())).toBe(JSON.stringify(model.exportState()));
  });

  test('clone() is independent of the original', async () => {
    const { model, ec2, id } = await busyModel();
    const clone = model.clone();
    await clone.client('us-east-1').terminateInstances({ InstanceIds: [id] });
    expect(await stateOf(ec2, id)).toBe('stopping');
    expect(await stateOf(clone.client('us-east-1'), id)).toBe('shutting-down');
  });

  test('fromState also takes the JSON text of exportStateJson()', async () => {
    const { model } = await busyModel();
    const text = model.exportStateJson();
    expect(JSON.parse(text)).toEqual(model.exportState());
    expect(MiniEc2.fromState(text).exportStateJson()).toBe(text);
    expect(() => MiniEc2.fromState('{not json')).toThrow(/not JSON/);
  });

  test('fromState rejects something that is not a snapshot, with a clear error', () => {
    expect(() => MiniEc2.fromState({})).toThrow(/Not a mini-ec2 state snapshot/);
    expect(() => MiniEc2.fromState(null)).toThrow(/Not a mini-ec2 state snapshot/);
    expect(() => MiniEc2.fromState({ ...new MiniEc2().exportState(), version: 99 })).toThrow(/version/);
    const noRegion = new MiniEc2().exportState();
    delete (noRegion.regions as Record<string, unknown>)['sa-east-1'];
    expect(() => MiniEc2.fromState(noRegion)).toThrow(/region sa-east-1 missing/);
  });

  test('mutating an exported snapshot does not touch the model', async () => {
    const { model, id } = await busyModel();
    const state = model.exportState();
    state.regions['us-east-1'].instances[id].state = 'terminated';
    expect(model.exportState().regions['us-east-1'].instances[id].state).toBe('stopping');
  });
});
