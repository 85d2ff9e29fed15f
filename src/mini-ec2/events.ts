/**
 * Events: every change of the model's state, in order, for a UI (the live map) or a grader.
 * Each event has `seq` (1, 2, 3... over the model's life), `time` (simulated ms since epoch), `region`,
 * `type` and `resourceId`, plus what a map needs to draw the change without a describe call
 * (an instance's ImageId and subnet, an image's SourceInstanceId...).
 */
import type { ImageState, InstanceStateName } from './sdk-shapes.ts';

interface EventBase {
  seq: number;
  time: number;
  region: string;
  resourceId: string;
}

export type ModelEvent =
  | (EventBase & {
      type: 'instance-launched';
      instanceId: string;
      imageId: string;
      instanceType: string;
      reservationId: string;
      availabilityZone: string;
      subnetId: string;
      vpcId: string;
      keyName?: string;
      securityGroupIds: string[];
      state: InstanceStateName;
      tags: { Key: string; Value: string }[];
    })
  | (EventBase & {
      type: 'instance-state-changed';
      instanceId: string;
      imageId: string;
      from: InstanceStateName;
      to: InstanceStateName;
    })
  | (EventBase & { type: 'instance-rebooted'; instanceId: string; reason: 'reboot' | 'create-image' })
  /** cloud-init ran the instance's user data at its first boot (its output is in GetConsoleOutput). */
  | (EventBase & { type: 'user-data-ran'; instanceId: string })
  /** Systems Manager Run Command sent a script to instances (resourceId: the command ID). */
  | (EventBase & { type: 'command-sent'; commandId: string; instanceIds: string[] })
  /** A terminated instance has been visible for its hour and is gone from describe calls. */
  | (EventBase & { type: 'instance-expired'; instanceId: string })
  | (EventBase & {
      type: 'image-created';
      imageId: string;
      name: string;
      state: ImageState;
      how: 'create-image' | 'copy-image';
      sourceInstanceId?: string;
      sourceImageId?: string;
      sourceRegion?: string;
      snapshotIds: string[];
    })
  | (EventBase & { type: 'image-state-changed'; imageId: string; from: ImageState; to: ImageState })
  /** A deregistered image's grace period is over: describe-by-ID now says "not found". */
  | (EventBase & { type: 'image-expired'; imageId: string })
  | (EventBase & { type: 'image-deregistered'; imageId: string; name: string })
  | (EventBase & { type: 'snapshot-created'; snapshotId: string; volumeId: string; imageId: string; sizeGiB: number })
  | (EventBase & { type: 'volume-created'; volumeId: string; instanceId: string; sizeGiB: number; snapshotId?: string })
  | (EventBase & { type: 'volume-deleted'; volumeId: string; instanceId?: string })
  | (EventBase & { type: 'volume-detached'; volumeId: string; instanceId: string })
  | (EventBase & { type: 'tags-changed'; tags: { Key: string; Value: string }[] })
  | (EventBase & { type: 'key-pair-created'; keyName: string; keyPairId: string })
  | (EventBase & { type: 'key-pair-deleted'; keyName: string; keyPairId: string })
  | (EventBase & { type: 'security-group-created'; groupId: string; groupName: string; vpcId: string })
  | (EventBase & { type: 'security-group-rule-added'; groupId: string; ruleIds: string[] })
  | (EventBase & { type: 'security-group-rule-removed'; groupId: string; ruleIds: string[] })
  | (EventBase & { type: 'security-group-rule-modified'; groupId: string; ruleIds: string[] })
  | (EventBase & { type: 'security-group-deleted'; groupId: string; vpcId: string })
  | (EventBase & { type: 'vpc-created'; vpcId: string; cidrBlock: string })
  | (EventBase & { type: 'vpc-deleted'; vpcId: string })
  | (EventBase & { type: 'subnet-created'; subnetId: string; vpcId: string; cidrBlock: string; availabilityZone: string })
  | (EventBase & { type: 'subnet-deleted'; subnetId: string; vpcId: string })
  | (EventBase & { type: 'subnet-modified'; subnetId: string; mapPublicIpOnLaunch: boolean })
  | (EventBase & { type: 'marketplace-subscribed'; productCode: string })
  // after launch, snapshots, launch templates, sharing (issue 13)
  | (EventBase & { type: 'instance-attribute-changed'; instanceId: string; attribute: 'instanceType' | 'userData' })
  | (EventBase & { type: 'snapshot-deleted'; snapshotId: string })
  | (EventBase & { type: 'launch-template-created'; launchTemplateId: string; name: string; version: number })
  | (EventBase & { type: 'launch-template-version-created'; launchTemplateId: string; version: number })
  | (EventBase & { type: 'launch-template-default-changed'; launchTemplateId: string; version: number })
  | (EventBase & { type: 'launch-template-deleted'; launchTemplateId: string; name: string })
  | (EventBase & { type: 'image-permissions-changed'; imageId: string; public: boolean; sharedWith: string[] });

export type ModelEventType = ModelEvent['type'];

/** The fields an emitter supplies; the model stamps seq, time and region. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewModelEvent = DistributiveOmit<ModelEvent, 'seq' | 'time' | 'region'>;

export type ModelEventListener = (event: ModelEvent) => void;
