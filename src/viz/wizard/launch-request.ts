// Turns what the learner chose in the wizard into the RunInstances request the wizard sends (and the CLI
// line it prints). Pure: tested in tests/viz/wizard-request.test.ts.
import type { BlockDeviceMapping, RunInstancesRequest, Tag, VolumeType } from '../../mini-ec2/sdk-shapes.ts';

export interface LaunchChoices {
  name: string;
  /** Extra tags besides Name; rows with an empty key are ignored, as the console does. */
  tags: { key: string; value: string }[];
  imageId?: string;
  instanceType: string;
  /** '' = proceed without a key pair. */
  keyName: string;
  /** '' = the default subnet. */
  subnetId: string;
  /** '' = the VPC's default security group. */
  securityGroupId: string;
  /** The image's root device (e.g. /dev/xvda); storage is left to the image's defaults without it. */
  rootDeviceName?: string;
  volumeSizeGiB: number;
  volumeType: VolumeType;
  count: number;
  /** Advanced details > User data: a script cloud-init runs at the first boot; '' = none. */
  userData?: string;
}

/** Base64 of the text's UTF-8 bytes, as RunInstances wants UserData (the CLI and boto3 encode it for you). */
function toBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function launchTags(choices: Pick<LaunchChoices, 'name' | 'tags'>): Tag[] {
  const tags: Tag[] = [];
  if (choices.name.trim()) tags.push({ Key: 'Name', Value: choices.name.trim() });
  for (const t of choices.tags) if (t.key.trim()) tags.push({ Key: t.key.trim(), Value: t.value });
  return tags;
}

function storageMappings(choices: Pick<LaunchChoices, 'rootDeviceName' | 'volumeSizeGiB' | 'volumeType'>): BlockDeviceMapping[] | undefined {
  if (!choices.rootDeviceName) return undefined;
  return [{ DeviceName: choices.rootDeviceName, Ebs: { VolumeSize: choices.volumeSizeGiB, VolumeType: choices.volumeType, DeleteOnTermination: true } }];
}

export function buildRunRequest(choices: LaunchChoices): RunInstancesRequest {
  const tags = launchTags(choices);
  const request: RunInstancesRequest = {
    ImageId: choices.imageId,
    InstanceType: choices.instanceType,
    MinCount: choices.count,
    MaxCount: choices.count,
  };
  if (choices.keyName) request.KeyName = choices.keyName;
  if (choices.subnetId) request.SubnetId = choices.subnetId;
  if (choices.securityGroupId) request.SecurityGroupIds = [choices.securityGroupId];
  if (choices.userData?.trim()) request.UserData = toBase64(choices.userData);
  const mappings = storageMappings(choices);
  if (mappings) request.BlockDeviceMappings = mappings;
  if (tags.length) {
    // The console tags the instance and its volumes alike.
    request.TagSpecifications = [{ ResourceType: 'instance', Tags: tags }, { ResourceType: 'volume', Tags: tags }];
  }
  return request;
}
