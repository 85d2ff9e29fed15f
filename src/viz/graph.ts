// The live map's graph: per region, the account's AMIs, instances and launch templates as nodes, and
// three kinds of arrow: "launched from" (AMI -> instance), "created from" (instance -> AMI) and "named by"
// (AMI -> the launch template whose versions name it). Pure functions, no DOM, no layout: layout.ts
// places what this module decides to draw.
import {
  listed, readWorld, tagValue, templateImageIds,
  type ImageResolver, type RegionWorld, type Tag, type VizImage, type VizInstance, type VizNetwork, type VizTemplate, type VizTemplateVersion, type VizWorld,
} from './world.ts';

type NodeKind = 'image' | 'instance' | 'template';
type EdgeKind = 'launched-from' | 'created-from' | 'named-by';

/** What a launch template's node shows beside its name and ID. */
interface TemplateDetails {
  defaultVersion: number;
  latestVersion: number;
  versions: VizTemplateVersion[];
}

export interface GraphNode {
  id: string;
  kind: NodeKind;
  /** Main caption: the Name tag of an instance, the name of an image (the ID when there is none). */
  label: string;
  /** API state name: pending, running, available, ... ('missing' for an image no longer in the state; '' for a template, which has none). */
  state: string;
  /** '' for a template (its versions may name images of either architecture). */
  architecture: string;
  tags: Tag[];
  /** Instances only. */
  instanceType?: string;
  /** Images only: 'self', 'amazon', 'aws-marketplace' or the owner's account ID. */
  owner?: string;
  /** Instances only: subnet and what the security groups let in. */
  network?: VizNetwork;
  /** Images only: the snapshots that hold the image's disks. */
  snapshots?: string[];
  /** Software on the root disk beyond the operating system's base. */
  software?: string[];
  /** Launch templates only. */
  template?: TemplateDetails;
}

export interface GraphEdge {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
}

export interface RegionGraph {
  region: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** One panel per region that holds something worth drawing, sorted by region name. */
export interface VizGraph {
  regions: RegionGraph[];
}

function imageOwner(image: VizImage, accountId: string): string {
  if (accountId && image.ownerId === accountId) return 'self';
  return image.ownerAlias ?? image.ownerId;
}

function imageNode(image: VizImage, accountId: string): GraphNode {
  return {
    id: image.id,
    kind: 'image',
    label: image.name || image.id,
    state: image.state,
    architecture: image.architecture,
    tags: image.tags,
    owner: imageOwner(image, accountId),
    ...listed('snapshots', image.snapshots),
    ...listed('software', image.software),
  };
}

function instanceNode(instance: VizInstance): GraphNode {
  return {
    id: instance.id,
    kind: 'instance',
    label: tagValue(instance.tags, 'Name') || instance.id,
    state: instance.state,
    architecture: instance.architecture,
    tags: instance.tags,
    instanceType: instance.instanceType,
    ...(instance.network ? { network: instance.network } : {}),
    ...listed('software', instance.software),
  };
}

function templateNode(template: VizTemplate): GraphNode {
  const { defaultVersion, latestVersion, versions } = template;
  return { id: template.id, kind: 'template', label: template.name, state: '', architecture: '', tags: template.tags, template: { defaultVersion, latestVersion, versions } };
}

/** An instance's image that the state no longer holds (deregistered long ago, or outside the export). */
function missingImageNode(id: string, architecture: string): GraphNode {
  return { id, kind: 'image', label: id, state: 'missing', architecture, tags: [] };
}

function byTimeThenId<T extends { id: string }>(time: (x: T) => string | undefined) {
  return (a: T, b: T) => (time(a) ?? '').localeCompare(time(b) ?? '') || a.id.localeCompare(b.id);
}

/**
 * Which images a region's panel shows: the account's own images, and any image an instance was launched
 * from (a Quick Start AMI, say). The thousands of public catalog images nobody used stay out.
 */
function imagesToDraw(region: RegionWorld, accountId: string): VizImage[] {
  const used = new Set([...Object.values(region.instances).map((i) => i.imageId), ...templateImageIds(region)]);
  return Object.values(region.images)
    .filter((image) => (accountId !== '' && image.ownerId === accountId) || used.has(image.id))
    .sort(byTimeThenId((i) => i.creationDate));
}

function regionToGraph(regionName: string, region: RegionWorld, accountId: string): RegionGraph {
  const images = imagesToDraw(region, accountId);
  const instances = Object.values(region.instances).sort(byTimeThenId((i) => i.launchTime));
  const nodes: GraphNode[] = images.map((image) => imageNode(image, accountId));
  const known = new Set(nodes.map((n) => n.id));
  const edges: GraphEdge[] = [];

  for (const instance of instances) {
    if (instance.imageId && !known.has(instance.imageId)) {
      nodes.push(missingImageNode(instance.imageId, instance.architecture));
      known.add(instance.imageId);
    }
  }
  const instanceIds = new Set(instances.map((i) => i.id));
  for (const instance of instances) {
    nodes.push(instanceNode(instance));
    if (instance.imageId) {
      edges.push({ id: `${instance.imageId}->${instance.id}`, kind: 'launched-from', source: instance.imageId, target: instance.id });
    }
  }
  for (const image of images) {
    if (image.sourceInstanceId && instanceIds.has(image.sourceInstanceId)) {
      edges.push({ id: `${image.sourceInstanceId}->${image.id}`, kind: 'created-from', source: image.sourceInstanceId, target: image.id });
    }
  }
  for (const template of Object.values(region.templates).sort(byTimeThenId((t) => t.createTime))) {
    nodes.push(templateNode(template));
    edges.push(...templateEdges(template, known));
  }
  return { region: regionName, nodes, edges };
}

/** One "named by" arrow per AMI a template's versions name, when that AMI is drawn in the panel. */
function templateEdges(template: VizTemplate, drawn: ReadonlySet<string>): GraphEdge[] {
  const named = new Set(template.versions.map((v) => v.imageId ?? ''));
  return [...named]
    .filter((imageId) => drawn.has(imageId))
    .map((imageId) => ({ id: `${imageId}->${template.id}`, kind: 'named-by', source: imageId, target: template.id }));
}

export function worldToGraph(world: VizWorld): VizGraph {
  const regions = Object.keys(world.regions)
    .sort()
    .map((name) => regionToGraph(name, world.regions[name], world.accountId))
    .filter((g) => g.nodes.length > 0);
  return { regions };
}

/**
 * The map of an exported model state (`model.exportState()` or a run's `model.state`). `resolve` names
 * the catalog images instances were launched from (they are not part of the state).
 */
export function stateToGraph(state: unknown, resolve?: ImageResolver): VizGraph {
  return worldToGraph(readWorld(state, resolve));
}

export function countNodes(graph: RegionGraph): { images: number; instances: number; templates: number } {
  const count = (kind: NodeKind) => graph.nodes.filter((n) => n.kind === kind).length;
  return { images: count('image'), instances: count('instance'), templates: count('template') };
}
