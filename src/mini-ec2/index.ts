/**
 * mini-ec2: an in-memory, deterministic model of the Amazon EC2 API subset the course teaches.
 *
 *   const model = new MiniEc2({ seed: 1 });
 *   const ec2 = model.client('us-east-1');
 *   const { Instances } = await ec2.runInstances({ ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 });
 *   await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 60 }, { InstanceIds: [Instances![0].InstanceId!] });
 */
export { MiniEc2, type MiniEc2Options } from './model.ts';
export { MiniEc2Client } from './client.ts';
export { OtherAccountClient } from './other-account.ts';
export { MiniSsmClient } from './ssm/client.ts';
export type { SsmApi } from './ssm/api.ts';
export { SsmServiceException } from './ssm/errors.ts';
export { resolveImageId } from './ssm/parameters.ts';
export type * as Ssm from './ssm/shapes.ts';
export type { Ec2Api } from './api.ts';
export { Ec2ServiceException, isEc2Error } from './errors.ts';
export type { ModelEvent, ModelEventType, ModelEventListener } from './events.ts';
export type { ModelState, Timing } from './state.ts';
export type { DiskContents, Distro, PackageEntry, ServiceEntry } from './disk/contents.ts';
export { DEFAULT_TIMING } from './state.ts';
export { ModelClock, DEFAULT_START_TIME, type ClockOptions } from './clock.ts';
export { catalogEntries, OWNERS, type CatalogEntryMeta, type CatalogGroup } from './catalog.ts';
export { INSTANCE_TYPES, type InstanceTypeSpec } from './resources/instance-types.ts';
export { REGIONS, REGION_NAMES, type RegionInfo } from './regions.ts';
export { STATE_CODES, LEGAL_TRANSITIONS, DEFAULT_INSTANCE_TYPE } from './resources/instances.ts';
export { isWellFormedId } from './ids.ts';
export {
  waitUntilInstanceRunning,
  waitUntilInstanceStopped,
  waitUntilInstanceTerminated,
  waitUntilImageAvailable,
  waitUntilInstanceStatusOk,
  SLEEP,
  type WaiterConfiguration,
  type WaiterResult,
  type WaiterState,
} from './waiters.ts';
export type * from './sdk-shapes.ts';
