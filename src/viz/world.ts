// What the map knows about an account: its images and instances per region, reduced to the fields the
// map draws. Both views build it from the model's exported state (`model.exportState()`, or the state a
// run sends back; see src/mini-ec2/state.ts), so this is the one module that knows the state's shape.
// A run's state arrives as untyped JSON from a server or a WebContainer, so it is read defensively:
// anything unexpected is skipped, never thrown on.
import { sharedBasePicture, type Distro } from '../mini-ec2/disk/contents.ts';

export interface Tag {
  key: string;
  value: string;
}

export interface VizImage {
  id: string;
  region: string;
  name: string;
  description?: string;
  state: string;
  architecture: string;
  ownerId: string;
  /** 'amazon' or 'aws-marketplace' for those images; absent on customers' images. */
  ownerAlias?: string;
  isPublic: boolean;
  tags: Tag[];
  /** The instance the image was created from (CreateImage). */
  sourceInstanceId?: string;
  /** For copies (CopyImage): where the copy came from. */
  sourceImageId?: string;
  sourceImageRegion?: string;
  /** ISO 8601. */
  creationDate?: string;
  /** The EBS snapshots that hold the image's disks, one per block device. */
  snapshots?: string[];
  /** Software on the image's root disk beyond its operating system's base ("httpd 2.4.62-1"). */
  software?: string[];
}

export interface VizInstance {
  id: string;
  region: string;
  imageId: string;
  state: string;
  instanceType: string;
  architecture: string;
  tags: Tag[];
  /** ISO 8601. */
  launchTime?: string;
  /** Software on the root disk beyond its operating system's base, installed by user data or Run Command. */
  software?: string[];
  /** Where the instance sits and what its security groups let in (from the state's subnets and groups). */
  network?: VizNetwork;
}

/** One inbound rule: protocol ('tcp', 'udp', 'icmp' or '-1' for all), port range, and the peer it allows. */
export interface VizRule {
  protocol: string;
  fromPort?: number;
  toPort?: number;
  peer: string;
}

export interface VizNetwork {
  subnetId: string;
  cidr?: string;
  zone?: string;
  privateIp?: string;
  /** The inbound rules of all the instance's groups, in group order. */
  inbound: VizRule[];
}

/** One numbered version of a launch template and the AMI it names (absent: the launch must give one). */
export interface VizTemplateVersion {
  number: number;
  /** An AMI ID, or `resolve:ssm:<parameter>` as the learner wrote it (resolved only at launch). */
  imageId?: string;
}

/** A launch template: a named, versioned set of launch settings (src/mini-ec2/resources/launch-templates.ts). */
export interface VizTemplate {
  id: string;
  region: string;
  name: string;
  defaultVersion: number;
  latestVersion: number;
  /** Oldest first. */
  versions: VizTemplateVersion[];
  tags: Tag[];
  /** ISO 8601. */
  createTime?: string;
}

export interface RegionWorld {
  images: Record<string, VizImage>;
  instances: Record<string, VizInstance>;
  templates: Record<string, VizTemplate>;
}

export interface VizWorld {
  accountId: string;
  regions: Record<string, RegionWorld>;
}

/**
 * Public catalog images are not in the exported state (the model derives them from the region name).
 * A resolver lets the map name the Quick Start AMI an instance came from; without one it shows the ID.
 */
export type ImageResolver = (region: string, imageId: string) => VizImage | undefined;

function emptyWorld(accountId = ''): VizWorld {
  return { accountId, regions: {} };
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

function optStr(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** State times are simulated ms since epoch; a live SDK-shaped object may hold Dates or ISO strings. */
function isoTime(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value).toISOString();
  return optStr(value);
}

/** `[{ Key, Value }]`, as the model and the API store tags. */
export function readTags(value: unknown): Tag[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isRecord)
    .map((t) => ({ key: str(t.Key), value: typeof t.Value === 'string' ? t.Value : '' }))
    .filter((t) => t.key !== '');
}

/** The snapshot IDs of an ImageRecord's block devices (`[{ snapshotId }]`). */
function readSnapshotIds(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((b) => str(b.snapshotId)).filter((id) => id !== '');
}

/**
 * What a disk holds beyond its distribution's base picture: `DiskData` of the state (a volume or a
 * snapshot) keeps `contents` once something was written to it, and only `baseDistro` until then.
 */
function addedSoftware(disk: unknown): string[] {
  if (!isRecord(disk) || !isRecord(disk.contents) || !isRecord(disk.contents.packages)) return [];
  const base = sharedBasePicture(str(disk.contents.distro, 'al2023') as Distro)?.packages ?? {};
  return Object.entries(disk.contents.packages)
    .filter(([name]) => !(name in base))
    .map(([name, entry]) => (isRecord(entry) && typeof entry.version === 'string' ? `${name} ${entry.version}` : name))
    .sort();
}

/** `{ [key]: list }` when the list has entries, `{}` otherwise (the map leaves empty lists out). */
export function listed<K extends string>(key: K, list: string[] | undefined): { [P in K]?: string[] } {
  return (list?.length ? { [key]: list } : {}) as { [P in K]?: string[] };
}

/** The state's record of an instance's root volume (from its region's `volumes`). */
function volumeOf(instance: Json, regionState: Json): unknown {
  const volumes = isRecord(regionState.volumes) ? regionState.volumes : {};
  return volumes[str(rootEntry(instance.volumes, instance.rootDeviceName)?.volumeId)];
}

/** The root device's entry of a list of `{ device, ... }` (or the first one). */
function rootEntry(list: unknown, rootDevice: unknown): Json | undefined {
  if (!Array.isArray(list)) return undefined;
  const entries = list.filter(isRecord);
  return entries.find((e) => e.device === rootDevice) ?? entries[0];
}

/** An ImageRecord of the state. */
export function readImage(raw: unknown, region: string, snapshots: Json = {}): VizImage | undefined {
  if (!isRecord(raw)) return undefined;
  const id = str(raw.id);
  if (!id) return undefined;
  return {
    id,
    region,
    name: str(raw.name, id),
    description: optStr(raw.description),
    state: str(raw.state, 'unknown'),
    architecture: str(raw.architecture, 'x86_64'),
    ownerId: str(raw.ownerId),
    ownerAlias: optStr(raw.alias),
    isPublic: raw.public === true,
    tags: readTags(raw.tags),
    sourceInstanceId: optStr(raw.sourceInstanceId),
    sourceImageId: optStr(raw.sourceImageId),
    sourceImageRegion: optStr(raw.sourceImageRegion),
    creationDate: isoTime(raw.creationDate),
    ...listed('snapshots', readSnapshotIds(raw.blockDevices)),
    ...listed('software', addedSoftware(snapshots[str(rootEntry(raw.blockDevices, raw.rootDeviceName)?.snapshotId)])),
  };
}

/** A RuleRecord of the state (src/mini-ec2/state.ts): its peer is a CIDR block or another group. */
function readRule(raw: unknown): VizRule | undefined {
  if (!isRecord(raw)) return undefined;
  const peer = str(raw.cidr) || str(raw.cidrV6) || str(raw.sourceGroupId);
  if (!peer) return undefined;
  const port = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
  return { protocol: str(raw.protocol, '-1'), fromPort: port(raw.fromPort), toPort: port(raw.toPort), peer };
}

/** An instance's subnet and the inbound rules of its groups, looked up in the region's state. */
function readNetwork(instance: Json, regionState: Json): VizNetwork | undefined {
  const subnetId = str(instance.subnetId);
  if (!subnetId) return undefined;
  const subnet = isRecord(regionState.subnets) ? regionState.subnets[subnetId] : undefined;
  const groups = isRecord(regionState.securityGroups) ? regionState.securityGroups : {};
  const groupIds = Array.isArray(instance.groupIds) ? instance.groupIds.filter((id): id is string => typeof id === 'string') : [];
  const inbound = groupIds.flatMap((id) => {
    const group = groups[id];
    return isRecord(group) && Array.isArray(group.ingress) ? group.ingress.map(readRule).filter((r): r is VizRule => r !== undefined) : [];
  });
  return {
    subnetId,
    cidr: isRecord(subnet) ? optStr(subnet.cidr) : undefined,
    zone: isRecord(subnet) ? optStr(subnet.availabilityZone) : undefined,
    privateIp: optStr(instance.privateIp),
    inbound,
  };
}

/** An InstanceRecord of the state (with its region's state, to read its network). */
function readInstance(raw: unknown, region: string, regionState: Json = {}): VizInstance | undefined {
  if (!isRecord(raw)) return undefined;
  const id = str(raw.id);
  if (!id) return undefined;
  return {
    id,
    region,
    imageId: str(raw.imageId),
    state: str(raw.state, 'unknown'),
    instanceType: str(raw.instanceType),
    architecture: str(raw.architecture, 'x86_64'),
    tags: readTags(raw.tags),
    launchTime: isoTime(raw.launchTime),
    network: readNetwork(raw, regionState),
    ...listed('software', addedSoftware(volumeOf(raw, regionState))),
  };
}

function positiveInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** A LaunchTemplateVersionRecord of the state: its number and the ImageId of its launch data. */
function readTemplateVersion(raw: unknown): VizTemplateVersion | undefined {
  if (!isRecord(raw)) return undefined;
  const number = positiveInt(raw.number);
  if (number === undefined) return undefined;
  return { number, imageId: isRecord(raw.data) ? optStr(raw.data.ImageId) : undefined };
}

/** A LaunchTemplateRecord of the state. */
function readTemplate(raw: unknown, region: string): VizTemplate | undefined {
  if (!isRecord(raw)) return undefined;
  const id = str(raw.id);
  if (!id) return undefined;
  const versions = recordValues(raw.versions)
    .map(readTemplateVersion)
    .filter((v): v is VizTemplateVersion => v !== undefined)
    .sort((a, b) => a.number - b.number);
  const newest = versions.at(-1)?.number ?? 1;
  return {
    id,
    region,
    name: str(raw.name, id),
    defaultVersion: positiveInt(raw.defaultVersion) ?? 1,
    latestVersion: positiveInt(raw.latestVersion) ?? newest,
    versions,
    tags: readTags(raw.tags),
    createTime: isoTime(raw.createTime),
  };
}

function recordValues(value: unknown): unknown[] {
  return isRecord(value) ? Object.values(value) : Array.isArray(value) ? value : [];
}

/**
 * Reads an exported ModelState into a VizWorld. Images an instance was launched from that the state does
 * not hold (catalog images) are filled in by `resolve` when given. Not a state at all: an empty world.
 */
export function readWorld(state: unknown, resolve?: ImageResolver): VizWorld {
  if (!isRecord(state)) return emptyWorld();
  const world = emptyWorld(str(state.accountId));
  if (!isRecord(state.regions)) return world;
  for (const [region, raw] of Object.entries(state.regions)) {
    if (!isRecord(raw)) continue;
    const regionWorld: RegionWorld = { images: {}, instances: {}, templates: {} };
    for (const rawImage of recordValues(raw.images)) {
      const image = readImage(rawImage, region, isRecord(raw.snapshots) ? raw.snapshots : {});
      if (image) regionWorld.images[image.id] = image;
    }
    for (const rawInstance of recordValues(raw.instances)) {
      const instance = readInstance(rawInstance, region, raw);
      if (instance) regionWorld.instances[instance.id] = instance;
    }
    for (const rawTemplate of recordValues(raw.launchTemplates)) {
      const template = readTemplate(rawTemplate, region);
      if (template) regionWorld.templates[template.id] = template;
    }
    if (resolve) addCatalogImages(regionWorld, region, resolve);
    world.regions[region] = regionWorld;
  }
  return world;
}

/** The AMI IDs the region's launch templates name, in any version (`resolve:ssm:` names left out). */
export function templateImageIds(region: RegionWorld): string[] {
  return Object.values(region.templates).flatMap((template) =>
    template.versions.flatMap((v) => (v.imageId?.startsWith('ami-') ? [v.imageId] : [])));
}

/** Adds the catalog images the region's instances were launched from or its templates name (when the resolver knows them). */
export function addCatalogImages(region: RegionWorld, regionName: string, resolve: ImageResolver): void {
  const used = [...Object.values(region.instances).map((instance) => instance.imageId), ...templateImageIds(region)];
  for (const imageId of used) {
    if (!imageId || region.images[imageId]) continue;
    const image = resolve(regionName, imageId);
    if (image) region.images[image.id] = image;
  }
}

export function tagValue(tags: readonly Tag[], key: string): string | undefined {
  return tags.find((t) => t.key === key)?.value;
}
