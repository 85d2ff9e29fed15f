// Replay: rebuild what the account looked like after each event of a run, so the map can step through
// it. A run sends back its final state and its event log (src/mini-ec2/events.ts). Events say what
// appeared and when states changed; the final state supplies details an event leaves out (an instance's
// architecture). Step 0 is the world before the first event; step N has events 1..N applied.
import { worldToGraph, type VizGraph } from './graph.ts';
import { addCatalogImages, listed, readTags, readWorld, type ImageResolver, type RegionWorld, type VizWorld } from './world.ts';

/** The events the map draws, read from ModelEvents; everything else is 'other' (a step with no change). */
export type VizEvent =
  | { kind: 'instance-launched'; seq: number; region: string; id: string; imageId: string; instanceType: string; state: string; tags: { key: string; value: string }[] }
  | { kind: 'instance-state'; seq: number; region: string; id: string; from?: string; to: string }
  | { kind: 'instance-expired'; seq: number; region: string; id: string }
  | { kind: 'image-created'; seq: number; region: string; id: string; name: string; state: string; sourceInstanceId?: string; sourceImageId?: string; sourceRegion?: string }
  | { kind: 'image-state'; seq: number; region: string; id: string; from?: string; to: string }
  | { kind: 'template-created'; seq: number; region: string; id: string; name: string; version: number }
  | { kind: 'template-version'; seq: number; region: string; id: string; version: number }
  | { kind: 'template-default'; seq: number; region: string; id: string; version: number }
  | { kind: 'template-deleted'; seq: number; region: string; id: string; name: string }
  | { kind: 'other'; seq: number; region: string; type: string };

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function optStr(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The launch template events (launch-template-*), or undefined for any other type or a malformed one. */
function readTemplateEvent(e: Partial<Json>, seq: number, region: string, type: string): VizEvent | undefined {
  const id = str(e.launchTemplateId);
  const version = typeof e.version === 'number' && Number.isInteger(e.version) ? e.version : undefined;
  if (!id) return undefined;
  switch (type) {
    case 'launch-template-created':
      return version === undefined ? undefined : { kind: 'template-created', seq, region, id, name: str(e.name) || id, version };
    case 'launch-template-version-created':
      return version === undefined ? undefined : { kind: 'template-version', seq, region, id, version };
    case 'launch-template-default-changed':
      return version === undefined ? undefined : { kind: 'template-default', seq, region, id, version };
    case 'launch-template-deleted':
      return { kind: 'template-deleted', seq, region, id, name: str(e.name) || id };
  }
  return undefined;
}

/** Reads one ModelEvent (as JSON). Malformed events become 'other' steps: they never break a replay. */
export function readEvent(raw: unknown, index = 0): VizEvent {
  if (!isRecord(raw)) return { kind: 'other', seq: index + 1, region: '', type: 'unknown' };
  const e: Partial<Json> = raw;
  const seq = typeof e.seq === 'number' ? e.seq : index + 1;
  const region = str(e.region);
  const type = str(e.type);
  const instanceId = str(e.instanceId);
  const imageId = str(e.imageId);
  switch (type) {
    case 'instance-launched':
      if (instanceId) {
        return { kind: 'instance-launched', seq, region, id: instanceId, imageId, instanceType: str(e.instanceType), state: str(e.state) || 'pending', tags: readTags(e.tags) };
      }
      break;
    case 'instance-state-changed':
      if (instanceId && str(e.to)) return { kind: 'instance-state', seq, region, id: instanceId, from: optStr(e.from), to: str(e.to) };
      break;
    case 'instance-expired':
      if (instanceId) return { kind: 'instance-expired', seq, region, id: instanceId };
      break;
    case 'image-created':
      if (imageId) {
        return {
          kind: 'image-created', seq, region, id: imageId, name: str(e.name) || imageId, state: str(e.state) || 'pending',
          sourceInstanceId: optStr(e.sourceInstanceId), sourceImageId: optStr(e.sourceImageId), sourceRegion: optStr(e.sourceRegion),
        };
      }
      break;
    case 'image-state-changed':
      if (imageId && str(e.to)) return { kind: 'image-state', seq, region, id: imageId, from: optStr(e.from), to: str(e.to) };
      break;
    case 'image-deregistered':
      if (imageId) return { kind: 'image-state', seq, region, id: imageId, to: 'deregistered' };
      break;
  }
  return readTemplateEvent(e, seq, region, type) ?? { kind: 'other', seq, region, type: type || 'unknown' };
}

function cloneWorld(world: VizWorld): VizWorld {
  const regions: VizWorld['regions'] = {};
  for (const [name, r] of Object.entries(world.regions)) {
    regions[name] = { images: { ...r.images }, instances: { ...r.instances }, templates: { ...r.templates } };
  }
  return { accountId: world.accountId, regions };
}

function regionOf(world: VizWorld, name: string) {
  return (world.regions[name] ??= { images: {}, instances: {}, templates: {} });
}

/**
 * Applies one event and returns the new world (the input is left untouched). `reference` (the final
 * world) fills in what the event does not carry.
 */
export function applyEvent(world: VizWorld, event: VizEvent, reference: VizWorld = world, resolve?: ImageResolver): VizWorld {
  if (event.kind === 'other') return world;
  const next = cloneWorld(world);
  const r = regionOf(next, event.region);
  const ref = reference.regions[event.region];
  switch (event.kind) {
    case 'instance-launched': {
      const known = ref?.instances[event.id];
      const image = r.images[event.imageId] ?? ref?.images[event.imageId];
      r.instances[event.id] = {
        id: event.id,
        region: event.region,
        imageId: event.imageId,
        instanceType: event.instanceType,
        state: event.state,
        tags: event.tags,
        architecture: known?.architecture ?? image?.architecture ?? 'x86_64',
        launchTime: known?.launchTime,
        network: known?.network,
        // Its disks start as copies of the image's: the software the image holds is there from launch.
        ...listed('software', image?.software),
      };
      if (resolve) addCatalogImages(r, event.region, resolve);
      break;
    }
    case 'instance-state': {
      const current = r.instances[event.id] ?? ref?.instances[event.id];
      // User data runs at the first boot: from `running` on, the instance shows the software it ends with.
      const software = event.to === 'running' ? listed('software', ref?.instances[event.id]?.software ?? current?.software) : {};
      if (current) r.instances[event.id] = { ...current, state: event.to, ...software };
      break;
    }
    case 'instance-expired':
      delete r.instances[event.id];
      break;
    case 'image-created': {
      const known = ref?.images[event.id];
      r.images[event.id] = {
        ...(known ?? { architecture: 'x86_64', tags: [], isPublic: false }),
        id: event.id,
        region: event.region,
        name: event.name,
        state: event.state,
        ownerId: known?.ownerId ?? world.accountId,
        sourceInstanceId: event.sourceInstanceId,
        sourceImageId: event.sourceImageId,
        sourceImageRegion: event.sourceRegion,
      };
      break;
    }
    case 'image-state': {
      const current = r.images[event.id] ?? ref?.images[event.id];
      if (current) r.images[event.id] = { ...current, state: event.to };
      break;
    }
    default:
      applyTemplateEvent(r, event, ref);
  }
  return next;
}

/**
 * A launch template event on a region of the next world. The final world supplies what the events leave
 * out (the image each version names), up to the version the event reached.
 */
function applyTemplateEvent(r: RegionWorld, event: VizEvent, ref: RegionWorld | undefined): void {
  const known = ref?.templates[event.kind === 'other' ? '' : event.id];
  const versionsUpTo = (n: number) => known?.versions.filter((v) => v.number <= n) ?? [];
  switch (event.kind) {
    case 'template-created':
      r.templates[event.id] = {
        id: event.id, region: event.region, name: event.name, defaultVersion: event.version, latestVersion: event.version,
        versions: versionsUpTo(event.version), tags: known?.tags ?? [], createTime: known?.createTime,
      };
      break;
    case 'template-version': {
      const current = r.templates[event.id];
      if (current) r.templates[event.id] = { ...current, latestVersion: event.version, versions: versionsUpTo(event.version) };
      break;
    }
    case 'template-default': {
      const current = r.templates[event.id];
      if (current) r.templates[event.id] = { ...current, defaultVersion: event.version };
      break;
    }
    case 'template-deleted':
      delete r.templates[event.id];
      break;
  }
}

/**
 * The world before the first event: the final state without what the events created, and each
 * remaining resource in the state it had before its first recorded change.
 */
function initialWorld(final: VizWorld, events: readonly VizEvent[]): VizWorld {
  const start = cloneWorld(final);
  const seen = new Set<string>();
  for (const event of events) {
    if (event.kind === 'other' || seen.has(event.id)) continue;
    seen.add(event.id);
    const r = regionOf(start, event.region);
    if (event.kind === 'instance-launched') delete r.instances[event.id];
    else if (event.kind === 'image-created') delete r.images[event.id];
    else if (event.kind === 'template-created') delete r.templates[event.id];
    else if (event.kind === 'instance-state' && event.from && r.instances[event.id]) r.instances[event.id] = { ...r.instances[event.id], state: event.from };
    else if (event.kind === 'image-state' && event.from && r.images[event.id]) r.images[event.id] = { ...r.images[event.id], state: event.from };
  }
  return start;
}

export interface Replay {
  events: VizEvent[];
  /** worlds[n] is the account after the first n events; the last one is the final state. */
  worlds: VizWorld[];
}

/** Every step of a run, ready for a slider: `replay.worlds[n]`. */
export function buildReplay(finalState: unknown, rawEvents: readonly unknown[], resolve?: ImageResolver): Replay {
  const final = readWorld(finalState, resolve);
  // Volumes, snapshots, key pairs... change nothing on the map: they are not replay steps.
  const events = rawEvents.map((e, i) => readEvent(e, i)).filter((e) => e.kind !== 'other');
  const worlds: VizWorld[] = [initialWorld(final, events)];
  for (const event of events) worlds.push(applyEvent(worlds[worlds.length - 1], event, final, resolve));
  return { events, worlds };
}

/** The graphs of every step of a run (index 0 = before the first event). */
export function eventsToGraphs(finalState: unknown, rawEvents: readonly unknown[], resolve?: ImageResolver): VizGraph[] {
  return buildReplay(finalState, rawEvents, resolve).worlds.map(worldToGraph);
}
