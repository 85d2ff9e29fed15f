/**
 * Instances: RunInstances, the lifecycle (start, stop, reboot, terminate), DescribeInstances and the
 * timed transitions between states.
 *
 * Lifecycle (codes as in EC2): pending 0 -> running 16; running -> stopping 64 -> stopped 80;
 * stopped -> pending -> running; any -> shutting-down 32 -> terminated 48. Timed steps are scheduled on
 * the model's clock and applied lazily (see scheduler.ts). A terminated instance stays visible for
 * timing.terminatedVisibleMs (one simulated hour), then disappears with an `instance-expired` event.
 *
 * Launching from an image gives the instance the image's disks (one volume per snapshot, holding what
 * the snapshot held: see disk/) and nothing else: the instance type, key pair, security groups, user data
 * and tags come from this launch alone, as in EC2. The model's default instance type, when the request
 * names none, is t2.micro (EC2 itself defaults to m1.small).
 */
import type { Ctx } from '../context.ts';
import { Errors } from '../errors.ts';
import { compileFilters, matchesAll, type FilterTable } from '../filters.ts';
import { findLaunchableImage } from './images.ts';
import { diskFromSnapshot } from '../disk/volume-disk.ts';
import { afterBoot } from '../disk/boot.ts';
import { resolveImageId } from '../ssm/parameters.ts';
import { isWellFormedId, stableHex } from '../ids.ts';
import { instanceTypeSpec, type InstanceTypeSpec } from './instance-types.ts';
import { vcpuBucket, vcpusOf, type VcpuBucket } from './vcpu-limits.ts';
import { allocatePrivateIp, freeAddresses, defaultSubnet, privateDnsName } from './subnets.ts';
import { defaultSecurityGroup, resolveGroupIds, resolveGroupNames } from './security-groups.ts';
import { findKeyPair } from './key-pairs.ts';
import { tagsOut } from './tags.ts';
import { regionInfo } from '../regions.ts';
import type { ImageRecord, InstanceRecord, InstanceVolumeRef, RegionState, SubnetRecord, TagRecord, VolumeRecord } from '../state.ts';
import type {
  DescribeInstancesRequest,
  Instance,
  InstanceState,
  InstanceStateChange,
  InstanceStateName,
  Reservation,
  RunInstancesRequest,
  VolumeType,
} from '../sdk-shapes.ts';
import { checkTags, paginate, tagsByResourceType } from '../input-parser.ts';

export const STATE_CODES: Record<InstanceStateName, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

/** The moves the model may make, for the property tests and for assertions in transitions. */
export const LEGAL_TRANSITIONS: Record<InstanceStateName, readonly InstanceStateName[]> = {
  pending: ['running', 'shutting-down'],
  running: ['stopping', 'shutting-down'],
  stopping: ['stopped', 'shutting-down'],
  stopped: ['pending', 'shutting-down'],
  'shutting-down': ['terminated'],
  terminated: [],
};

export const DEFAULT_INSTANCE_TYPE = 't2.micro';
const USER_DATA_MAX_BYTES = 16 * 1024;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const stateOf = (name: InstanceStateName): InstanceState => ({ Code: STATE_CODES[name], Name: name });

/** Tells the model's vCPU count that an instance started (+1) or stopped (-1) counting against the limit. */
function countVcpus(ctx: Ctx, i: InstanceRecord, sign: 1 | -1): void {
  ctx.adjustVcpus(vcpuBucket(i.instanceType), sign * vcpusOf(i.instanceType));
}

/** How many instances of a type still fit under the vCPU limit of its bucket. */
function instancesThatFit(ctx: Ctx, typeName: string, vcpus: number): number {
  const room = ctx.state.vcpuLimit - ctx.vcpusInUse(vcpuBucket(typeName));
  return vcpus > 0 ? Math.max(0, Math.floor(room / vcpus)) : Number.MAX_SAFE_INTEGER;
}

// ---- RunInstances ----------------------------------------------------------------------------------

interface PlannedVolume {
  device: string;
  sizeGiB: number;
  volumeType: VolumeType;
  deleteOnTermination: boolean;
  encrypted: boolean;
  snapshotId?: string;
  iops?: number;
  throughput?: number;
}

const VOLUME_TYPES: readonly VolumeType[] = ['standard', 'io1', 'io2', 'gp2', 'sc1', 'st1', 'gp3'];

/** The volumes an instance gets: the image's mappings, changed or extended by the request's. */
function planVolumes(image: ImageRecord, requested: RunInstancesRequest['BlockDeviceMappings']): PlannedVolume[] {
  const planned: PlannedVolume[] = image.blockDevices.map((b) => ({
    device: b.device,
    sizeGiB: b.sizeGiB,
    volumeType: b.volumeType,
    deleteOnTermination: b.deleteOnTermination,
    encrypted: b.encrypted,
    snapshotId: b.snapshotId,
    ...(b.iops !== undefined ? { iops: b.iops } : {}),
    ...(b.throughput !== undefined ? { throughput: b.throughput } : {}),
  }));
  for (const m of requested ?? []) {
    if (m.DeviceName === undefined) throw Errors.missingParameter('BlockDeviceMapping.DeviceName');
    const existing = planned.findIndex((p) => p.device === m.DeviceName);
    if (m.NoDevice !== undefined) {
      if (existing >= 0 && planned[existing].device === image.rootDeviceName) {
        throw Errors.invalidParameterCombination('The device mapping for the root device may not be removed.');
      }
      if (existing >= 0) planned.splice(existing, 1);
      continue;
    }
    if (!m.Ebs) {
      if (m.VirtualName !== undefined) continue; // instance store: not modelled, accepted and ignored
      throw Errors.missingParameter('BlockDeviceMapping.Ebs');
    }
    const ebs = m.Ebs;
    if (ebs.VolumeType !== undefined && !VOLUME_TYPES.includes(ebs.VolumeType)) throw Errors.invalidValue(ebs.VolumeType, 'BlockDeviceMapping.Ebs.VolumeType');
    if (ebs.SnapshotId !== undefined) throw Errors.invalidParameterCombination('Snapshots for new block devices are not supported by the model.');
    const base = existing >= 0 ? planned[existing] : undefined;
    const size = ebs.VolumeSize ?? base?.sizeGiB;
    if (size === undefined) throw Errors.missingParameter('BlockDeviceMapping.Ebs.VolumeSize');
    if (size < 1 || size > 16384) throw Errors.invalidValue(size, 'BlockDeviceMapping.Ebs.VolumeSize');
    if (base && size < base.sizeGiB) {
      throw Errors.invalidBlockDeviceMapping(
        `Volume of size ${size}GB is smaller than snapshot '${base.snapshotId}', expect size >= ${base.sizeGiB}GB`,
      );
    }
    const volume: PlannedVolume = {
      device: m.DeviceName,
      sizeGiB: size,
      volumeType: ebs.VolumeType ?? base?.volumeType ?? 'gp2',
      deleteOnTermination: ebs.DeleteOnTermination ?? base?.deleteOnTermination ?? true,
      encrypted: ebs.Encrypted ?? base?.encrypted ?? false,
      ...(base?.snapshotId ? { snapshotId: base.snapshotId } : {}),
      ...(ebs.Iops !== undefined ? { iops: ebs.Iops } : base?.iops !== undefined ? { iops: base.iops } : {}),
      ...(ebs.Throughput !== undefined ? { throughput: ebs.Throughput } : base?.throughput !== undefined ? { throughput: base.throughput } : {}),
    };
    if (existing >= 0) planned[existing] = volume;
    else planned.push(volume);
  }
  return planned;
}

export function checkUserData(userData: string): void {
  const compact = userData.replace(/\s+/g, '');
  if (!BASE64.test(compact)) throw Errors.invalidParameterValue('Invalid BASE64 encoding of user data.');
  // The limit is on the decoded bytes (16 KB before base64), as EC2 words it in its error.
  const padding = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0;
  if ((compact.length / 4) * 3 - padding > USER_DATA_MAX_BYTES) {
    throw Errors.invalidParameterValue(`User data is limited to ${USER_DATA_MAX_BYTES} bytes`);
  }
}

/** A fingerprint of a request, to detect a ClientToken reused with other arguments. */
const fingerprint = (input: RunInstancesRequest) => {
  const { DryRun: _d, ...rest } = input;
  return stableHex(JSON.stringify(rest), 16);
};

type LaunchCounts = { MinCount: number; MaxCount: number; ImageId: string };

/** MinCount, MaxCount and ImageId: EC2 checks these first, in this order. */
function checkCounts(input: RunInstancesRequest): LaunchCounts {
  if (input.MaxCount === undefined) throw Errors.missingParameter('MaxCount');
  if (input.MinCount === undefined) throw Errors.missingParameter('MinCount');
  if (input.MaxCount < 1) throw Errors.invalidParameterValue('Maximum instance count must be greater than zero');
  if (input.MinCount < 1) throw Errors.invalidParameterValue('Minimum instance count must be greater than zero');
  if (input.MinCount > input.MaxCount) {
    throw Errors.invalidParameterValue('Minimum instance count must be less than or equal to maximum instance count');
  }
  if (input.ImageId === undefined) throw Errors.missingParameter('ImageId');
  return { MinCount: input.MinCount, MaxCount: input.MaxCount, ImageId: input.ImageId };
}

/** The reservation an earlier call with the same ClientToken made, if it is still there (idempotency). */
function replayedReservation(ctx: Ctx, input: RunInstancesRequest, dryRun: boolean): Reservation | undefined {
  const token = input.ClientToken;
  if (token === undefined) return undefined;
  if (token.length > 64) throw Errors.invalidValue(token, 'ClientToken');
  const tokens = ctx.region.clientTokens;
  const seen = Object.prototype.hasOwnProperty.call(tokens, token) ? tokens[token] : undefined;
  if (!seen || !ctx.region.reservations[seen.reservationId]) return undefined;
  if (seen.fingerprint !== fingerprint(input)) throw Errors.idempotentMismatch();
  if (dryRun) throw Errors.dryRun();
  return reservationOut(ctx, seen.reservationId, undefined);
}

/** The instance type the launch asks for, which must run the image's architecture. */
function launchType(input: RunInstancesRequest, image: ImageRecord): InstanceTypeSpec {
  const typeName = input.InstanceType ?? DEFAULT_INSTANCE_TYPE;
  const spec = instanceTypeSpec(typeName);
  if (!spec) throw Errors.invalidValue(typeName, 'InstanceType');
  if (!(spec.architectures as string[]).includes(image.architecture)) {
    throw Errors.archMismatch(spec.architectures.includes('arm64') ? 'arm64' : 'x86_64', image.architecture);
  }
  return spec;
}

function checkSubscriptions(ctx: Ctx, image: ImageRecord): void {
  for (const code of image.productCodes) {
    if (!ctx.state.marketplaceSubscriptions.includes(code)) throw Errors.optInRequired(code);
  }
}

function launchKeyName(region: RegionState, keyName: string | undefined): string | undefined {
  if (keyName !== undefined && !findKeyPair(region, keyName)) throw Errors.keyPairNotFound(keyName);
  return keyName;
}

/** The subnet named (which must lie in the zone named, if any), or EC2's pick of a default subnet. */
function launchSubnet(ctx: Ctx, input: RunInstancesRequest, maxCount: number, fits: number): SubnetRecord {
  const zone = input.Placement?.AvailabilityZone;
  if (zone !== undefined && !regionInfo(ctx.regionName)!.zones.some((l) => ctx.regionName + l === zone)) throw Errors.zoneUnknown(zone);
  if (input.SubnetId === undefined) {
    // EC2 picks a default subnet when none is given: the model takes the first (by AZ) with room.
    const subnet = defaultSubnet(ctx.region, zone, Math.min(maxCount, Math.max(1, fits)));
    if (!subnet) throw Errors.zoneUnknown(zone ?? '');
    return subnet;
  }
  if (!isWellFormedId(input.SubnetId, 'subnet')) throw Errors.subnetMalformed(input.SubnetId);
  const subnet = ctx.region.subnets[input.SubnetId];
  if (!subnet) throw Errors.subnetNotFound(input.SubnetId);
  if (zone !== undefined && subnet.availabilityZone !== zone) {
    throw Errors.invalidParameterValue(`Invalid availability zone: [${zone}] does not match the zone of subnet ${subnet.id}`);
  }
  return subnet;
}

/** The groups named by ID and by name, all in the subnet's VPC; none named: the VPC's default group. */
function launchGroups(region: RegionState, input: RunInstancesRequest, subnet: SubnetRecord): string[] {
  let groupIds = resolveGroupIds(region, input.SecurityGroupIds);
  const byName = resolveGroupNames(region, input.SecurityGroups, subnet.vpcId);
  if (byName) groupIds = [...new Set([...(groupIds ?? []), ...byName])];
  for (const id of groupIds ?? []) {
    if (region.securityGroups[id].vpcId !== subnet.vpcId) {
      throw Errors.invalidParameter(`Security group ${id} and subnet ${subnet.id} belong to different networks.`);
    }
  }
  return groupIds ?? [defaultSecurityGroup(region, subnet.vpcId).id];
}

/** Everything a launch needs, once every check has passed. */
interface LaunchPlan {
  input: RunInstancesRequest;
  image: ImageRecord;
  spec: InstanceTypeSpec;
  count: number;
  keyName: string | undefined;
  subnet: SubnetRecord;
  groupIds: string[];
  volumes: PlannedVolume[];
  instanceTags: TagRecord[];
  volumeTags: TagRecord[];
}

/**
 * Checks the rest of the request in the order EC2 does (tests pin it: counts, client token, image, type,
 * subscriptions, key, subnet, groups, disks, tags, user data, vCPU limit, addresses, DryRun).
 */
function planLaunch(ctx: Ctx, input: RunInstancesRequest, counts: LaunchCounts, dryRun: boolean, systemTags: readonly TagRecord[]): LaunchPlan {
  const { MinCount, MaxCount, ImageId } = counts;
  const image = findLaunchableImage(ctx, resolveImageId(ctx.regionName, ImageId));
  const spec = launchType(input, image);
  const fits = instancesThatFit(ctx, spec.name, spec.vcpus);
  checkSubscriptions(ctx, image);
  const keyName = launchKeyName(ctx.region, input.KeyName);
  const subnet = launchSubnet(ctx, input, MaxCount, fits);
  const groupIds = launchGroups(ctx.region, input, subnet);
  const volumes = planVolumes(image, input.BlockDeviceMappings);
  const tagSpecs = tagsByResourceType(input.TagSpecifications, ['instance', 'volume', 'network-interface']);
  const instanceTags = [...checkTags(tagSpecs.instance ?? []), ...systemTags];
  if (input.UserData !== undefined) checkUserData(input.UserData);
  // vCPU limit: not even MinCount fits -> VcpuLimitExceeded; otherwise up to MaxCount of what fits.
  if (fits < MinCount) throw Errors.vcpuLimit(ctx.state.vcpuLimit);
  const count = Math.min(MaxCount, fits);
  if (freeAddresses(subnet) < count) throw Errors.insufficientAddresses(subnet.id);
  if (dryRun) throw Errors.dryRun();
  return { input, image, spec, count, keyName, subnet, groupIds, volumes, instanceTags, volumeTags: tagSpecs.volume ?? [] };
}

/** The volumes of one new instance, made from the plan (the image's snapshots give their contents). */
function createInstanceVolumes(ctx: Ctx, plan: LaunchPlan, instanceId: string): InstanceVolumeRef[] {
  const now = ctx.now;
  return plan.volumes.map((v) => {
    const volume: VolumeRecord = {
      id: ctx.newId('vol'),
      sizeGiB: v.sizeGiB,
      volumeType: v.volumeType,
      ...(v.iops !== undefined ? { iops: v.iops } : {}),
      ...(v.throughput !== undefined ? { throughput: v.throughput } : {}),
      availabilityZone: plan.subnet.availabilityZone,
      state: 'in-use',
      createTime: now,
      ...(v.snapshotId ? { snapshotId: v.snapshotId } : {}),
      encrypted: v.encrypted,
      attachment: { instanceId, device: v.device, deleteOnTermination: v.deleteOnTermination, attachTime: now },
      tags: plan.volumeTags.map((t) => ({ ...t })),
      ...diskFromSnapshot(ctx, plan.image, v.device, v.snapshotId),
    };
    ctx.region.volumes[volume.id] = volume;
    return { device: v.device, volumeId: volume.id, deleteOnTermination: v.deleteOnTermination, attachTime: now };
  });
}

/** The record of the instance at `index` in a launch: pending, with its move to running scheduled. */
function newInstanceRecord(ctx: Ctx, plan: LaunchPlan, id: string, reservationId: string, index: number, volumes: InstanceVolumeRef[]): InstanceRecord {
  const { input, image, spec, subnet, keyName } = plan;
  const now = ctx.now;
  const runningAt = now + ctx.state.timing.instanceStartMs;
  const order = ctx.schedule('instance', ctx.regionName, id, runningAt);
  return {
    id,
    reservationId,
    imageId: image.id,
    instanceType: spec.name,
    state: 'pending',
    launchTime: now,
    availabilityZone: subnet.availabilityZone,
    subnetId: subnet.id,
    vpcId: subnet.vpcId,
    privateIp: allocatePrivateIp(subnet),
    ...(keyName !== undefined ? { keyName } : {}),
    groupIds: [...plan.groupIds],
    tags: plan.instanceTags.map((t) => ({ ...t })),
    ...(input.UserData !== undefined ? { userData: input.UserData } : {}),
    volumes,
    launchIndex: index,
    architecture: image.architecture,
    ...(image.platform ? { platform: image.platform } : {}),
    platformDetails: image.platformDetails,
    usageOperation: image.usageOperation,
    virtualizationType: image.virtualizationType,
    rootDeviceName: image.rootDeviceName,
    productCodes: [...image.productCodes],
    ...(input.ClientToken !== undefined ? { clientToken: input.ClientToken } : {}),
    monitoring: input.Monitoring?.Enabled === true,
    ebsOptimized: input.EbsOptimized ?? spec.hypervisor === 'nitro',
    stateTransitionReason: '',
    transition: { to: 'running', at: runningAt, order },
  };
}

function emitLaunched(ctx: Ctx, i: InstanceRecord): void {
  ctx.emit({
    type: 'instance-launched',
    resourceId: i.id,
    instanceId: i.id,
    imageId: i.imageId,
    instanceType: i.instanceType,
    reservationId: i.reservationId,
    availabilityZone: i.availabilityZone,
    subnetId: i.subnetId,
    vpcId: i.vpcId,
    ...(i.keyName !== undefined ? { keyName: i.keyName } : {}),
    securityGroupIds: [...i.groupIds],
    state: 'pending',
    tags: i.tags.map((t) => ({ ...t })),
  });
  for (const ref of i.volumes) {
    const v = ctx.region.volumes[ref.volumeId];
    ctx.emit({ type: 'volume-created', resourceId: v.id, volumeId: v.id, instanceId: i.id, sizeGiB: v.sizeGiB, ...(v.snapshotId ? { snapshotId: v.snapshotId } : {}) });
  }
}

/** Makes the planned instances and their reservation; nothing in here may throw. */
function launch(ctx: Ctx, plan: LaunchPlan): Reservation {
  const region = ctx.region;
  const reservationId = ctx.newId('r');
  const ids: string[] = [];
  for (let index = 0; index < plan.count; index++) {
    const id = ctx.newId('i');
    const volumes = createInstanceVolumes(ctx, plan, id);
    const record = newInstanceRecord(ctx, plan, id, reservationId, index, volumes);
    region.instances[id] = record;
    ids.push(id);
    emitLaunched(ctx, record);
  }
  region.reservations[reservationId] = { id: reservationId, instanceIds: ids, groupIds: [...plan.groupIds] };
  ctx.adjustVcpus(vcpuBucket(plan.spec.name), plan.count * plan.spec.vcpus);
  const token = plan.input.ClientToken;
  if (token !== undefined) region.clientTokens[token] = { reservationId, fingerprint: fingerprint(plan.input) };
  return reservationOut(ctx, reservationId, undefined);
}

/** `systemTags`: tags EC2 itself adds (aws:ec2launchtemplate:* for a launch from a template), past the checks on user tags. */
export function runInstances(ctx: Ctx, input: RunInstancesRequest, dryRun: boolean, systemTags: readonly TagRecord[] = []): Reservation {
  const counts = checkCounts(input);
  const replayed = replayedReservation(ctx, input, dryRun);
  if (replayed) return replayed;
  return launch(ctx, planLaunch(ctx, input, counts, dryRun, systemTags));
}

// ---- output -----------------------------------------------------------------------------------------

/** A deterministic public address for a running instance in a subnet that maps public IPs. */
function publicIp(id: string): string {
  const h = stableHex(id, 6);
  return `3.${parseInt(h.slice(0, 2), 16) % 240}.${parseInt(h.slice(2, 4), 16)}.${parseInt(h.slice(4, 6), 16) % 254 + 1}`;
}

function instanceOut(ctx: Ctx, i: InstanceRecord): Instance {
  const region = ctx.region;
  const hasPublic = (i.state === 'running' || i.state === 'pending' || i.state === 'stopping') && region.subnets[i.subnetId]?.mapPublicIpOnLaunch;
  const ip = hasPublic ? publicIp(i.id) : undefined;
  const out: Instance = {
    Architecture: i.architecture,
    BlockDeviceMappings: i.volumes.map((v) => ({
      DeviceName: v.device,
      Ebs: { AttachTime: new Date(v.attachTime), DeleteOnTermination: v.deleteOnTermination, Status: 'attached', VolumeId: v.volumeId },
    })),
    ClientToken: i.clientToken ?? '',
    EbsOptimized: i.ebsOptimized,
    EnaSupport: true,
    Hypervisor: 'xen',
    RootDeviceName: i.rootDeviceName,
    RootDeviceType: 'ebs',
    SecurityGroups: i.groupIds.map((id) => ({ GroupId: id, GroupName: region.securityGroups[id]?.name ?? '' })),
    SourceDestCheck: true,
    VirtualizationType: i.virtualizationType,
    InstanceId: i.id,
    ImageId: i.imageId,
    State: stateOf(i.state),
    PrivateDnsName: i.state === 'terminated' ? '' : privateDnsName(i.privateIp, ctx.regionName),
    PublicDnsName: ip ? (ctx.regionName === 'us-east-1' ? `ec2-${ip.replace(/\./g, '-')}.compute-1.amazonaws.com` : `ec2-${ip.replace(/\./g, '-')}.${ctx.regionName}.compute.amazonaws.com`) : '',
    StateTransitionReason: i.stateTransitionReason,
    AmiLaunchIndex: i.launchIndex,
    ProductCodes: i.productCodes.map((code) => ({ ProductCodeId: code, ProductCodeType: 'marketplace' as const })),
    InstanceType: i.instanceType,
    LaunchTime: new Date(i.launchTime),
    Placement: { AvailabilityZone: i.availabilityZone, GroupName: '', Tenancy: 'default' },
    Monitoring: { State: i.monitoring ? 'enabled' : 'disabled' },
    PlatformDetails: i.platformDetails,
    UsageOperation: i.usageOperation,
  };
  if (i.state !== 'terminated') {
    out.SubnetId = i.subnetId;
    out.VpcId = i.vpcId;
    out.PrivateIpAddress = i.privateIp;
  }
  if (ip) out.PublicIpAddress = ip;
  if (i.platform) out.Platform = i.platform;
  if (i.keyName !== undefined) out.KeyName = i.keyName;
  if (i.stateReason) out.StateReason = { ...i.stateReason };
  if (i.tags.length) out.Tags = tagsOut(i.tags);
  return out;
}

/** A reservation with all its (still visible) instances, or only those passing `keep`. */
function reservationOut(ctx: Ctx, reservationId: string, keep: ((i: InstanceRecord) => boolean) | undefined): Reservation {
  const r = ctx.region.reservations[reservationId];
  const instances: Instance[] = [];
  for (const id of r.instanceIds) {
    const i = ctx.region.instances[id];
    if (i && (!keep || keep(i))) instances.push(instanceOut(ctx, i));
  }
  return {
    ReservationId: r.id,
    OwnerId: ctx.accountId,
    Groups: [],
    Instances: instances,
  };
}

// ---- DescribeInstances -------------------------------------------------------------------------------

const INSTANCE_FILTERS: FilterTable<InstanceRecord> = {
  'instance-id': (i) => i.id,
  'instance-state-name': (i) => i.state,
  'instance-state-code': (i) => String(STATE_CODES[i.state]),
  'instance-type': (i) => i.instanceType,
  'image-id': (i) => i.imageId,
  'reservation-id': (i) => i.reservationId,
  'availability-zone': (i) => i.availabilityZone,
  'subnet-id': (i) => (i.state === 'terminated' ? undefined : i.subnetId),
  'vpc-id': (i) => (i.state === 'terminated' ? undefined : i.vpcId),
  'key-name': (i) => i.keyName,
  architecture: (i) => i.architecture,
  platform: (i) => i.platform,
  'private-ip-address': (i) => (i.state === 'terminated' ? undefined : i.privateIp),
  'instance.group-id': (i) => i.groupIds,
  'launch-index': (i) => String(i.launchIndex),
  'root-device-type': () => 'ebs',
  'root-device-name': (i) => i.rootDeviceName,
  'virtualization-type': (i) => i.virtualizationType,
  'client-token': (i) => i.clientToken,
  'product-code': (i) => i.productCodes,
  'block-device-mapping.volume-id': (i) => i.volumes.map((v) => v.volumeId),
  'block-device-mapping.device-name': (i) => i.volumes.map((v) => v.device),
  'tag-key': (i) => i.tags.map((t) => t.Key),
  'tag-value': (i) => i.tags.map((t) => t.Value),
};

/** Checks a list of instance IDs: the first malformed one fails the call, then all unknown ones. */
export function requireInstances(region: RegionState, ids: readonly string[]): InstanceRecord[] {
  for (const id of ids) if (!isWellFormedId(id, 'i')) throw Errors.instanceMalformed(id);
  const missing = ids.filter((id) => !region.instances[id]);
  if (missing.length) throw Errors.instanceNotFound([...new Set(missing)]);
  return [...new Set(ids)].map((id) => region.instances[id]);
}

export function describeInstances(ctx: Ctx, input: DescribeInstancesRequest) {
  const filters = compileFilters<InstanceRecord>(input.Filters, { ...INSTANCE_FILTERS, 'owner-id': () => ctx.accountId }, (i) => i.tags);
  if (input.MaxResults !== undefined && input.InstanceIds?.length) {
    throw Errors.invalidParameterCombination('The parameter instancesSet cannot be used with the parameter maxResults');
  }
  let wanted: Set<string> | undefined;
  if (input.InstanceIds?.length) wanted = new Set(requireInstances(ctx.region, input.InstanceIds).map((i) => i.id));
  const keep = (i: InstanceRecord) => (!wanted || wanted.has(i.id)) && matchesAll(i, filters);
  const reservationIds: string[] = [];
  for (const rid in ctx.region.reservations) {
    const r = ctx.region.reservations[rid];
    if (r.instanceIds.some((id) => ctx.region.instances[id] && keep(ctx.region.instances[id]))) reservationIds.push(rid);
  }
  const { page, nextToken } = paginate(reservationIds, input.MaxResults, input.NextToken, [5, 1000]);
  return { Reservations: page.map((rid) => reservationOut(ctx, rid, keep)), ...(nextToken ? { NextToken: nextToken } : {}) };
}

// ---- lifecycle ---------------------------------------------------------------------------------------

const timestamp = (t: number) => new Date(t).toISOString().replace('T', ' ').slice(0, 19) + ' GMT';

function moveTo(ctx: Ctx, i: InstanceRecord, to: InstanceStateName, nextStep?: { to: InstanceStateName | 'expired'; afterMs: number }): void {
  const from = i.state;
  i.state = to;
  if (nextStep) {
    const at = ctx.now + nextStep.afterMs;
    i.transition = { to: nextStep.to, at, order: ctx.schedule('instance', ctx.regionName, i.id, at) };
  } else {
    delete i.transition;
  }
  ctx.emit({ type: 'instance-state-changed', resourceId: i.id, instanceId: i.id, imageId: i.imageId, from, to });
}

const change = (i: InstanceRecord, previous: InstanceStateName): InstanceStateChange => ({
  InstanceId: i.id,
  CurrentState: stateOf(i.state),
  PreviousState: stateOf(previous),
});

/**
 * The records of `ids` once every one may take the change (one refusal fails the whole call, naming
 * the instance and `verb`) and the call is not a dry run: nothing has changed before this returns.
 */
function changeable(ctx: Ctx, ids: readonly string[], dryRun: boolean, refused: readonly InstanceStateName[], verb: Parameters<typeof Errors.incorrectState>[1]): InstanceRecord[] {
  const records = requireInstances(ctx.region, ids);
  for (const i of records) if (refused.includes(i.state)) throw Errors.incorrectState(i.id, verb);
  if (dryRun) throw Errors.dryRun();
  return records;
}

/** What stop and terminate record as the reason an instance is going down. */
function markUserShutdown(ctx: Ctx, i: InstanceRecord): void {
  i.stateReason = { Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown' };
  i.stateTransitionReason = `User initiated (${timestamp(ctx.now)})`;
}

/** Starting counts the instances' vCPUs again: the whole call fails when they do not fit. */
function checkStartFits(ctx: Ctx, stopped: readonly InstanceRecord[]): void {
  const needed = new Map<VcpuBucket, number>();
  for (const i of stopped) needed.set(vcpuBucket(i.instanceType), (needed.get(vcpuBucket(i.instanceType)) ?? 0) + vcpusOf(i.instanceType));
  for (const [bucket, vcpus] of needed) {
    if (ctx.vcpusInUse(bucket) + vcpus > ctx.state.vcpuLimit) throw Errors.vcpuLimit(ctx.state.vcpuLimit);
  }
}

export function startInstances(ctx: Ctx, ids: readonly string[], dryRun: boolean): InstanceStateChange[] {
  const records = changeable(ctx, ids, dryRun, ['terminated', 'shutting-down', 'stopping'], 'started');
  checkStartFits(ctx, records.filter((i) => i.state === 'stopped'));
  return records.map((i) => {
    const previous = i.state;
    if (previous === 'stopped') {
      countVcpus(ctx, i, 1);
      delete i.stateReason;
      i.stateTransitionReason = '';
      moveTo(ctx, i, 'pending', { to: 'running', afterMs: ctx.state.timing.instanceStartMs });
    }
    return change(i, previous);
  });
}

export function stopInstances(ctx: Ctx, ids: readonly string[], dryRun: boolean): InstanceStateChange[] {
  const records = changeable(ctx, ids, dryRun, ['terminated', 'shutting-down', 'pending'], 'stopped');
  return records.map((i) => {
    const previous = i.state;
    if (previous === 'running') {
      countVcpus(ctx, i, -1);
      markUserShutdown(ctx, i);
      moveTo(ctx, i, 'stopping', { to: 'stopped', afterMs: ctx.state.timing.instanceStopMs });
    }
    return change(i, previous);
  });
}

/** "Requests to reboot terminated instances are ignored." (EC2 API reference, RebootInstances) */
export function rebootInstances(ctx: Ctx, ids: readonly string[], dryRun: boolean): void {
  const records = changeable(ctx, ids, dryRun, ['shutting-down', 'stopping', 'stopped'], 'rebooted');
  for (const i of records) {
    if (i.state !== 'terminated') ctx.emit({ type: 'instance-rebooted', resourceId: i.id, instanceId: i.id, reason: 'reboot' });
    if (i.state === 'running') afterBoot(ctx, i, ctx.now, 'reboot');
  }
}

export function terminateInstances(ctx: Ctx, ids: readonly string[] | undefined, dryRun: boolean): InstanceStateChange[] {
  if (!ids || ids.length === 0) throw Errors.invalidParameterCombination('No instances specified');
  const records = requireInstances(ctx.region, ids); // any state may be terminated, even twice
  if (dryRun) throw Errors.dryRun();
  return records.map((i) => {
    const previous = i.state;
    if (previous !== 'terminated' && previous !== 'shutting-down') {
      if (previous === 'pending' || previous === 'running') countVcpus(ctx, i, -1);
      markUserShutdown(ctx, i);
      moveTo(ctx, i, 'shutting-down', { to: 'terminated', afterMs: ctx.state.timing.instanceTerminateMs });
    }
    return change(i, previous);
  });
}

/**
 * Applies a scheduled transition at its own time `at` (which may be earlier than the call that
 * noticed it: transitions are applied lazily, but events carry the time they really happened).
 */
export function applyInstanceTransition(ctx: Ctx, i: InstanceRecord, at: number): void {
  const t = i.transition!;
  delete i.transition;
  const region = ctx.region;
  if (t.to === 'expired') {
    delete region.instances[i.id];
    const r = region.reservations[i.reservationId];
    if (r) {
      r.instanceIds = r.instanceIds.filter((id) => id !== i.id);
      if (r.instanceIds.every((id) => !region.instances[id])) {
        delete region.reservations[r.id];
        for (const token in region.clientTokens) if (region.clientTokens[token].reservationId === r.id) delete region.clientTokens[token];
      }
    }
    ctx.emit({ type: 'instance-expired', resourceId: i.id, instanceId: i.id }, at);
    return;
  }
  const from = i.state;
  i.state = t.to;
  if (t.to === 'running') i.runningSince = at;
  ctx.emit({ type: 'instance-state-changed', resourceId: i.id, instanceId: i.id, imageId: i.imageId, from, to: t.to }, at);
  if (t.to === 'running') afterBoot(ctx, i, at, i.firstBootAt === undefined ? 'first' : 'start');
  if (t.to === 'terminated') {
    i.terminatedAt = at;
    const expiresAt = at + ctx.state.timing.terminatedVisibleMs;
    i.transition = { to: 'expired', at: expiresAt, order: ctx.schedule('instance', ctx.regionName, i.id, expiresAt) };
    for (const ref of i.volumes) {
      const v = region.volumes[ref.volumeId];
      if (!v) continue;
      if (ref.deleteOnTermination) {
        delete region.volumes[v.id];
        ctx.emit({ type: 'volume-deleted', resourceId: v.id, volumeId: v.id, instanceId: i.id }, at);
      } else {
        delete v.attachment;
        v.state = 'available';
        ctx.emit({ type: 'volume-detached', resourceId: v.id, volumeId: v.id, instanceId: i.id }, at);
      }
    }
  }
}

export function describeInstanceAttribute(ctx: Ctx, instanceId: string, attribute: string) {
  const [i] = requireInstances(ctx.region, [instanceId]);
  switch (attribute) {
    case 'instanceType':
      return { InstanceId: i.id, InstanceType: { Value: i.instanceType } };
    case 'userData':
      return { InstanceId: i.id, UserData: i.userData !== undefined ? { Value: i.userData } : {} };
    case 'rootDeviceName':
      return { InstanceId: i.id, RootDeviceName: { Value: i.rootDeviceName } };
    case 'groupSet':
      return { InstanceId: i.id, Groups: i.groupIds.map((id) => ({ GroupId: id, GroupName: ctx.region.securityGroups[id]?.name ?? '' })) };
    case 'blockDeviceMapping':
      return {
        InstanceId: i.id,
        BlockDeviceMappings: i.volumes.map((v) => ({
          DeviceName: v.device,
          Ebs: { AttachTime: new Date(v.attachTime), DeleteOnTermination: v.deleteOnTermination, Status: 'attached' as const, VolumeId: v.volumeId },
        })),
      };
    case 'productCodes':
      return { InstanceId: i.id, ProductCodes: i.productCodes.map((code) => ({ ProductCodeId: code, ProductCodeType: 'marketplace' as const })) };
    case 'disableApiTermination':
      return { InstanceId: i.id, DisableApiTermination: { Value: false } };
    case 'instanceInitiatedShutdownBehavior':
      return { InstanceId: i.id, InstanceInitiatedShutdownBehavior: { Value: 'stop' } };
    case 'kernel':
      return { InstanceId: i.id, KernelId: {} };
    case 'ramdisk':
      return { InstanceId: i.id, RamdiskId: {} };
    default:
      throw Errors.invalidValue(attribute, 'Attribute');
  }
}

