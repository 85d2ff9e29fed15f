import { describe, expect, it } from 'vitest';
import { stateToGraph, type RegionGraph } from '../../src/viz/graph.ts';
import { readWorld } from '../../src/viz/world.ts';
import { ACCOUNT, BUILDER, CLONE, EU_AMI, EU_INSTANCE, GOLDEN_AMI, QUICKSTART_AMI, goldenState, resolveCatalog } from './fixtures.ts';

/** Follows arrows from `start`, always taking the first one: the chain as the map draws it. */
function chainFrom(graph: RegionGraph, start: string): string[] {
  const chain = [start];
  for (;;) {
    const next = graph.edges.find((e) => e.source === chain[chain.length - 1]);
    if (!next || chain.includes(next.target)) return chain;
    chain.push(next.target);
  }
}

describe('stateToGraph', () => {
  it('draws one panel per region that holds something, sorted by name', () => {
    const graph = stateToGraph(goldenState(), resolveCatalog);
    expect(graph.regions.map((r) => r.region)).toEqual(['eu-west-1', 'us-east-1']);
  });

  it('links AMI -> instance -> AMI -> instance with launched-from and created-from arrows', () => {
    const east = stateToGraph(goldenState(), resolveCatalog).regions.find((r) => r.region === 'us-east-1')!;
    expect(chainFrom(east, QUICKSTART_AMI)).toEqual([QUICKSTART_AMI, BUILDER, GOLDEN_AMI, CLONE]);
    const kinds = Object.fromEntries(east.edges.map((e) => [`${e.source}->${e.target}`, e.kind]));
    expect(kinds).toEqual({
      [`${QUICKSTART_AMI}->${BUILDER}`]: 'launched-from',
      [`${BUILDER}->${GOLDEN_AMI}`]: 'created-from',
      [`${GOLDEN_AMI}->${CLONE}`]: 'launched-from',
    });
  });

  it('carries states, architecture, instance type, tags and owner onto the nodes', () => {
    const east = stateToGraph(goldenState(), resolveCatalog).regions.find((r) => r.region === 'us-east-1')!;
    const node = (id: string) => east.nodes.find((n) => n.id === id)!;
    expect(node(BUILDER)).toMatchObject({ kind: 'instance', label: 'builder', state: 'stopped', instanceType: 't3.micro', architecture: 'x86_64' });
    expect(node(CLONE).tags).toEqual([{ key: 'Name', value: 'clone' }, { key: 'role', value: 'web' }]);
    expect(node(GOLDEN_AMI)).toMatchObject({ kind: 'image', label: 'golden-web-v1', state: 'available', owner: 'self' });
    expect(node(QUICKSTART_AMI)).toMatchObject({ kind: 'image', label: 'al2023-ami-2023.6-x86_64', owner: 'amazon', state: 'available' });
  });

  it('shows an image the state and the catalog do not know by its ID, as missing', () => {
    const eu = stateToGraph(goldenState(), resolveCatalog).regions.find((r) => r.region === 'eu-west-1')!;
    expect(eu.nodes.map((n) => [n.id, n.kind, n.state])).toEqual([
      [EU_AMI, 'image', 'missing'],
      [EU_INSTANCE, 'instance', 'running'],
    ]);
    expect(eu.nodes[0].architecture).toBe('arm64');
  });

  it('keeps deregistered and terminated resources on the map, with their state', () => {
    const state = goldenState();
    state.regions['us-east-1'].images[GOLDEN_AMI].state = 'deregistered';
    state.regions['us-east-1'].instances[CLONE].state = 'terminated';
    const east = stateToGraph(state).regions.find((r) => r.region === 'us-east-1')!;
    expect(east.nodes.find((n) => n.id === GOLDEN_AMI)?.state).toBe('deregistered');
    expect(east.nodes.find((n) => n.id === CLONE)?.state).toBe('terminated');
  });

  it('draws an own image nobody launched from, and no public image nobody used', () => {
    const state = goldenState();
    (state.regions['us-east-1'] as { instances: object }).instances = {};
    const east = stateToGraph(state, resolveCatalog).regions.find((r) => r.region === 'us-east-1')!;
    expect(east.nodes.map((n) => n.id)).toEqual([GOLDEN_AMI]);
    expect(east.edges).toEqual([]);
  });

  it('never throws on garbage: non-states give an empty map, broken records are skipped', () => {
    expect(stateToGraph(undefined).regions).toEqual([]);
    expect(stateToGraph('nope').regions).toEqual([]);
    expect(stateToGraph({ regions: 5 }).regions).toEqual([]);
    const broken = { accountId: ACCOUNT, regions: { 'us-east-1': { instances: { a: null, b: { id: 42 }, c: { id: 'i-0123456789abcdef0', imageId: 7, tags: 'x' } }, images: [1, 2] } } };
    const graph = stateToGraph(broken);
    expect(graph.regions).toHaveLength(1);
    expect(graph.regions[0].nodes).toEqual([
      { id: 'i-0123456789abcdef0', kind: 'instance', label: 'i-0123456789abcdef0', state: 'unknown', architecture: 'x86_64', tags: [], instanceType: '' },
    ]);
  });

  it('reads times as ISO dates and orders instances by launch time', () => {
    const world = readWorld(goldenState());
    expect(world.regions['us-east-1'].instances[CLONE].launchTime).toBe('2026-01-01T00:01:00.000Z');
    const east = stateToGraph(goldenState()).regions.find((r) => r.region === 'us-east-1')!;
    expect(east.nodes.filter((n) => n.kind === 'instance').map((n) => n.id)).toEqual([BUILDER, CLONE]);
  });
});
