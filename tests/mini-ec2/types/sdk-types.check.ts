// Compile-time proof that mini-EC2's API shapes match @aws-sdk/client-ec2's own types (src/mini-ec2/BEHAVIOUR.md, "The API's shape").
// Compiled by sdk-types.test.ts with `tsc --noEmit -p types/tsconfig.check.json`; any drift fails the build.
import type * as Sdk from '@aws-sdk/client-ec2';
import type { EC2 } from '@aws-sdk/client-ec2';
import { MiniEc2, waitUntilImageAvailable, waitUntilInstanceRunning, waitUntilInstanceStatusOk, type Ec2Api } from '../../../src/mini-ec2/index.ts';
import type * as M from '../../../src/mini-ec2/sdk-shapes.ts';

type Assignable<A, B> = [A] extends [B] ? true : false;
/** Every key of our input exists in the SDK's input: no invented or misspelled parameter names. */
type KeysKnownTo<Mine, Sdk> = [Exclude<keyof Mine, keyof Sdk>] extends [never] ? true : false;

/**
 * Two fields are left out of the model -> SDK output check, on purpose:
 * - `Platform`: the SDK types it as 'Windows', while EC2 (and the model) send 'windows'.
 * - `ResourceType` (DescribeTags): likewise a `string` in the model, one of the SDK's names at run time.
 * - `InstanceType`: the SDK lists every type name as a literal union; the model types it `string` so
 *   that real SDK responses (any type) fit Ec2Api. sdk-types.test.ts checks at run time that every type
 *   name the model knows is one of the SDK's.
 */
type Loose<T> = T extends Date
  ? T
  : T extends (infer U)[]
    ? Loose<U>[]
    : T extends object
      ? { [K in keyof T as K extends 'Platform' | 'InstanceType' | 'ResourceType' ? never : K]: Loose<T[K]> }
      : T;

/** For one operation: SDK input fits ours, our keys are SDK keys, and outputs fit both ways. A `false`
 * below (a compile error naming the property) is a drift. */
function operation<MyIn, MyOut, SdkIn, SdkOut>(checks: {
  sdkInputFitsModel: Assignable<SdkIn, MyIn>;
  modelKeysExistInSdk: KeysKnownTo<MyIn, SdkIn>;
  modelOutputFitsSdk: Assignable<Loose<MyOut>, Loose<SdkOut>>;
  sdkOutputFitsModel: Assignable<SdkOut, MyOut>;
}): typeof checks {
  return checks;
}
const ok = { sdkInputFitsModel: true, modelKeysExistInSdk: true, modelOutputFitsSdk: true, sdkOutputFitsModel: true } as const;

export const checks = [
  operation<M.RunInstancesRequest, M.RunInstancesResult, Sdk.RunInstancesCommandInput, Sdk.RunInstancesCommandOutput>(ok),
  operation<M.DescribeInstancesRequest, M.DescribeInstancesResult, Sdk.DescribeInstancesCommandInput, Sdk.DescribeInstancesCommandOutput>(ok),
  operation<M.StartInstancesRequest, M.StartInstancesResult, Sdk.StartInstancesCommandInput, Sdk.StartInstancesCommandOutput>(ok),
  operation<M.StopInstancesRequest, M.StopInstancesResult, Sdk.StopInstancesCommandInput, Sdk.StopInstancesCommandOutput>(ok),
  operation<M.InstanceIdsRequest, M.EmptyResult, Sdk.RebootInstancesCommandInput, Sdk.RebootInstancesCommandOutput>(ok),
  operation<M.InstanceIdsRequest, M.TerminateInstancesResult, Sdk.TerminateInstancesCommandInput, Sdk.TerminateInstancesCommandOutput>(ok),
  operation<M.DescribeInstanceAttributeRequest, M.DescribeInstanceAttributeResult, Sdk.DescribeInstanceAttributeCommandInput, Sdk.DescribeInstanceAttributeCommandOutput>(ok),
  operation<M.CreateImageRequest, M.CreateImageResult, Sdk.CreateImageCommandInput, Sdk.CreateImageCommandOutput>(ok),
  operation<M.DescribeImagesRequest, M.DescribeImagesResult, Sdk.DescribeImagesCommandInput, Sdk.DescribeImagesCommandOutput>(ok),
  operation<M.DeregisterImageRequest, M.DeregisterImageResult, Sdk.DeregisterImageCommandInput, Sdk.DeregisterImageCommandOutput>(ok),
  operation<M.CopyImageRequest, M.CopyImageResult, Sdk.CopyImageCommandInput, Sdk.CopyImageCommandOutput>(ok),
  operation<M.CreateTagsRequest, M.EmptyResult, Sdk.CreateTagsCommandInput, Sdk.CreateTagsCommandOutput>(ok),
  operation<M.DeleteTagsRequest, M.EmptyResult, Sdk.DeleteTagsCommandInput, Sdk.DeleteTagsCommandOutput>(ok),
  operation<M.DescribeInstanceTypesRequest, M.DescribeInstanceTypesResult, Sdk.DescribeInstanceTypesCommandInput, Sdk.DescribeInstanceTypesCommandOutput>(ok),
  operation<M.DescribeKeyPairsRequest, M.DescribeKeyPairsResult, Sdk.DescribeKeyPairsCommandInput, Sdk.DescribeKeyPairsCommandOutput>(ok),
  operation<M.CreateKeyPairRequest, M.CreateKeyPairResult, Sdk.CreateKeyPairCommandInput, Sdk.CreateKeyPairCommandOutput>(ok),
  operation<M.DeleteKeyPairRequest, M.DeleteKeyPairResult, Sdk.DeleteKeyPairCommandInput, Sdk.DeleteKeyPairCommandOutput>(ok),
  operation<M.DescribeSecurityGroupsRequest, M.DescribeSecurityGroupsResult, Sdk.DescribeSecurityGroupsCommandInput, Sdk.DescribeSecurityGroupsCommandOutput>(ok),
  operation<M.CreateSecurityGroupRequest, M.CreateSecurityGroupResult, Sdk.CreateSecurityGroupCommandInput, Sdk.CreateSecurityGroupCommandOutput>(ok),
  operation<M.AuthorizeSecurityGroupIngressRequest, M.AuthorizeSecurityGroupIngressResult, Sdk.AuthorizeSecurityGroupIngressCommandInput, Sdk.AuthorizeSecurityGroupIngressCommandOutput>(ok),
  // the egress and revoke requests are derived from the ingress one in sdk-shapes.ts: each checked on its own
  operation<M.AuthorizeSecurityGroupEgressRequest, M.AuthorizeSecurityGroupEgressResult, Sdk.AuthorizeSecurityGroupEgressCommandInput, Sdk.AuthorizeSecurityGroupEgressCommandOutput>(ok),
  operation<M.RevokeSecurityGroupIngressRequest, M.RevokeSecurityGroupIngressResult, Sdk.RevokeSecurityGroupIngressCommandInput, Sdk.RevokeSecurityGroupIngressCommandOutput>(ok),
  operation<M.RevokeSecurityGroupEgressRequest, M.RevokeSecurityGroupEgressResult, Sdk.RevokeSecurityGroupEgressCommandInput, Sdk.RevokeSecurityGroupEgressCommandOutput>(ok),
  operation<M.DescribeVpcsRequest, M.DescribeVpcsResult, Sdk.DescribeVpcsCommandInput, Sdk.DescribeVpcsCommandOutput>(ok),
  operation<M.DescribeSubnetsRequest, M.DescribeSubnetsResult, Sdk.DescribeSubnetsCommandInput, Sdk.DescribeSubnetsCommandOutput>(ok),
  operation<M.DescribeRegionsRequest, M.DescribeRegionsResult, Sdk.DescribeRegionsCommandInput, Sdk.DescribeRegionsCommandOutput>(ok),
  operation<M.DescribeAvailabilityZonesRequest, M.DescribeAvailabilityZonesResult, Sdk.DescribeAvailabilityZonesCommandInput, Sdk.DescribeAvailabilityZonesCommandOutput>(ok),
  operation<M.DescribeSnapshotsRequest, M.DescribeSnapshotsResult, Sdk.DescribeSnapshotsCommandInput, Sdk.DescribeSnapshotsCommandOutput>(ok),
  operation<M.DescribeVolumesRequest, M.DescribeVolumesResult, Sdk.DescribeVolumesCommandInput, Sdk.DescribeVolumesCommandOutput>(ok),
  // after launch, tags and snapshots (issue 13)
  operation<M.ModifyInstanceAttributeRequest, M.EmptyResult, Sdk.ModifyInstanceAttributeCommandInput, Sdk.ModifyInstanceAttributeCommandOutput>(ok),
  operation<M.DescribeInstanceStatusRequest, M.DescribeInstanceStatusResult, Sdk.DescribeInstanceStatusCommandInput, Sdk.DescribeInstanceStatusCommandOutput>(ok),
  operation<M.DescribeTagsRequest, M.DescribeTagsResult, Sdk.DescribeTagsCommandInput, Sdk.DescribeTagsCommandOutput>(ok),
  operation<M.DeleteSnapshotRequest, M.EmptyResult, Sdk.DeleteSnapshotCommandInput, Sdk.DeleteSnapshotCommandOutput>(ok),
  // launch templates (issue 13)
  operation<M.CreateLaunchTemplateRequest, M.CreateLaunchTemplateResult, Sdk.CreateLaunchTemplateCommandInput, Sdk.CreateLaunchTemplateCommandOutput>(ok),
  operation<M.CreateLaunchTemplateVersionRequest, M.CreateLaunchTemplateVersionResult, Sdk.CreateLaunchTemplateVersionCommandInput, Sdk.CreateLaunchTemplateVersionCommandOutput>(ok),
  operation<M.ModifyLaunchTemplateRequest, M.ModifyLaunchTemplateResult, Sdk.ModifyLaunchTemplateCommandInput, Sdk.ModifyLaunchTemplateCommandOutput>(ok),
  operation<M.DescribeLaunchTemplatesRequest, M.DescribeLaunchTemplatesResult, Sdk.DescribeLaunchTemplatesCommandInput, Sdk.DescribeLaunchTemplatesCommandOutput>(ok),
  operation<M.DescribeLaunchTemplateVersionsRequest, M.DescribeLaunchTemplateVersionsResult, Sdk.DescribeLaunchTemplateVersionsCommandInput, Sdk.DescribeLaunchTemplateVersionsCommandOutput>(ok),
  operation<M.DeleteLaunchTemplateRequest, M.DeleteLaunchTemplateResult, Sdk.DeleteLaunchTemplateCommandInput, Sdk.DeleteLaunchTemplateCommandOutput>(ok),
  // image sharing (issue 13)
  operation<M.ModifyImageAttributeRequest, M.EmptyResult, Sdk.ModifyImageAttributeCommandInput, Sdk.ModifyImageAttributeCommandOutput>(ok),
  operation<M.DescribeImageAttributeRequest, M.DescribeImageAttributeResult, Sdk.DescribeImageAttributeCommandInput, Sdk.DescribeImageAttributeCommandOutput>(ok),
  operation<M.ResetImageAttributeRequest, M.EmptyResult, Sdk.ResetImageAttributeCommandInput, Sdk.ResetImageAttributeCommandOutput>(ok),
  operation<M.GetConsoleOutputRequest, M.GetConsoleOutputResult, Sdk.GetConsoleOutputCommandInput, Sdk.GetConsoleOutputCommandOutput>(ok),
];

// Both clients satisfy Ec2Api.
declare const real: EC2;
export const fromSdk: Ec2Api = real;
export const fromModel: Ec2Api = new MiniEc2().client('us-east-1');

// The model's waiters accept a real SDK client.
export const waits = [
  () => waitUntilInstanceRunning({ client: real, maxWaitTime: 60 }, { InstanceIds: ['i-12345678'] }),
  () => waitUntilImageAvailable({ client: real, maxWaitTime: 60 }, { ImageIds: ['ami-12345678'] }),
  () => waitUntilInstanceStatusOk({ client: real, maxWaitTime: 600 }, { InstanceIds: ['i-12345678'] }),
];

// Learner-style code written against Ec2Api runs unchanged with either client.
export async function newestAl2023(ec2: Ec2Api): Promise<string | undefined> {
  const { Images = [] } = await ec2.describeImages({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: ['al2023-ami-*'] }] });
  const [newest] = [...Images].sort((a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? ''));
  const r = await ec2.runInstances({ ImageId: newest?.ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 });
  const launchedAt: Date | undefined = r.Instances?.[0]?.LaunchTime;
  return launchedAt ? r.Instances?.[0]?.InstanceId : undefined;
}
export const both = [newestAl2023(real), newestAl2023(new MiniEc2().client('eu-west-1'))];
