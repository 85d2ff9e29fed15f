// Words for the map: a node's one-line description (aria-label, list item), its detail rows (tooltip),
// a replay step's caption. Pure functions over graph nodes and events, shared by the graph and the list.
import type { GraphNode, RegionGraph } from './graph.ts';
import type { Translate, VizKey } from '../i18n/viz-strings.ts';
import type { VizEvent } from './replay.ts';
import type { VizNetwork, VizRule } from './world.ts';

const stateKeys = new Set([
  'pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated', 'available', 'deregistered', 'failed', 'invalid',
]);

/** The state in the reader's language; states the dictionary lacks stay as the API spells them. */
export function stateLabel(state: string, t: Translate): string {
  if (state === 'missing') return t('node.missing');
  return stateKeys.has(state) ? t(`state.${state}` as VizKey) : state;
}

/** "em execução (running)": the word, and the API value when the word differs from it. */
export function stateText(state: string, t: Translate): string {
  const label = stateLabel(state, t);
  return label === state ? state : `${label} (${state})`;
}

function ownerLabel(owner: string | undefined, t: Translate): string {
  if (!owner || owner === 'self') return t('node.ownerSelf');
  if (owner === 'amazon') return t('node.ownerAmazon');
  if (owner === 'aws-marketplace') return t('node.ownerMarketplace');
  return t('node.ownerOther', { account: owner });
}

function tagsText(node: GraphNode, t: Translate): string {
  return node.tags.length ? node.tags.map((tag) => `${tag.key}=${tag.value}`).join(', ') : t('node.noTags');
}

const originKeys = { 'launched-from': 'node.launchedFrom', 'created-from': 'node.createdFrom', 'named-by': 'node.usesImage' } as const;

/** Incoming arrows of a node, as text: "launched from ami-…" / "created from i-…" / "uses ami-…". */
function originsText(node: GraphNode, graph: RegionGraph, t: Translate): string[] {
  return graph.edges.filter((e) => e.target === node.id).map((e) => t(originKeys[e.kind], { id: e.source }));
}

/** A launch template's rows: its default and latest version, and the AMI each version names. */
function templateRows(node: GraphNode, t: Translate): [string, string][] {
  if (!node.template) return [];
  const { defaultVersion, latestVersion, versions } = node.template;
  return [
    [t('node.defaultVersion'), String(defaultVersion)],
    [t('node.latestVersion'), String(latestVersion)],
    ...versions.map((v): [string, string] => [t('node.version', { version: v.number }), v.imageId ?? t('node.noImage')]),
  ];
}

/** The kind of a node in the reader's language. */
export function kindLabel(node: GraphNode, t: Translate): string {
  return node.kind === 'image' ? t('node.image') : node.kind === 'instance' ? t('node.instance') : t('node.template');
}

/** The one-line description of a launch template (it has no state nor architecture). */
function describeTemplate(node: GraphNode, graph: RegionGraph, t: Translate): string {
  return [
    `${kindLabel(node, t)} ${node.id} "${node.label}"`,
    ...templateRows(node, t).map(([label, value]) => `${label}: ${value}`),
    `${t('node.tags')}: ${tagsText(node, t)}`,
    ...originsText(node, graph, t),
  ].join('; ');
}

/** "subnet-… (10.0.1.0/24, us-east-1a), 10.0.1.4": where the instance sits. */
function subnetText(network: VizNetwork): string {
  const where = [network.cidr, network.zone].filter(Boolean).join(', ');
  return [`${network.subnetId}${where ? ` (${where})` : ''}`, network.privateIp].filter(Boolean).join(', ');
}

/** "TCP 80 from 0.0.0.0/0": one inbound rule; a range shows as 8000-8080, protocol -1 as all traffic. */
function ruleText(rule: VizRule, t: Translate): string {
  if (rule.protocol === '-1') return t('node.ruleAll', { from: rule.peer });
  const ports = rule.fromPort === undefined || rule.fromPort === rule.toPort ? `${rule.fromPort ?? ''}` : `${rule.fromPort}-${rule.toPort}`;
  return t('node.rule', { what: `${rule.protocol.toUpperCase()} ${ports}`.trim(), from: rule.peer });
}

/** What the instance's security groups let in, or "nothing". */
function inboundText(network: VizNetwork, t: Translate): string {
  return network.inbound.length ? network.inbound.map((r) => ruleText(r, t)).join('; ') : t('node.letsInNothing');
}

/** The subnet and inbound rows of an instance (none for an image). */
function networkRows(node: GraphNode, t: Translate): [string, string][] {
  if (!node.network) return [];
  return [
    [t('node.subnet'), subnetText(node.network)],
    [t('node.letsIn'), inboundText(node.network, t)],
  ];
}

/** One line that says everything the node shows: for aria-label and the list view. */
export function describeNode(node: GraphNode, graph: RegionGraph, t: Translate): string {
  if (node.kind === 'template') return describeTemplate(node, graph, t);
  const kind = kindLabel(node, t);
  const name = node.label !== node.id ? ` "${node.label}"` : '';
  const parts = [
    `${kind} ${node.id}${name}`,
    `${t('node.state')}: ${stateText(node.state, t)}`,
    `${t('node.architecture')}: ${node.architecture}`,
  ];
  if (node.instanceType) parts.push(`${t('node.instanceType')}: ${node.instanceType}`);
  if (node.kind === 'image' && node.state !== 'missing') parts.push(`${t('node.owner')}: ${ownerLabel(node.owner, t)}`);
  parts.push(...networkRows(node, t).map(([label, value]) => `${label}: ${value}`));
  if (node.snapshots?.length) parts.push(`${t('node.snapshots')}: ${node.snapshots.join(', ')}`);
  if (node.software?.length) parts.push(`${t('node.software')}: ${node.software.join(', ')}`);
  parts.push(`${t('node.tags')}: ${tagsText(node, t)}`);
  parts.push(...originsText(node, graph, t));
  return parts.join('; ');
}

/** Label/value rows for the hover-and-focus card. */
export function detailRows(node: GraphNode, t: Translate): [string, string][] {
  if (node.kind === 'template') return [[kindLabel(node, t), node.id], ...templateRows(node, t), [t('node.tags'), tagsText(node, t)]];
  const rows: [string, string][] = [
    [kindLabel(node, t), node.id],
    [t('node.state'), stateText(node.state, t)],
    [t('node.architecture'), node.architecture],
  ];
  if (node.instanceType) rows.push([t('node.instanceType'), node.instanceType]);
  if (node.kind === 'image' && node.state !== 'missing') rows.push([t('node.owner'), ownerLabel(node.owner, t)]);
  rows.push(...networkRows(node, t));
  if (node.snapshots?.length) rows.push([t('node.snapshots'), node.snapshots.join(', ')]);
  if (node.software?.length) rows.push([t('node.software'), node.software.join(', ')]);
  rows.push([t('node.tags'), tagsText(node, t)]);
  return rows;
}

/** Caption of a replay step: what the Nth event did. */
export function describeEvent(event: VizEvent, t: Translate): string {
  const s = (state: string | undefined) => (state ? stateLabel(state, t) : '?');
  switch (event.kind) {
    case 'instance-launched':
      return t('event.instanceLaunched', { id: event.id, image: event.imageId || '?' });
    case 'instance-state':
      return t('event.instanceState', { id: event.id, from: s(event.from), to: s(event.to) });
    case 'image-created':
      return t('event.imageCreated', { id: event.id, instance: event.sourceInstanceId ?? event.sourceImageId ?? '?' });
    case 'instance-expired':
      return t('event.other', { type: `instance-expired ${event.id}`, region: event.region });
    case 'image-state':
      return event.to === 'deregistered'
        ? t('event.imageDeregistered', { id: event.id })
        : t('event.imageState', { id: event.id, from: s(event.from), to: s(event.to) });
    case 'template-created':
      return t('event.templateCreated', { id: event.id, name: event.name });
    case 'template-version':
      return t('event.templateVersion', { id: event.id, version: event.version });
    case 'template-default':
      return t('event.templateDefault', { id: event.id, version: event.version });
    case 'template-deleted':
      return t('event.templateDeleted', { id: event.id, name: event.name });
    default:
      return t('event.other', { type: event.type, region: event.region });
  }
}

/**
 * The region's nodes as a tree for the list view: roots are images nothing in the panel made, then
 * each node's children are the nodes its arrows point to (AMI -> instances -> AMIs -> ...).
 */
export interface TreeItem {
  node: GraphNode;
  children: TreeItem[];
}

export function graphTree(graph: RegionGraph): TreeItem[] {
  const children = new Map<string, string[]>();
  const hasParent = new Set<string>();
  for (const edge of graph.edges) {
    children.set(edge.source, [...(children.get(edge.source) ?? []), edge.target]);
    hasParent.add(edge.target);
  }
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const placed = new Set<string>();
  const build = (id: string): TreeItem | undefined => {
    const node = byId.get(id);
    if (!node || placed.has(id)) return undefined;
    placed.add(id);
    const kids = (children.get(id) ?? []).map(build).filter((x): x is TreeItem => x !== undefined);
    return { node, children: kids };
  };
  const roots = graph.nodes.filter((n) => !hasParent.has(n.id)).map((n) => build(n.id));
  // Anything left over (only possible with a cycle in bad data) still gets listed.
  const rest = graph.nodes.filter((n) => !placed.has(n.id)).map((n) => build(n.id));
  return [...roots, ...rest].filter((x): x is TreeItem => x !== undefined);
}
