/**
 * The model's state as plain JSON: exportState() returns a ModelState, MiniEc2.fromState() loads one.
 * Everything that can change lives here and nowhere else (the catalog is derived from the region name,
 * the transition queue from the records' `transition` fields), so a snapshot is the whole truth.
 * Times are numbers (simulated ms since epoch); the client turns them into Dates and ISO strings.
 */
import type { ArchitectureValues, ImageState, InstanceStateName, InstanceTypeName, VirtualizationType, VolumeType } from './sdk-shapes.ts';
import { Errors } from './errors.ts';
import { REGION_NAMES } from './regions.ts';

export const STATE_FORMAT = 'mini-ec2-state';
export const STATE_VERSION = 1;

export interface TagRecord {
  Key: string;
  Value: string;
}

/** A state change scheduled for a simulated time; `order` breaks ties so events keep their order. */
interface Transition<S extends string> {
  to: S;
  at: number;
  order: number;
}

export interface InstanceVolumeRef {
  device: string;
  volumeId: string;
  deleteOnTermination: boolean;
  attachTime: number;
}

/** The machine facts an image records and an instance launched from it copies. */
interface PlatformFacts {
  architecture: ArchitectureValues;
  platform?: 'windows';
  platformDetails: string;
  usageOperation: string;
  virtualizationType: VirtualizationType;
  rootDeviceName: string;
}

export interface InstanceRecord extends PlatformFacts {
  id: string;
  reservationId: string;
  imageId: string;
  instanceType: InstanceTypeName;
  state: InstanceStateName;
  launchTime: number;
  availabilityZone: string;
  subnetId: string;
  vpcId: string;
  privateIp: string;
  keyName?: string;
  groupIds: string[];
  tags: TagRecord[];
  /** Base64, as given at launch (or inherited from the image's launch configuration). */
  userData?: string;
  volumes: InstanceVolumeRef[];
  launchIndex: number;
  productCodes: string[];
  clientToken?: string;
  monitoring: boolean;
  ebsOptimized: boolean;
  stateTransitionReason: string;
  stateReason?: { Code: string; Message: string };
  /** When the instance last reached `running`; its status checks pass timing.statusChecksMs later. */
  runningSince?: number;
  /** When the instance reached `terminated`; it stays visible for timing.terminatedVisibleMs after. */
  terminatedAt?: number;
  transition?: Transition<InstanceStateName | 'expired'>;
}

interface ReservationRecord {
  id: string;
  instanceIds: string[];
  groupIds: string[];
}

/** What a golden image carries beyond its disks: the configuration of the instance it was made from. */
export interface LaunchConfig {
  instanceType: string;
  keyName?: string;
  groupIds: string[];
  userData?: string;
  tags: TagRecord[];
}

export interface ImageBlockDevice {
  device: string;
  snapshotId: string;
  sizeGiB: number;
  volumeType: VolumeType;
  deleteOnTermination: boolean;
  encrypted: boolean;
  iops?: number;
  throughput?: number;
}

export interface ImageRecord extends PlatformFacts {
  id: string;
  name: string;
  description?: string;
  ownerId: string;
  alias?: string;
  state: ImageState;
  creationDate: number;
  public: boolean;
  blockDevices: ImageBlockDevice[];
  tags: TagRecord[];
  productCodes: string[];
  enaSupport: boolean;
  bootMode?: 'legacy-bios' | 'uefi' | 'uefi-preferred';
  deprecationTime?: number;
  imageLocation: string;
  sourceInstanceId?: string;
  sourceImageId?: string;
  sourceImageRegion?: string;
  launchConfig?: LaunchConfig;
  /** Accounts given launch permission (ModifyImageAttribute); `public` is the group `all`. */
  sharedWith?: string[];
  deregisteredAt?: number;
  transition?: Transition<ImageState | 'expired'>;
}

export interface SnapshotRecord {
  id: string;
  volumeId: string;
  sizeGiB: number;
  volumeType: VolumeType;
  description: string;
  startTime: number;
  state: 'pending' | 'completed';
  encrypted: boolean;
  tags: TagRecord[];
  imageId?: string;
}

export interface VolumeRecord {
  id: string;
  sizeGiB: number;
  volumeType: VolumeType;
  iops?: number;
  throughput?: number;
  availabilityZone: string;
  state: 'in-use' | 'available';
  createTime: number;
  snapshotId?: string;
  encrypted: boolean;
  attachment?: { instanceId: string; device: string; deleteOnTermination: boolean; attachTime: number };
  tags: TagRecord[];
}

export interface KeyPairRecord {
  id: string;
  name: string;
  type: 'rsa' | 'ed25519';
  fingerprint: string;
  publicKey: string;
  createTime: number;
  tags: TagRecord[];
}

export interface RuleRecord {
  id: string;
  protocol: string;
  fromPort?: number;
  toPort?: number;
  cidr?: string;
  cidrV6?: string;
  sourceGroupId?: string;
  description?: string;
  /** Tags given in the TagSpecifications of the Authorize call (resource type `security-group-rule`). */
  tags?: TagRecord[];
}

export interface SecurityGroupRecord {
  id: string;
  name: string;
  description: string;
  vpcId: string;
  ingress: RuleRecord[];
  egress: RuleRecord[];
  tags: TagRecord[];
}

export interface VpcRecord {
  id: string;
  cidr: string;
  isDefault: boolean;
  dhcpOptionsId: string;
  /** Set when CreateVpc asked for `dedicated` or `host`; otherwise the VPC's tenancy is `default`. */
  instanceTenancy?: 'dedicated' | 'host';
  tags: TagRecord[];
}

export interface SubnetRecord {
  id: string;
  vpcId: string;
  availabilityZone: string;
  availabilityZoneId: string;
  cidr: string;
  defaultForAz: boolean;
  mapPublicIpOnLaunch: boolean;
  /** The next host number to hand out in the subnet's range (AWS reserves the first four). */
  nextHost: number;
  tags: TagRecord[];
}

export interface RegionState {
  instances: Record<string, InstanceRecord>;
  reservations: Record<string, ReservationRecord>;
  /** The account's own images (created or copied, including deregistered ones until they expire). */
  images: Record<string, ImageRecord>;
  snapshots: Record<string, SnapshotRecord>;
  volumes: Record<string, VolumeRecord>;
  keyPairs: Record<string, KeyPairRecord>;
  securityGroups: Record<string, SecurityGroupRecord>;
  vpcs: Record<string, VpcRecord>;
  subnets: Record<string, SubnetRecord>;
  /** RunInstances ClientToken -> the reservation it created and a fingerprint of the request. */
  clientTokens: Record<string, { reservationId: string; fingerprint: string }>;
  /** Tags the account put on catalog (public) images: visible only to this account, as in EC2. */
  catalogTags: Record<string, TagRecord[]>;
  /** Launch templates by ID (absent in snapshots made before they existed). */
  launchTemplates?: Record<string, LaunchTemplateRecord>;
}

/** One version of a launch template: its launch parameters as given (RunInstances field names). */
export interface LaunchTemplateVersionRecord {
  number: number;
  description?: string;
  createTime: number;
  data: LaunchTemplateDataRecord;
}

/** The launch parameters a template version holds, in RunInstances' terms (ImageId may be `resolve:ssm:<name>`). */
export interface LaunchTemplateDataRecord {
  ImageId?: string;
  InstanceType?: string;
  KeyName?: string;
  SecurityGroupIds?: string[];
  SecurityGroups?: string[];
  UserData?: string;
  TagSpecifications?: { ResourceType?: string; Tags?: { Key?: string; Value?: string }[] }[];
  BlockDeviceMappings?: { DeviceName?: string; NoDevice?: string; VirtualName?: string; Ebs?: Record<string, unknown> }[];
  Placement?: { AvailabilityZone?: string };
  Monitoring?: { Enabled?: boolean };
  EbsOptimized?: boolean;
}

export interface LaunchTemplateRecord {
  id: string;
  name: string;
  createTime: number;
  defaultVersion: number;
  latestVersion: number;
  versions: Record<string, LaunchTemplateVersionRecord>;
  tags: TagRecord[];
}

export interface Timing {
  /** pending -> running, after launch or start. */
  instanceStartMs: number;
  /** stopping -> stopped. */
  instanceStopMs: number;
  /** shutting-down -> terminated. */
  instanceTerminateMs: number;
  /** How long a terminated instance stays visible. */
  terminatedVisibleMs: number;
  /** pending -> available, for CreateImage and CopyImage. */
  imageAvailableMs: number;
  /** How long a deregistered image answers describe-by-ID with an empty list (then: not found). */
  deregisteredVisibleMs: number;
  /** running -> status checks `ok` (DescribeInstanceStatus: `initializing` until then). */
  statusChecksMs: number;
}

export const DEFAULT_TIMING: Timing = {
  instanceStartMs: 5_000,
  instanceStopMs: 10_000,
  instanceTerminateMs: 5_000,
  terminatedVisibleMs: 3_600_000,
  imageAvailableMs: 30_000,
  deregisteredVisibleMs: 3_600_000,
  statusChecksMs: 120_000,
};

export interface ModelState {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  seed: number;
  accountId: string;
  /** vCPUs allowed per instance-family bucket and region (resources/vcpu-limits.ts). */
  vcpuLimit: number;
  timing: Timing;
  startTime: number;
  /** The simulated time when the snapshot was taken. */
  now: number;
  /** The ID generator's internal state, so IDs continue where they left off. */
  rng: number[];
  /** The seq of the last event emitted. */
  seq: number;
  /** The last transition order number handed out. */
  order: number;
  marketplaceSubscriptions: string[];
  regions: Record<string, RegionState>;
}

export function emptyRegion(): RegionState {
  return {
    instances: {},
    reservations: {},
    images: {},
    snapshots: {},
    volumes: {},
    keyPairs: {},
    securityGroups: {},
    vpcs: {},
    subnets: {},
    clientTokens: {},
    catalogTags: {},
  };
}

/**
 * A deep copy of plain JSON data (objects, arrays, strings, numbers, booleans, null). A plain recursive
 * copy is about twice as fast as a JSON round trip, and snapshots of big models are copied often.
 * Values JSON cannot hold (undefined, functions) are dropped from objects, as JSON would.
 */
export function deepCopy<T>(value: T): T {
  return copyValue(value) as T;
}

function copyValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      out[i] = v === undefined || typeof v === 'function' ? null : copyValue(v);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key in value as Record<string, unknown>) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || typeof v === 'function') continue;
    if (key === '__proto__') Object.defineProperty(out, key, { value: copyValue(v), enumerable: true, writable: true, configurable: true });
    else out[key] = copyValue(v);
  }
  return out;
}

/** Checks that `value` looks like a ModelState before the model trusts it (a clear error, never a crash later). */
export function assertModelState(value: unknown): asserts value is ModelState {
  const s = value as Partial<ModelState> | null;
  const fail = (why: string) => {
    throw Errors.invalidParameterValue(`Not a mini-ec2 state snapshot: ${why}`);
  };
  if (typeof s !== 'object' || s === null || Array.isArray(s)) fail('expected an object');
  if (s!.format !== STATE_FORMAT) fail(`format must be '${STATE_FORMAT}'`);
  if (s!.version !== STATE_VERSION) fail(`version must be ${STATE_VERSION}`);
  if (typeof s!.accountId !== 'string' || !/^\d{12}$/.test(s!.accountId)) fail('accountId must be 12 digits');
  for (const key of ['seed', 'vcpuLimit', 'startTime', 'now', 'seq', 'order'] as const) {
    if (typeof s![key] !== 'number' || !Number.isFinite(s![key])) fail(`${key} must be a number`);
  }
  if (!Array.isArray(s!.rng) || s!.rng.length !== 4 || !s!.rng.every((n) => Number.isInteger(n))) fail('rng must be 4 integers');
  if (typeof s!.timing !== 'object' || s!.timing === null) fail('timing missing');
  if (!Array.isArray(s!.marketplaceSubscriptions)) fail('marketplaceSubscriptions must be an array');
  if (typeof s!.regions !== 'object' || s!.regions === null) fail('regions missing');
  for (const name of REGION_NAMES) if (!Object.prototype.hasOwnProperty.call(s!.regions, name)) fail(`region ${name} missing`);
  for (const [name, region] of Object.entries(s!.regions!)) {
    if (typeof region !== 'object' || region === null) fail(`region ${name} is not an object`);
    for (const key of Object.keys(emptyRegion()) as (keyof RegionState)[]) {
      if (typeof region[key] !== 'object' || region[key] === null) fail(`region ${name} lacks ${key}`);
    }
  }
}
