import { describe, expect, it } from 'vitest';
import { stateToGraph } from '../../src/viz/graph.ts';
import { layoutOptions, layoutRegion } from '../../src/viz/layout.ts';
import { BUILDER, CLONE, GOLDEN_AMI, QUICKSTART_AMI, goldenState, resolveCatalog } from './fixtures.ts';

describe('layoutRegion (ELK layered)', () => {
  it('lays the reuse chain out left to right, without overlaps, with a path for every arrow', async () => {
    const east = stateToGraph(goldenState(), resolveCatalog).regions.find((r) => r.region === 'us-east-1')!;
    const layout = await layoutRegion(east);
    const x = (id: string) => layout.nodes.find((n) => n.node.id === id)!.x;
    expect(x(QUICKSTART_AMI)).toBeLessThan(x(BUILDER));
    expect(x(BUILDER)).toBeLessThan(x(GOLDEN_AMI));
    expect(x(GOLDEN_AMI)).toBeLessThan(x(CLONE));
    for (const a of layout.nodes) {
      for (const b of layout.nodes) {
        if (a === b) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.node.id} overlaps ${b.node.id}`).toBe(true);
      }
    }
    expect(layout.edges).toHaveLength(3);
    for (const e of layout.edges) expect(e.points.length).toBeGreaterThanOrEqual(2);
    expect(layout.width).toBeGreaterThan(4 * 200);
  });

  it('uses the careful setting for small graphs and the fast one for big graphs', () => {
    expect(layoutOptions(10)['elk.layered.thoroughness']).toBe('7');
    expect(layoutOptions(600)).toMatchObject({ 'elk.layered.thoroughness': '1', 'elk.edgeRouting': 'POLYLINE', 'elk.layered.nodePlacement.strategy': 'SIMPLE' });
  });
});
