// A hand-made account in the shape of the model's exported state (src/mini-ec2/state.ts) and its event
// log: the golden-image chain AMI #1 (catalog) -> instance #1 -> AMI #2 -> instance #2 in us-east-1,
// plus a lone instance in eu-west-1. Only the fields the map reads are filled in.
export const ACCOUNT = '123456789012';
export const QUICKSTART_AMI = 'ami-0aaaaaaaaaaaaaaa1';
export const BUILDER = 'i-0bbbbbbbbbbbbbbb1';
export const GOLDEN_AMI = 'ami-0ccccccccccccccc2';
export const CLONE = 'i-0ddddddddddddddd2';
export const EU_INSTANCE = 'i-0eeeeeeeeeeeeeee3';
export const EU_AMI = 'ami-0fffffffffffffff3';

const t0 = Date.UTC(2026, 0, 1);

export function goldenState() {
  return {
    format: 'mini-ec2-state',
    version: 1,
    accountId: ACCOUNT,
    regions: {
      'us-east-1': {
        instances: {
          [BUILDER]: { id: BUILDER, imageId: QUICKSTART_AMI, instanceType: 't3.micro', state: 'stopped', launchTime: t0, architecture: 'x86_64', tags: [{ Key: 'Name', Value: 'builder' }] },
          [CLONE]: { id: CLONE, imageId: GOLDEN_AMI, instanceType: 't3.micro', state: 'running', launchTime: t0 + 60_000, architecture: 'x86_64', tags: [{ Key: 'Name', Value: 'clone' }, { Key: 'role', Value: 'web' }] },
        },
        images: {
          [GOLDEN_AMI]: { id: GOLDEN_AMI, name: 'golden-web-v1', ownerId: ACCOUNT, state: 'available', creationDate: t0 + 30_000, public: false, architecture: 'x86_64', tags: [{ Key: 'stage', Value: 'golden' }], sourceInstanceId: BUILDER },
        },
      },
      'eu-west-1': {
        instances: {
          [EU_INSTANCE]: { id: EU_INSTANCE, imageId: EU_AMI, instanceType: 't4g.micro', state: 'running', launchTime: t0, architecture: 'arm64', tags: [] },
        },
        images: {},
      },
      'us-west-2': { instances: {}, images: {} },
    },
  };
}

const base = (seq: number, region = 'us-east-1') => ({ seq, time: t0 + seq * 1000, region });

/** The golden-image scenario's events, in order (with a few events the map ignores mixed in). */
export function goldenEvents() {
  return [
    { ...base(1), type: 'instance-launched', resourceId: BUILDER, instanceId: BUILDER, imageId: QUICKSTART_AMI, instanceType: 't3.micro', state: 'pending', tags: [{ Key: 'Name', Value: 'builder' }] },
    { ...base(2), type: 'volume-created', resourceId: 'vol-0123456789abcdef0', volumeId: 'vol-0123456789abcdef0', instanceId: BUILDER, sizeGiB: 8 },
    { ...base(3), type: 'instance-state-changed', resourceId: BUILDER, instanceId: BUILDER, imageId: QUICKSTART_AMI, from: 'pending', to: 'running' },
    { ...base(4), type: 'image-created', resourceId: GOLDEN_AMI, imageId: GOLDEN_AMI, name: 'golden-web-v1', state: 'pending', how: 'create-image', sourceInstanceId: BUILDER, snapshotIds: [] },
    { ...base(5), type: 'image-state-changed', resourceId: GOLDEN_AMI, imageId: GOLDEN_AMI, from: 'pending', to: 'available' },
    { ...base(6), type: 'instance-launched', resourceId: CLONE, instanceId: CLONE, imageId: GOLDEN_AMI, instanceType: 't3.micro', state: 'pending', tags: [{ Key: 'Name', Value: 'clone' }, { Key: 'role', Value: 'web' }] },
    { ...base(7), type: 'instance-state-changed', resourceId: CLONE, instanceId: CLONE, imageId: GOLDEN_AMI, from: 'pending', to: 'running' },
    { ...base(8), type: 'instance-state-changed', resourceId: BUILDER, instanceId: BUILDER, imageId: QUICKSTART_AMI, from: 'running', to: 'stopping' },
    { ...base(9), type: 'instance-state-changed', resourceId: BUILDER, instanceId: BUILDER, imageId: QUICKSTART_AMI, from: 'stopping', to: 'stopped' },
  ];
}

/** A catalog lookup standing in for the model's catalog: knows the Quick Start AMI only. */
export function resolveCatalog(region: string, id: string) {
  if (id !== QUICKSTART_AMI) return undefined;
  return { id, region, name: 'al2023-ami-2023.6-x86_64', state: 'available', architecture: 'x86_64', ownerId: '137112412989', ownerAlias: 'amazon', isPublic: true, tags: [] };
}
