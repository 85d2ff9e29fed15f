// Places a region's graph with ELK's layered (Sugiyama) algorithm, left to right, so a reuse chain
// AMI -> instance -> AMI -> instance reads as a row. ELK (elkjs, ~1.6 MB) is imported on first use only:
// this module is itself loaded only when the map is opened.
import type { ELK as ElkEngine, ElkNode, ElkExtendedEdge } from 'elkjs/lib/elk-api';
import type { GraphEdge, GraphNode, RegionGraph } from './graph.ts';

const NODE_WIDTH = 236;
const NODE_HEIGHT = 64;

interface Point {
  x: number;
  y: number;
}

export interface PlacedNode {
  node: GraphNode;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface PlacedEdge {
  edge: GraphEdge;
  /** Start point, bend points, end point. */
  points: Point[];
}

export interface RegionLayout {
  region: string;
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

let engine: Promise<ElkEngine> | undefined;

/** The shared ELK instance, created on first use (runs on the calling thread: no worker to ship). */
export function loadElk(): Promise<ElkEngine> {
  engine ??= import('elkjs/lib/elk.bundled.js').then((mod) => {
    const ELK = mod.default;
    return new ELK();
  });
  return engine;
}

/** Above this many nodes the map switches to ELK's fast settings. */
const BIG_GRAPH = 150;

/**
 * Small graphs (every lesson's run) get ELK's careful defaults and right-angled arrows. Big ones
 * (hundreds of nodes) trade a few crossings and straight-line arrows for speed: less thorough crossing
 * minimisation, the simple node placer and polyline routing cut the layout time by about half.
 */
export function layoutOptions(nodeCount: number): Record<string, string> {
  const big = nodeCount > BIG_GRAPH;
  return {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.edgeRouting': big ? 'POLYLINE' : 'ORTHOGONAL',
    'elk.layered.thoroughness': big ? '1' : '7',
    ...(big ? { 'elk.layered.nodePlacement.strategy': 'SIMPLE' } : {}),
    'elk.spacing.nodeNode': '20',
    'elk.layered.spacing.nodeNodeBetweenLayers': '56',
    'elk.spacing.componentComponent': '28',
    'elk.padding': '[top=16,left=16,bottom=16,right=16]',
  };
}

function toElkGraph(graph: RegionGraph): ElkNode {
  return {
    id: `region:${graph.region}`,
    layoutOptions: layoutOptions(graph.nodes.length),
    children: graph.nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: graph.edges.map((e): ElkExtendedEdge => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
}

export async function layoutRegion(graph: RegionGraph, elk?: ElkEngine): Promise<RegionLayout> {
  const laidOut = await (elk ?? (await loadElk())).layout(toElkGraph(graph));
  const byId = new Map((laidOut.children ?? []).map((c) => [c.id, c]));
  const nodes: PlacedNode[] = graph.nodes.map((node) => {
    const placed = byId.get(node.id);
    return { node, x: placed?.x ?? 0, y: placed?.y ?? 0, width: placed?.width ?? NODE_WIDTH, height: placed?.height ?? NODE_HEIGHT };
  });
  const edgeById = new Map((laidOut.edges ?? []).map((e) => [e.id, e]));
  const edges: PlacedEdge[] = graph.edges.map((edge) => {
    const section = edgeById.get(edge.id)?.sections?.[0];
    const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
    return { edge, points: points.map((p) => ({ x: p.x, y: p.y })) };
  });
  return { region: graph.region, width: laidOut.width ?? 0, height: laidOut.height ?? 0, nodes, edges };
}
