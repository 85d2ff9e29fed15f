/**
 * Images (AMIs), their snapshots and the account's volumes: CreateImage, DescribeImages,
 * DeregisterImage, CopyImage, DescribeSnapshots, DescribeVolumes.
 *
 * What an image holds (spec 6): disks. CreateImage takes one snapshot per attached volume, and each
 * snapshot keeps what its volume held (packages, services, files: see disk/); launching from the image
 * makes volumes from those snapshots. The image does not record the instance's type, key pair,
 * security groups, user data or tags: those belong to each launch. CopyImage copies the snapshots,
 * contents included, to the other region.
 */
import type { Ctx } from '../context.ts';
import { Errors } from '../errors.ts';
import { compileFilters, matchesAll, type FilterTable } from '../filters.ts';
import { isWellFormedId } from '../ids.ts';
import { regionInfo } from '../regions.ts';
import type { ImageBlockDevice, ImageRecord, InstanceRecord, RegionState, SnapshotRecord, TagRecord } from '../state.ts';
import { tagsOut } from './tags.ts';
import { copyDiskData, diskFromSnapshot } from '../disk/volume-disk.ts';
import { afterBoot } from '../disk/boot.ts';
import type {
  CopyImageRequest,
  CreateImageRequest,
  DescribeImagesRequest,
  Image,
} from '../sdk-shapes.ts';
import { paginate, tagsByResourceType } from '../input-parser.ts';

const NAME = /^[A-Za-z0-9()[\] ./\-'@_]{3,128}$/;

const own = (region: RegionState, id: string): ImageRecord | undefined =>
  Object.prototype.hasOwnProperty.call(region.images, id) ? region.images[id] : undefined;

/**
 * Whether the calling account may see (and launch) an image of the model's account: its owner always;
 * another account when the image is public or shared with it by launch permission (image-sharing.ts).
 */
const visibleToCaller = (ctx: Ctx, image: ImageRecord): boolean =>
  image.ownerId === ctx.accountId || image.public || (image.sharedWith ?? []).includes(ctx.accountId);

/** An image visible to the account in a region: its own (even deregistered), one shared with it, or the public catalog. */
export function findImage(ctx: Ctx, regionName: string, id: string): ImageRecord | undefined {
  const region = ctx.regionState(regionName);
  const stored = region && own(region, id);
  if (stored) return visibleToCaller(ctx, stored) ? stored : undefined;
  return ctx.catalog(regionName).byId.get(id);
}

/** The image RunInstances will use: malformed, not found, pending or deregistered are errors. */
export function findLaunchableImage(ctx: Ctx, id: string): ImageRecord {
  if (!isWellFormedId(id, 'ami')) throw Errors.amiMalformed(id);
  const image = findImage(ctx, ctx.regionName, id);
  if (!image) throw Errors.amiNotFound([id]);
  if (image.state !== 'available') throw Errors.amiUnavailable(id);
  return image;
}

/** Tags are the tagging account's own: the owner sees its image's tags, the model's account its tags on catalog images. */
function tagsOfImage(ctx: Ctx, image: ImageRecord): TagRecord[] {
  if (image.ownerId === ctx.accountId) return image.tags;
  return ctx.accountId === ctx.state.accountId ? (ctx.region.catalogTags[image.id] ?? []) : [];
}

function imageOut(ctx: Ctx, i: ImageRecord): Image {
  const out: Image = {
    PlatformDetails: i.platformDetails,
    UsageOperation: i.usageOperation,
    BlockDeviceMappings: i.blockDevices.map((b) => ({
      DeviceName: b.device,
      Ebs: {
        DeleteOnTermination: b.deleteOnTermination,
        SnapshotId: b.snapshotId,
        VolumeSize: b.sizeGiB,
        VolumeType: b.volumeType,
        Encrypted: b.encrypted,
        ...(b.iops !== undefined ? { Iops: b.iops } : {}),
        ...(b.throughput !== undefined ? { Throughput: b.throughput } : {}),
      },
    })),
    EnaSupport: i.enaSupport,
    Hypervisor: 'xen',
    Name: i.name,
    RootDeviceName: i.rootDeviceName,
    RootDeviceType: 'ebs',
    SriovNetSupport: 'simple',
    VirtualizationType: i.virtualizationType,
    ImageId: i.id,
    ImageLocation: i.imageLocation,
    State: i.state,
    OwnerId: i.ownerId,
    CreationDate: new Date(i.creationDate).toISOString(),
    Public: i.public,
    Architecture: i.architecture,
    ImageType: 'machine',
  };
  if (i.description !== undefined) out.Description = i.description;
  if (i.alias) out.ImageOwnerAlias = i.alias;
  if (i.platform) out.Platform = i.platform;
  if (i.productCodes.length) out.ProductCodes = i.productCodes.map((code) => ({ ProductCodeId: code, ProductCodeType: 'marketplace' }));
  if (i.bootMode) out.BootMode = i.bootMode;
  if (i.deprecationTime !== undefined) out.DeprecationTime = new Date(i.deprecationTime).toISOString().replace(/\.\d{3}Z$/, '.000Z');
  if (i.sourceInstanceId) out.SourceInstanceId = i.sourceInstanceId;
  if (i.sourceImageId) out.SourceImageId = i.sourceImageId;
  if (i.sourceImageRegion) out.SourceImageRegion = i.sourceImageRegion;
  const tags = tagsOfImage(ctx, i);
  if (tags.length) out.Tags = tagsOut(tags);
  return out;
}

function checkName(ctx: Ctx, name: string): void {
  if (!NAME.test(name)) throw Errors.amiNameMalformed(name);
  for (const id in ctx.region.images) {
    const other = ctx.region.images[id];
    if (other.name === name && other.state !== 'deregistered') throw Errors.amiNameDuplicate(name, other.id);
  }
}

function checkDescription(description: string | undefined): void {
  if (description !== undefined && description.length > 255) {
    throw Errors.invalidParameterValue('AMI descriptions must be at most 255 characters long.');
  }
}

// ---- CreateImage -----------------------------------------------------------------------------------

/** A disk CreateImage will snapshot: one of the instance's volumes, or one the request adds. */
interface PlannedDisk {
  device: string;
  sizeGiB: number;
  volumeType: ImageBlockDevice['volumeType'];
  deleteOnTermination: boolean;
  encrypted: boolean;
  volumeId?: string;
  iops?: number;
  throughput?: number;
}

/** The instance to image: it must exist and be running, stopping or stopped; name and description checked between. */
function imageableInstance(ctx: Ctx, input: CreateImageRequest & { InstanceId: string; Name: string }): InstanceRecord {
  if (!isWellFormedId(input.InstanceId, 'i')) throw Errors.instanceMalformed(input.InstanceId);
  const instance = ctx.region.instances[input.InstanceId];
  if (!instance) throw Errors.instanceNotFound([input.InstanceId]);
  checkName(ctx, input.Name);
  checkDescription(input.Description);
  if (instance.state !== 'running' && instance.state !== 'stopping' && instance.state !== 'stopped') {
    throw Errors.createImageState(instance.id);
  }
  return instance;
}

/** The instance's attached volumes as they are now. */
function attachedDisks(region: RegionState, instance: InstanceRecord): PlannedDisk[] {
  const disks: PlannedDisk[] = [];
  for (const ref of instance.volumes) {
    const v = region.volumes[ref.volumeId];
    if (!v) continue;
    disks.push({
      device: ref.device, sizeGiB: v.sizeGiB, volumeType: v.volumeType, deleteOnTermination: ref.deleteOnTermination, encrypted: v.encrypted, volumeId: v.id,
      ...(v.iops !== undefined ? { iops: v.iops } : {}), ...(v.throughput !== undefined ? { throughput: v.throughput } : {}),
    });
  }
  return disks;
}

/** The disks to snapshot: the instance's volumes, changed, removed or extended by the request's mappings. */
function planImageDisks(ctx: Ctx, instance: InstanceRecord, mappings: CreateImageRequest['BlockDeviceMappings']): PlannedDisk[] {
  const planned = attachedDisks(ctx.region, instance);
  for (const m of mappings ?? []) {
    if (m.DeviceName === undefined) throw Errors.missingParameter('BlockDeviceMapping.DeviceName');
    const at = planned.findIndex((p) => p.device === m.DeviceName);
    if (m.NoDevice !== undefined) {
      if (m.DeviceName === instance.rootDeviceName) throw Errors.invalidParameterCombination('The device mapping for the root device may not be removed.');
      if (at >= 0) planned.splice(at, 1);
      continue;
    }
    if (!m.Ebs) continue;
    const base = at >= 0 ? planned[at] : undefined;
    const size = m.Ebs.VolumeSize ?? base?.sizeGiB;
    if (size === undefined) throw Errors.missingParameter('BlockDeviceMapping.Ebs.VolumeSize');
    if (size < 1 || size > 16384 || (base && size < base.sizeGiB)) throw Errors.invalidBlockDeviceMapping(`Invalid volume size ${size} for device ${m.DeviceName}.`);
    const entry: PlannedDisk = {
      device: m.DeviceName,
      sizeGiB: size,
      volumeType: (m.Ebs.VolumeType as PlannedDisk['volumeType']) ?? base?.volumeType ?? 'gp2',
      deleteOnTermination: m.Ebs.DeleteOnTermination ?? base?.deleteOnTermination ?? true,
      encrypted: m.Ebs.Encrypted ?? base?.encrypted ?? false,
      ...(base?.volumeId ? { volumeId: base.volumeId } : {}),
    };
    if (at >= 0) planned[at] = entry;
    else planned.push(entry);
  }
  return planned;
}

/** One pending snapshot per planned disk, holding what its volume holds; returns the image's mappings. */
function snapshotDisks(ctx: Ctx, instance: InstanceRecord, imageId: string, planned: readonly PlannedDisk[], tags: readonly TagRecord[]): ImageBlockDevice[] {
  const region = ctx.region;
  return planned.map((p) => {
    const snapshot: SnapshotRecord = {
      id: ctx.newId('snap'),
      volumeId: p.volumeId ?? 'vol-ffffffff',
      sizeGiB: p.sizeGiB,
      volumeType: p.volumeType,
      description: `Created by CreateImage(${instance.id}) for ${imageId}`,
      startTime: ctx.now,
      state: 'pending',
      encrypted: p.encrypted,
      tags: tags.map((t) => ({ ...t })),
      imageId,
      ...copyDiskData(p.volumeId ? region.volumes[p.volumeId] : undefined),
    };
    region.snapshots[snapshot.id] = snapshot;
    return {
      device: p.device, snapshotId: snapshot.id, sizeGiB: p.sizeGiB, volumeType: p.volumeType, deleteOnTermination: p.deleteOnTermination, encrypted: p.encrypted,
      ...(p.iops !== undefined ? { iops: p.iops } : {}), ...(p.throughput !== undefined ? { throughput: p.throughput } : {}),
    };
  });
}

/** The new image's record: pending, with its move to available scheduled. */
function newImageRecord(ctx: Ctx, input: CreateImageRequest & { Name: string }, instance: InstanceRecord, imageId: string, blockDevices: ImageBlockDevice[], tags: readonly TagRecord[]): ImageRecord {
  const source = findImage(ctx, ctx.regionName, instance.imageId);
  const at = ctx.now + ctx.state.timing.imageAvailableMs;
  return {
    id: imageId,
    name: input.Name,
    ...(input.Description !== undefined ? { description: input.Description } : {}),
    ownerId: ctx.accountId,
    state: 'pending',
    creationDate: ctx.now,
    public: false,
    architecture: instance.architecture,
    ...(instance.platform ? { platform: instance.platform } : {}),
    platformDetails: instance.platformDetails,
    usageOperation: instance.usageOperation,
    virtualizationType: instance.virtualizationType,
    rootDeviceName: instance.rootDeviceName,
    blockDevices,
    tags: tags.map((t) => ({ ...t })),
    productCodes: [...instance.productCodes],
    enaSupport: true,
    ...(source?.bootMode ? { bootMode: source.bootMode } : {}),
    imageLocation: `${ctx.accountId}/${input.Name}`,
    sourceInstanceId: instance.id,
    transition: { to: 'available', at, order: ctx.schedule('image', ctx.regionName, imageId, at) },
  };
}

export function createImage(ctx: Ctx, input: CreateImageRequest & { InstanceId: string; Name: string }, dryRun: boolean): { ImageId: string } {
  const instance = imageableInstance(ctx, input);
  const tagSpecs = tagsByResourceType(input.TagSpecifications, ['image', 'snapshot']);
  const planned = planImageDisks(ctx, instance, input.BlockDeviceMappings);
  if (dryRun) throw Errors.dryRun();

  // ---- every check passed ----
  const imageId = ctx.newId('ami');
  const blockDevices = snapshotDisks(ctx, instance, imageId, planned, tagSpecs.snapshot ?? []);
  const image = newImageRecord(ctx, input, instance, imageId, blockDevices, tagSpecs.image ?? []);
  ctx.region.images[imageId] = image;
  ctx.emit({
    type: 'image-created', resourceId: imageId, imageId, name: image.name, state: 'pending', how: 'create-image',
    sourceInstanceId: instance.id, snapshotIds: blockDevices.map((b) => b.snapshotId),
  });
  for (const b of blockDevices) {
    const s = ctx.region.snapshots[b.snapshotId];
    ctx.emit({ type: 'snapshot-created', resourceId: s.id, snapshotId: s.id, volumeId: s.volumeId, imageId, sizeGiB: s.sizeGiB });
  }
  // Without NoReboot, EC2 shuts the instance down and boots it again so the file systems are consistent
  // (the snapshots above hold the disk as it was at shutdown): services not enabled stop running.
  if (input.NoReboot !== true && instance.state === 'running') {
    ctx.emit({ type: 'instance-rebooted', resourceId: instance.id, instanceId: instance.id, reason: 'create-image' });
    afterBoot(ctx, instance, ctx.now, 'create-image');
  }
  return { ImageId: imageId };
}

/** pending -> available (snapshots complete with it); deregistered -> gone. */
export function applyImageTransition(ctx: Ctx, image: ImageRecord, at: number): void {
  const t = image.transition!;
  delete image.transition;
  if (t.to === 'expired') {
    delete ctx.region.images[image.id];
    ctx.emit({ type: 'image-expired', resourceId: image.id, imageId: image.id }, at);
    return;
  }
  const from = image.state;
  image.state = t.to;
  for (const b of image.blockDevices) {
    const s = ctx.region.snapshots[b.snapshotId];
    if (s && s.state === 'pending') s.state = 'completed';
  }
  ctx.emit({ type: 'image-state-changed', resourceId: image.id, imageId: image.id, from, to: t.to }, at);
}

// ---- DescribeImages ----------------------------------------------------------------------------------

const bdm = (pick: (b: ImageBlockDevice) => string) => (i: ImageRecord) => i.blockDevices.map(pick);

const IMAGE_FILTERS: FilterTable<ImageRecord> = {
  architecture: (i) => i.architecture,
  'block-device-mapping.delete-on-termination': bdm((b) => String(b.deleteOnTermination)),
  'block-device-mapping.device-name': bdm((b) => b.device),
  'block-device-mapping.snapshot-id': bdm((b) => b.snapshotId),
  'block-device-mapping.volume-size': bdm((b) => String(b.sizeGiB)),
  'block-device-mapping.volume-type': bdm((b) => b.volumeType),
  'block-device-mapping.encrypted': bdm((b) => String(b.encrypted)),
  'creation-date': (i) => new Date(i.creationDate).toISOString(),
  description: (i) => i.description,
  'ena-support': (i) => String(i.enaSupport),
  hypervisor: () => 'xen',
  'image-id': (i) => i.id,
  'image-type': () => 'machine',
  'is-public': (i) => String(i.public),
  'manifest-location': (i) => i.imageLocation,
  name: (i) => i.name,
  'owner-alias': (i) => i.alias,
  'owner-id': (i) => i.ownerId,
  platform: (i) => i.platform,
  'platform-details': (i) => i.platformDetails,
  'product-code': (i) => i.productCodes,
  'product-code.type': (i) => (i.productCodes.length ? 'marketplace' : undefined),
  'root-device-name': (i) => i.rootDeviceName,
  'root-device-type': () => 'ebs',
  'source-instance-id': (i) => i.sourceInstanceId,
  'source-image-id': (i) => i.sourceImageId,
  'source-image-region': (i) => i.sourceImageRegion,
  state: (i) => i.state,
  'usage-operation': (i) => i.usageOperation,
  'virtualization-type': (i) => i.virtualizationType,
  'boot-mode': (i) => i.bootMode,
  'deprecation-time': (i) => (i.deprecationTime !== undefined ? new Date(i.deprecationTime).toISOString() : undefined),
};

/** Owner names DescribeImages and DescribeSnapshots accept besides account IDs. */
export const OWNER_ALIASES = ['self', 'amazon', 'aws-marketplace', 'aws-backup-vault'];

export function describeImages(ctx: Ctx, input: DescribeImagesRequest): { Images: Image[]; NextToken?: string } {
  const region = ctx.region;
  const catalog = ctx.catalog(ctx.regionName);
  const table: FilterTable<ImageRecord> = { ...IMAGE_FILTERS, 'tag-key': (i) => tagsOfImage(ctx, i).map((t) => t.Key) };
  const filters = compileFilters(input.Filters, table, (i) => tagsOfImage(ctx, i));
  for (const owner of input.Owners ?? []) {
    if (!OWNER_ALIASES.includes(owner) && !/^\d{12}$/.test(owner)) throw Errors.userIdMalformed(owner);
  }
  for (const user of input.ExecutableUsers ?? []) {
    if (user !== 'self' && user !== 'all' && !/^\d{12}$/.test(user)) throw Errors.userIdMalformed(user);
  }
  if (input.MaxResults !== undefined && input.ImageIds?.length) {
    throw Errors.invalidParameterCombination('The parameter ImageIds cannot be used with the parameter maxResults');
  }

  let candidates: ImageRecord[];
  const byId = input.ImageIds !== undefined && input.ImageIds.length > 0;
  if (byId) {
    const ids = input.ImageIds!;
    for (const id of ids) if (!isWellFormedId(id, 'ami')) throw Errors.amiMalformed(id);
    const missing: string[] = [];
    candidates = [];
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      const stored = own(region, id);
      const image = stored && !visibleToCaller(ctx, stored) ? undefined : (stored ?? catalog.byId.get(id));
      if (!image) missing.push(id);
      else if (image.state !== 'deregistered') candidates.push(image);
      // A just-deregistered image answers with an empty result until it expires.
    }
    if (missing.length) throw Errors.amiNotFound(missing);
  } else {
    candidates = [];
    for (const id in region.images) {
      const image = region.images[id];
      if (image.state !== 'deregistered' && visibleToCaller(ctx, image)) candidates.push(image);
    }
    const now = ctx.now;
    for (const image of catalog.images) {
      if (input.IncludeDeprecated !== true && image.deprecationTime !== undefined && image.deprecationTime <= now) continue;
      candidates.push(image);
    }
  }

  const owners = input.Owners?.length ? input.Owners : undefined;
  const ownerMatches = (i: ImageRecord) =>
    !owners ||
    owners.some((o) =>
      o === 'self' ? i.ownerId === ctx.accountId : o === 'amazon' || o === 'aws-marketplace' ? i.alias === o : o === 'aws-backup-vault' ? false : i.ownerId === o,
    );
  const users = input.ExecutableUsers?.length ? input.ExecutableUsers : undefined;
  // `all`: public images; `self` (or the caller's own ID): images shared with the caller by launch
  // permission; another account ID: images shared with that account (EC2 API reference, DescribeImages).
  const sharedWith = (i: ImageRecord, account: string) => (i.sharedWith ?? []).includes(account);
  const userMatches = (i: ImageRecord) =>
    !users || users.some((u) => (u === 'all' ? i.public : sharedWith(i, u === 'self' ? ctx.accountId : u)));

  const matched = candidates.filter((i) => ownerMatches(i) && userMatches(i) && matchesAll(i, filters));
  const { page, nextToken } = paginate(matched, input.MaxResults, input.NextToken, [5, 1000]);
  return { Images: page.map((i) => imageOut(ctx, i)), ...(nextToken ? { NextToken: nextToken } : {}) };
}

// ---- DeregisterImage ---------------------------------------------------------------------------------

export function deregisterImage(ctx: Ctx, imageId: string, deleteSnapshots: boolean, dryRun: boolean): { Return: boolean } {
  if (!isWellFormedId(imageId, 'ami')) throw Errors.amiMalformed(imageId);
  const image = own(ctx.region, imageId);
  if (!image) {
    if (ctx.catalog(ctx.regionName).byId.has(imageId)) {
      throw Errors.authFailure(`Not authorized for image:${imageId}`);
    }
    throw Errors.amiNotFound([imageId]);
  }
  if (image.state === 'deregistered') throw Errors.amiUnavailable(imageId);
  if (dryRun) throw Errors.dryRun();
  const from = image.state;
  image.state = 'deregistered';
  image.deregisteredAt = ctx.now;
  const at = ctx.now + ctx.state.timing.deregisteredVisibleMs;
  image.transition = { to: 'expired', at, order: ctx.schedule('image', ctx.regionName, image.id, at) };
  if (deleteSnapshots) {
    for (const b of image.blockDevices) delete ctx.region.snapshots[b.snapshotId];
  }
  ctx.emit({ type: 'image-deregistered', resourceId: image.id, imageId: image.id, name: image.name });
  ctx.emit({ type: 'image-state-changed', resourceId: image.id, imageId: image.id, from, to: 'deregistered' });
  return { Return: true };
}

// ---- CopyImage ---------------------------------------------------------------------------------------

export function copyImage(ctx: Ctx, input: CopyImageRequest & { SourceImageId: string; SourceRegion: string; Name: string }, dryRun: boolean): { ImageId: string } {
  if (!regionInfo(input.SourceRegion)) throw Errors.regionUnknown(input.SourceRegion);
  if (!isWellFormedId(input.SourceImageId, 'ami')) throw Errors.amiMalformed(input.SourceImageId);
  const source = findImage(ctx, input.SourceRegion, input.SourceImageId);
  if (!source) throw Errors.amiNotFound([input.SourceImageId]);
  if (source.state !== 'available') throw Errors.amiUnavailable(input.SourceImageId);
  checkName(ctx, input.Name);
  checkDescription(input.Description);
  const tagSpecs = tagsByResourceType(input.TagSpecifications, ['image', 'snapshot']);
  if (input.ClientToken !== undefined && input.ClientToken.length > 64) throw Errors.invalidValue(input.ClientToken, 'ClientToken');
  if (dryRun) throw Errors.dryRun();

  const imageId = ctx.newId('ami');
  const now = ctx.now;
  const blockDevices: ImageBlockDevice[] = source.blockDevices.map((b) => {
    const snapshot: SnapshotRecord = {
      id: ctx.newId('snap'),
      volumeId: 'vol-ffffffff',
      sizeGiB: b.sizeGiB,
      volumeType: b.volumeType,
      description: `Copied for DestinationAmi ${imageId} from SourceAmi ${source.id} for SourceSnapshot ${b.snapshotId}. Task created on ${new Date(now).toISOString()}.`,
      startTime: now,
      state: 'pending',
      encrypted: input.Encrypted ?? b.encrypted,
      tags: (tagSpecs.snapshot ?? []).map((t) => ({ ...t })),
      imageId,
      ...sourceDisk(ctx, source, input.SourceRegion, b.device, b.snapshotId),
    };
    ctx.region.snapshots[snapshot.id] = snapshot;
    return { ...b, snapshotId: snapshot.id, encrypted: snapshot.encrypted };
  });
  const copiedTags = input.CopyImageTags && source.ownerId === ctx.accountId ? source.tags.map((t) => ({ ...t })) : [];
  const requested = tagSpecs.image ?? [];
  const at = now + ctx.state.timing.imageAvailableMs;
  const image: ImageRecord = {
    id: imageId,
    name: input.Name,
    description: input.Description ?? `[Copied ${source.id} from ${input.SourceRegion}] ${source.name}`,
    ownerId: ctx.accountId,
    state: 'pending',
    creationDate: now,
    public: false,
    architecture: source.architecture,
    ...(source.platform ? { platform: source.platform } : {}),
    platformDetails: source.platformDetails,
    usageOperation: source.usageOperation,
    virtualizationType: source.virtualizationType,
    rootDeviceName: source.rootDeviceName,
    blockDevices,
    tags: [...copiedTags.filter((t) => !requested.some((r) => r.Key === t.Key)), ...requested.map((t) => ({ ...t }))],
    productCodes: [...source.productCodes],
    enaSupport: source.enaSupport,
    ...(source.bootMode ? { bootMode: source.bootMode } : {}),
    imageLocation: `${ctx.accountId}/${input.Name}`,
    sourceImageId: source.id,
    sourceImageRegion: input.SourceRegion,
    transition: { to: 'available', at, order: ctx.schedule('image', ctx.regionName, imageId, at) },
  };
  ctx.region.images[imageId] = image;
  ctx.emit({
    type: 'image-created', resourceId: imageId, imageId, name: image.name, state: 'pending', how: 'copy-image',
    sourceImageId: source.id, sourceRegion: input.SourceRegion, snapshotIds: blockDevices.map((b) => b.snapshotId),
  });
  return { ImageId: imageId };
}

/** What a source image's snapshot holds, read in the source region (a catalog image: its base picture). */
function sourceDisk(ctx: Ctx, source: ImageRecord, sourceRegion: string, device: string, snapshotId: string) {
  const region = ctx.regionState(sourceRegion);
  const own = region?.snapshots[snapshotId];
  if (own) return copyDiskData(own);
  return diskFromSnapshot({ ...ctx, region: region ?? ctx.region, regionName: sourceRegion }, source, device, snapshotId);
}
