import { describe, expect, it } from 'vitest';
import { stateToGraph } from '../../src/viz/graph.ts';
import { applyEvent, buildReplay, eventsToGraphs, readEvent } from '../../src/viz/replay.ts';
import { readWorld } from '../../src/viz/world.ts';
import { BUILDER, CLONE, EU_INSTANCE, GOLDEN_AMI, QUICKSTART_AMI, goldenEvents, goldenState, resolveCatalog } from './fixtures.ts';

const east = (graphs: ReturnType<typeof eventsToGraphs>, step: number) => graphs[step].regions.find((r) => r.region === 'us-east-1');

describe('readEvent', () => {
  it('reads the model events the map draws', () => {
    const [launched, , running, created, available] = goldenEvents().map((e, i) => readEvent(e, i));
    expect(launched).toMatchObject({ kind: 'instance-launched', id: BUILDER, imageId: QUICKSTART_AMI, state: 'pending', tags: [{ key: 'Name', value: 'builder' }] });
    expect(running).toEqual({ kind: 'instance-state', seq: 3, region: 'us-east-1', id: BUILDER, from: 'pending', to: 'running' });
    expect(created).toMatchObject({ kind: 'image-created', id: GOLDEN_AMI, sourceInstanceId: BUILDER, state: 'pending' });
    expect(available).toMatchObject({ kind: 'image-state', id: GOLDEN_AMI, from: 'pending', to: 'available' });
  });

  it('reads deregistration and expiry, and turns anything else into an "other" step', () => {
    expect(readEvent({ seq: 1, region: 'r', type: 'image-deregistered', imageId: GOLDEN_AMI })).toMatchObject({ kind: 'image-state', to: 'deregistered' });
    expect(readEvent({ seq: 2, region: 'r', type: 'instance-expired', instanceId: CLONE })).toMatchObject({ kind: 'instance-expired', id: CLONE });
    expect(readEvent({ seq: 3, region: 'r', type: 'key-pair-created' })).toEqual({ kind: 'other', seq: 3, region: 'r', type: 'key-pair-created' });
    expect(readEvent({ type: 'instance-launched' }, 4)).toMatchObject({ kind: 'other', seq: 5 });
    expect(readEvent(null, 0)).toMatchObject({ kind: 'other', type: 'unknown' });
  });
});

describe('replay', () => {
  it('makes one step per drawn event and ends on the final state', () => {
    const graphs = eventsToGraphs(goldenState(), goldenEvents(), resolveCatalog);
    expect(graphs).toHaveLength(1 + 8); // the volume event is not a step
    expect(graphs[graphs.length - 1]).toEqual(stateToGraph(goldenState(), resolveCatalog));
  });

  it('starts from the account before the first event and grows the chain step by step', () => {
    const graphs = eventsToGraphs(goldenState(), goldenEvents(), resolveCatalog);
    // Step 0: the eu-west-1 instance existed before the run; us-east-1 is empty.
    expect(graphs[0].regions.map((r) => r.region)).toEqual(['eu-west-1']);
    expect(graphs[0].regions[0].nodes.map((n) => n.id)).toContain(EU_INSTANCE);
    const ids = (step: number) => east(graphs, step)?.nodes.map((n) => `${n.id}:${n.state}`);
    expect(ids(1)).toEqual([`${QUICKSTART_AMI}:available`, `${BUILDER}:pending`]);
    expect(ids(2)).toEqual([`${QUICKSTART_AMI}:available`, `${BUILDER}:running`]);
    expect(ids(3)).toEqual([`${QUICKSTART_AMI}:available`, `${GOLDEN_AMI}:pending`, `${BUILDER}:running`]);
    expect(east(graphs, 3)?.edges.map((e) => e.kind)).toEqual(['launched-from', 'created-from']);
    expect(ids(4)).toContain(`${GOLDEN_AMI}:available`);
    expect(ids(5)).toContain(`${CLONE}:pending`);
    expect(ids(6)).toContain(`${CLONE}:running`);
    expect(ids(7)).toContain(`${BUILDER}:stopping`);
    expect(ids(8)).toContain(`${BUILDER}:stopped`);
  });

  it('puts a resource that existed before the run back in the state it had before its first change', () => {
    const events = [{ seq: 1, time: 0, region: 'eu-west-1', type: 'instance-state-changed', instanceId: EU_INSTANCE, from: 'stopped', to: 'pending' },
      { seq: 2, time: 0, region: 'eu-west-1', type: 'instance-state-changed', instanceId: EU_INSTANCE, from: 'pending', to: 'running' }];
    const { worlds } = buildReplay(goldenState(), events);
    expect(worlds.map((w) => w.regions['eu-west-1'].instances[EU_INSTANCE].state)).toEqual(['stopped', 'pending', 'running']);
  });

  it('never changes the world it is given', () => {
    const world = readWorld(goldenState());
    const before = JSON.stringify(world);
    const next = applyEvent(world, readEvent({ seq: 1, region: 'us-east-1', type: 'instance-expired', instanceId: CLONE }));
    expect(JSON.stringify(world)).toBe(before);
    expect(next.regions['us-east-1'].instances[CLONE]).toBeUndefined();
  });

  it('replays an empty or broken log as a single step', () => {
    expect(buildReplay(goldenState(), []).worlds).toHaveLength(1);
    expect(buildReplay(null, [null, 3, 'x']).worlds).toHaveLength(1);
  });
});
