/**
 * Ec2Api: the methods learner code uses, typed so that both the model's client and a real `EC2` client
 * from @aws-sdk/client-ec2 are assignable to it (tests/mini-ec2/sdk-types.check.ts proves both).
 * Methods are declared with method syntax on purpose: TypeScript then compares their parameters
 * bivariantly, which is what lets the SDK's narrower string unions (InstanceType, ...) fit.
 */
import type * as T from './sdk-shapes.ts';

export interface Ec2Api {
  runInstances(args: T.RunInstancesRequest): Promise<T.RunInstancesResult>;
  describeInstances(args?: T.DescribeInstancesRequest): Promise<T.DescribeInstancesResult>;
  startInstances(args: T.StartInstancesRequest): Promise<T.StartInstancesResult>;
  stopInstances(args: T.StopInstancesRequest): Promise<T.StopInstancesResult>;
  rebootInstances(args: T.InstanceIdsRequest): Promise<T.EmptyResult>;
  terminateInstances(args: T.InstanceIdsRequest): Promise<T.TerminateInstancesResult>;
  describeInstanceAttribute(args: T.DescribeInstanceAttributeRequest): Promise<T.DescribeInstanceAttributeResult>;
  createImage(args: T.CreateImageRequest): Promise<T.CreateImageResult>;
  describeImages(args?: T.DescribeImagesRequest): Promise<T.DescribeImagesResult>;
  deregisterImage(args: T.DeregisterImageRequest): Promise<T.DeregisterImageResult>;
  copyImage(args: T.CopyImageRequest): Promise<T.CopyImageResult>;
  createTags(args: T.CreateTagsRequest): Promise<T.EmptyResult>;
  deleteTags(args: T.DeleteTagsRequest): Promise<T.EmptyResult>;
  describeInstanceTypes(args?: T.DescribeInstanceTypesRequest): Promise<T.DescribeInstanceTypesResult>;
  describeKeyPairs(args?: T.DescribeKeyPairsRequest): Promise<T.DescribeKeyPairsResult>;
  createKeyPair(args: T.CreateKeyPairRequest): Promise<T.CreateKeyPairResult>;
  deleteKeyPair(args: T.DeleteKeyPairRequest): Promise<T.DeleteKeyPairResult>;
  describeSecurityGroups(args?: T.DescribeSecurityGroupsRequest): Promise<T.DescribeSecurityGroupsResult>;
  createSecurityGroup(args: T.CreateSecurityGroupRequest): Promise<T.CreateSecurityGroupResult>;
  authorizeSecurityGroupIngress(args: T.AuthorizeSecurityGroupIngressRequest): Promise<T.AuthorizeSecurityGroupIngressResult>;
  describeSubnets(args?: T.DescribeSubnetsRequest): Promise<T.DescribeSubnetsResult>;
  describeVpcs(args?: T.DescribeVpcsRequest): Promise<T.DescribeVpcsResult>;
  describeRegions(args?: T.DescribeRegionsRequest): Promise<T.DescribeRegionsResult>;
  describeAvailabilityZones(args?: T.DescribeAvailabilityZonesRequest): Promise<T.DescribeAvailabilityZonesResult>;
  describeSnapshots(args?: T.DescribeSnapshotsRequest): Promise<T.DescribeSnapshotsResult>;
  describeVolumes(args?: T.DescribeVolumesRequest): Promise<T.DescribeVolumesResult>;
  createVpc(args: T.CreateVpcRequest): Promise<T.CreateVpcResult>;
  deleteVpc(args: T.DeleteVpcRequest): Promise<T.EmptyResult>;
  createSubnet(args: T.CreateSubnetRequest): Promise<T.CreateSubnetResult>;
  deleteSubnet(args: T.DeleteSubnetRequest): Promise<T.EmptyResult>;
  modifySubnetAttribute(args: T.ModifySubnetAttributeRequest): Promise<T.EmptyResult>;
  deleteSecurityGroup(args: T.DeleteSecurityGroupRequest): Promise<T.DeleteSecurityGroupResult>;
  authorizeSecurityGroupEgress(args: T.AuthorizeSecurityGroupEgressRequest): Promise<T.AuthorizeSecurityGroupEgressResult>;
  revokeSecurityGroupIngress(args: T.RevokeSecurityGroupIngressRequest): Promise<T.RevokeSecurityGroupIngressResult>;
  revokeSecurityGroupEgress(args: T.RevokeSecurityGroupEgressRequest): Promise<T.RevokeSecurityGroupEgressResult>;
  describeSecurityGroupRules(args?: T.DescribeSecurityGroupRulesRequest): Promise<T.DescribeSecurityGroupRulesResult>;
  modifySecurityGroupRules(args: T.ModifySecurityGroupRulesRequest): Promise<T.ModifySecurityGroupRulesResult>;
  // after launch, tags and snapshots (issue 13)
  modifyInstanceAttribute(args: T.ModifyInstanceAttributeRequest): Promise<T.EmptyResult>;
  describeInstanceStatus(args?: T.DescribeInstanceStatusRequest): Promise<T.DescribeInstanceStatusResult>;
  describeTags(args?: T.DescribeTagsRequest): Promise<T.DescribeTagsResult>;
  deleteSnapshot(args: T.DeleteSnapshotRequest): Promise<T.EmptyResult>;
  // launch templates (issue 13)
  createLaunchTemplate(args: T.CreateLaunchTemplateRequest): Promise<T.CreateLaunchTemplateResult>;
  createLaunchTemplateVersion(args: T.CreateLaunchTemplateVersionRequest): Promise<T.CreateLaunchTemplateVersionResult>;
  modifyLaunchTemplate(args: T.ModifyLaunchTemplateRequest): Promise<T.ModifyLaunchTemplateResult>;
  describeLaunchTemplates(args?: T.DescribeLaunchTemplatesRequest): Promise<T.DescribeLaunchTemplatesResult>;
  describeLaunchTemplateVersions(args?: T.DescribeLaunchTemplateVersionsRequest): Promise<T.DescribeLaunchTemplateVersionsResult>;
  deleteLaunchTemplate(args: T.DeleteLaunchTemplateRequest): Promise<T.DeleteLaunchTemplateResult>;
  // image sharing (issue 13)
  modifyImageAttribute(args: T.ModifyImageAttributeRequest): Promise<T.EmptyResult>;
  describeImageAttribute(args: T.DescribeImageAttributeRequest): Promise<T.DescribeImageAttributeResult>;
  resetImageAttribute(args: T.ResetImageAttributeRequest): Promise<T.EmptyResult>;
  // configuring instances (issue 13)
  getConsoleOutput(args: T.GetConsoleOutputRequest): Promise<T.GetConsoleOutputResult>;
}
