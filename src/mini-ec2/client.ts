/**
 * The SDK-shaped face of the model: one client per region, with the method names and the input and
 * output shapes of @aws-sdk/client-ec2's aggregated `EC2` client. Each method checks its input against
 * the shape below (validate.ts), then hands the clean copy to the resource module that does the work.
 * Results are fresh objects: mutating them never touches the model.
 */
import { sdkConfig, sleepOnModelClock, type ClientBackend, type Ctx } from './context.ts';
import { Errors } from './errors.ts';
import { copyImage, createImage, deregisterImage, describeImages } from './resources/images.ts';
import { deleteSnapshot, describeSnapshots } from './resources/snapshots.ts';
import { modifyInstanceAttribute } from './resources/instance-attributes.ts';
import { describeImageAttribute, modifyImageAttribute, resetImageAttribute } from './resources/image-sharing.ts';
import { describeInstanceStatus } from './resources/instance-status.ts';
import {
  createLaunchTemplate,
  createLaunchTemplateVersion,
  deleteLaunchTemplate,
  describeLaunchTemplates,
  describeLaunchTemplateVersions,
  modifyLaunchTemplate,
  withLaunchTemplate,
} from './resources/launch-templates.ts';
import { describeVolumes } from './resources/volumes.ts';
import { describeInstanceTypes } from './resources/instance-types.ts';
import {
  describeInstanceAttribute,
  describeInstances,
  rebootInstances,
  runInstances,
  startInstances,
  stopInstances,
  terminateInstances,
} from './resources/instances.ts';
import { authorizeRules, describeSecurityGroupRules, modifySecurityGroupRules, revokeRules } from './resources/security-group-rules.ts';
import { createKeyPair, deleteKeyPair, describeKeyPairs } from './resources/key-pairs.ts';
import { createSecurityGroup, deleteSecurityGroup, describeSecurityGroups } from './resources/security-groups.ts';
import { describeAvailabilityZones, describeRegions } from './resources/availability-zones.ts';
import { createSubnet, deleteSubnet, describeSubnets, modifySubnetAttribute } from './resources/subnets.ts';
import { createVpc, deleteVpc, describeVpcs } from './resources/vpcs.ts';
import { createTags, deleteTags, describeTags } from './resources/tags.ts';
import type * as T from './sdk-shapes.ts';
import { parse, required, type Parsed, type Shape } from './input-parser.ts';
import { common, SHAPES } from './request-shapes.ts';
import { SLEEP } from './waiters.ts';
import { getConsoleOutput } from './disk/console-output.ts';

/**
 * The client. Every method is async (errors are rejected promises, as with the SDK) and accepts any
 * input safely. `[Symbol.for('mini-ec2.sleep')](ms)` lets the waiters advance the model's clock.
 */
export class MiniEc2Client {
  readonly region: string;
  readonly #backend: ClientBackend;
  /** Mirrors the SDK client's `config.region` so code that reads it keeps working. */
  readonly config: { region: () => Promise<string> };

  /** @internal Made by `MiniEc2.client(region)`, never by learner code. */
  constructor(backend: ClientBackend, region: string) {
    this.#backend = backend;
    this.region = region;
    this.config = sdkConfig(region);
  }

  /** Waiters "sleep" through this: advances the model clock (manual) or waits scaled real time (realtime). */
  async [SLEEP](ms: number): Promise<void> {
    return sleepOnModelClock(this.#backend, ms);
  }

  #run<R extends object>(op: (ctx: Ctx) => R) {
    return this.#backend.run(this.region, op);
  }

  /** A call that changes nothing: its DryRun can only ever answer DryRunOperation, once the input parses.
   *  (#private: the model's API methods are the prototype's camelCase names, and this is not one.) */
  #readOnly<S extends typeof common & Shape, R extends object>(args: unknown, shape: S, op: (ctx: Ctx, input: Parsed<S>) => R) {
    return this.#run((ctx) => {
      const input = parse(args, shape);
      if (input.DryRun) throw Errors.dryRun();
      return op(ctx, input);
    });
  }

  async runInstances(args: T.RunInstancesRequest): Promise<T.RunInstancesResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.runInstances) as T.RunInstancesRequest;
      if (!input.LaunchTemplate) return runInstances(ctx, input, input.DryRun === true);
      const { request, systemTags } = withLaunchTemplate(ctx, input);
      return runInstances(ctx, request, input.DryRun === true, systemTags);
    });
  }

  async describeInstances(args?: T.DescribeInstancesRequest): Promise<T.DescribeInstancesResult> {
    return this.#readOnly(args, SHAPES.describeInstances, describeInstances);
  }

  async startInstances(args: T.StartInstancesRequest): Promise<T.StartInstancesResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.startInstances);
      return { StartingInstances: startInstances(ctx, required(input.InstanceIds, 'InstanceId'), input.DryRun === true) };
    });
  }

  async stopInstances(args: T.StopInstancesRequest): Promise<T.StopInstancesResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.stopInstances);
      return { StoppingInstances: stopInstances(ctx, required(input.InstanceIds, 'InstanceId'), input.DryRun === true) };
    });
  }

  async rebootInstances(args: T.InstanceIdsRequest): Promise<T.EmptyResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.rebootInstances);
      rebootInstances(ctx, required(input.InstanceIds, 'InstanceId'), input.DryRun === true);
      return {};
    });
  }

  async terminateInstances(args: T.InstanceIdsRequest): Promise<T.TerminateInstancesResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.terminateInstances);
      return { TerminatingInstances: terminateInstances(ctx, input.InstanceIds, input.DryRun === true) };
    });
  }

  async describeInstanceAttribute(args: T.DescribeInstanceAttributeRequest): Promise<T.DescribeInstanceAttributeResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.describeInstanceAttribute);
      const id = required(input.InstanceId, 'InstanceId');
      const attribute = required(input.Attribute, 'Attribute');
      if (input.DryRun) throw Errors.dryRun();
      return describeInstanceAttribute(ctx, id, attribute);
    });
  }

  async createImage(args: T.CreateImageRequest): Promise<T.CreateImageResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.createImage);
      const InstanceId = required(input.InstanceId, 'InstanceId');
      const Name = required(input.Name, 'Name');
      return createImage(ctx, { ...input, InstanceId, Name }, input.DryRun === true);
    });
  }

  async describeImages(args?: T.DescribeImagesRequest): Promise<T.DescribeImagesResult> {
    return this.#readOnly(args, SHAPES.describeImages, describeImages);
  }

  async deregisterImage(args: T.DeregisterImageRequest): Promise<T.DeregisterImageResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.deregisterImage);
      return deregisterImage(ctx, required(input.ImageId, 'ImageId'), input.DeleteAssociatedSnapshots === true, input.DryRun === true);
    });
  }

  async copyImage(args: T.CopyImageRequest): Promise<T.CopyImageResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.copyImage);
      const SourceImageId = required(input.SourceImageId, 'SourceImageId');
      const SourceRegion = required(input.SourceRegion, 'SourceRegion');
      const Name = required(input.Name, 'Name');
      return copyImage(ctx, { ...input, SourceImageId, SourceRegion, Name }, input.DryRun === true);
    });
  }

  async createTags(args: T.CreateTagsRequest): Promise<T.EmptyResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.createTags);
      createTags(ctx, input.Resources, input.Tags, input.DryRun === true);
      return {};
    });
  }

  async deleteTags(args: T.DeleteTagsRequest): Promise<T.EmptyResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.deleteTags);
      deleteTags(ctx, input.Resources, input.Tags, input.DryRun === true);
      return {};
    });
  }

  async describeInstanceTypes(args?: T.DescribeInstanceTypesRequest): Promise<T.DescribeInstanceTypesResult> {
    return this.#readOnly(args, SHAPES.describeInstanceTypes, (_ctx, input) => describeInstanceTypes(input));
  }

  async describeKeyPairs(args?: T.DescribeKeyPairsRequest): Promise<T.DescribeKeyPairsResult> {
    return this.#readOnly(args, SHAPES.describeKeyPairs, describeKeyPairs);
  }

  async createKeyPair(args: T.CreateKeyPairRequest): Promise<T.CreateKeyPairResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.createKeyPair);
      return createKeyPair(ctx, { ...input, KeyName: required(input.KeyName, 'KeyName') }, input.DryRun === true);
    });
  }

  async deleteKeyPair(args: T.DeleteKeyPairRequest): Promise<T.DeleteKeyPairResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.deleteKeyPair);
      return deleteKeyPair(ctx, input, input.DryRun === true);
    });
  }

  async describeSecurityGroups(args?: T.DescribeSecurityGroupsRequest): Promise<T.DescribeSecurityGroupsResult> {
    return this.#readOnly(args, SHAPES.describeSecurityGroups, describeSecurityGroups);
  }

  async createSecurityGroup(args: T.CreateSecurityGroupRequest): Promise<T.CreateSecurityGroupResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.createSecurityGroup);
      const GroupName = required(input.GroupName, 'GroupName');
      const Description = required(input.Description, 'GroupDescription');
      return createSecurityGroup(ctx, { ...input, GroupName, Description }, input.DryRun === true);
    });
  }

  async authorizeSecurityGroupIngress(args: T.AuthorizeSecurityGroupIngressRequest): Promise<T.AuthorizeSecurityGroupIngressResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.authorizeSecurityGroupIngress);
      return authorizeRules(ctx, 'ingress', input, input.DryRun === true);
    });
  }

  async describeVpcs(args?: T.DescribeVpcsRequest): Promise<T.DescribeVpcsResult> {
    return this.#readOnly(args, SHAPES.describeVpcs, describeVpcs);
  }

  async describeSubnets(args?: T.DescribeSubnetsRequest): Promise<T.DescribeSubnetsResult> {
    return this.#readOnly(args, SHAPES.describeSubnets, describeSubnets);
  }

  async describeRegions(args?: T.DescribeRegionsRequest): Promise<T.DescribeRegionsResult> {
    return this.#readOnly(args, SHAPES.describeRegions, (_ctx, input) => describeRegions(input));
  }

  async describeAvailabilityZones(args?: T.DescribeAvailabilityZonesRequest): Promise<T.DescribeAvailabilityZonesResult> {
    return this.#readOnly(args, SHAPES.describeAvailabilityZones, describeAvailabilityZones);
  }

  async describeSnapshots(args?: T.DescribeSnapshotsRequest): Promise<T.DescribeSnapshotsResult> {
    return this.#readOnly(args, SHAPES.describeSnapshots, describeSnapshots);
  }

  async describeVolumes(args?: T.DescribeVolumesRequest): Promise<T.DescribeVolumesResult> {
    return this.#readOnly(args, SHAPES.describeVolumes, describeVolumes);
  }

  async createVpc(args: T.CreateVpcRequest): Promise<T.CreateVpcResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.createVpc);
      return createVpc(ctx, { ...input, CidrBlock: required(input.CidrBlock, 'CidrBlock') }, input.DryRun === true);
    });
  }

  async deleteVpc(args: T.DeleteVpcRequest): Promise<T.EmptyResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.deleteVpc);
      return deleteVpc(ctx, required(input.VpcId, 'VpcId'), input.DryRun === true);
    });
  }

  async createSubnet(args: T.CreateSubnetRequest): Promise<T.CreateSubnetResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.createSubnet);
      const VpcId = required(input.VpcId, 'VpcId');
      const CidrBlock = required(input.CidrBlock, 'CidrBlock');
      return createSubnet(ctx, { ...input, VpcId, CidrBlock }, input.DryRun === true);
    });
  }

  async deleteSubnet(args: T.DeleteSubnetRequest): Promise<T.EmptyResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.deleteSubnet);
      return deleteSubnet(ctx, required(input.SubnetId, 'SubnetId'), input.DryRun === true);
    });
  }

  async modifySubnetAttribute(args: T.ModifySubnetAttributeRequest): Promise<T.EmptyResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.modifySubnetAttribute);
      return modifySubnetAttribute(ctx, required(input.SubnetId, 'SubnetId'), input.MapPublicIpOnLaunch?.Value);
    });
  }

  async deleteSecurityGroup(args: T.DeleteSecurityGroupRequest): Promise<T.DeleteSecurityGroupResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.deleteSecurityGroup);
      return deleteSecurityGroup(ctx, input, input.DryRun === true);
    });
  }

  async authorizeSecurityGroupEgress(args: T.AuthorizeSecurityGroupEgressRequest): Promise<T.AuthorizeSecurityGroupEgressResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.authorizeSecurityGroupEgress);
      return authorizeRules(ctx, 'egress', { ...input, GroupId: required(input.GroupId, 'GroupId') }, input.DryRun === true);
    });
  }

  async revokeSecurityGroupIngress(args: T.RevokeSecurityGroupIngressRequest): Promise<T.RevokeSecurityGroupIngressResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.revokeSecurityGroupIngress);
      return revokeRules(ctx, 'ingress', input, input.DryRun === true);
    });
  }

  async revokeSecurityGroupEgress(args: T.RevokeSecurityGroupEgressRequest): Promise<T.RevokeSecurityGroupEgressResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.revokeSecurityGroupEgress);
      return revokeRules(ctx, 'egress', { ...input, GroupId: required(input.GroupId, 'GroupId') }, input.DryRun === true);
    });
  }

  async describeSecurityGroupRules(args?: T.DescribeSecurityGroupRulesRequest): Promise<T.DescribeSecurityGroupRulesResult> {
    return this.#readOnly(args, SHAPES.describeSecurityGroupRules, describeSecurityGroupRules);
  }

  async modifySecurityGroupRules(args: T.ModifySecurityGroupRulesRequest): Promise<T.ModifySecurityGroupRulesResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.modifySecurityGroupRules);
      const GroupId = required(input.GroupId, 'GroupId');
      const SecurityGroupRules = required(input.SecurityGroupRules, 'SecurityGroupRules');
      return modifySecurityGroupRules(ctx, { ...input, GroupId, SecurityGroupRules: SecurityGroupRules as T.SecurityGroupRuleUpdate[] }, input.DryRun === true);
    });
  }

  // ---- after launch, tags and snapshots (issue 13) ----------------------------------------------------

  async modifyInstanceAttribute(args: T.ModifyInstanceAttributeRequest): Promise<T.EmptyResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.modifyInstanceAttribute);
      modifyInstanceAttribute(ctx, input, input.DryRun === true);
      return {};
    });
  }

  async describeInstanceStatus(args?: T.DescribeInstanceStatusRequest): Promise<T.DescribeInstanceStatusResult> {
    return this.#readOnly(args, SHAPES.describeInstanceStatus, describeInstanceStatus);
  }

  async describeTags(args?: T.DescribeTagsRequest): Promise<T.DescribeTagsResult> {
    return this.#readOnly(args, SHAPES.describeTags, describeTags);
  }

  async deleteSnapshot(args: T.DeleteSnapshotRequest): Promise<T.EmptyResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.deleteSnapshot);
      deleteSnapshot(ctx, input, input.DryRun === true);
      return {};
    });
  }

  // ---- launch templates (issue 13) -----------------------------------------------------------------------

  async createLaunchTemplate(args: T.CreateLaunchTemplateRequest): Promise<T.CreateLaunchTemplateResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.createLaunchTemplate);
      return createLaunchTemplate(ctx, input, input.DryRun === true);
    });
  }

  async createLaunchTemplateVersion(args: T.CreateLaunchTemplateVersionRequest): Promise<T.CreateLaunchTemplateVersionResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.createLaunchTemplateVersion);
      return createLaunchTemplateVersion(ctx, input, input.DryRun === true);
    });
  }

  async modifyLaunchTemplate(args: T.ModifyLaunchTemplateRequest): Promise<T.ModifyLaunchTemplateResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.modifyLaunchTemplate);
      return modifyLaunchTemplate(ctx, input, input.DryRun === true);
    });
  }

  async describeLaunchTemplates(args?: T.DescribeLaunchTemplatesRequest): Promise<T.DescribeLaunchTemplatesResult> {
    return this.#readOnly(args, SHAPES.describeLaunchTemplates, describeLaunchTemplates);
  }

  async describeLaunchTemplateVersions(args?: T.DescribeLaunchTemplateVersionsRequest): Promise<T.DescribeLaunchTemplateVersionsResult> {
    return this.#readOnly(args, SHAPES.describeLaunchTemplateVersions, describeLaunchTemplateVersions);
  }

  async deleteLaunchTemplate(args: T.DeleteLaunchTemplateRequest): Promise<T.DeleteLaunchTemplateResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.deleteLaunchTemplate);
      return deleteLaunchTemplate(ctx, input, input.DryRun === true);
    });
  }

  // ---- image sharing (issue 13) --------------------------------------------------------------------------

  async modifyImageAttribute(args: T.ModifyImageAttributeRequest): Promise<T.EmptyResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.modifyImageAttribute);
      modifyImageAttribute(ctx, input, input.DryRun === true);
      return {};
    });
  }

  async describeImageAttribute(args: T.DescribeImageAttributeRequest): Promise<T.DescribeImageAttributeResult> {
    return this.#readOnly(args, SHAPES.describeImageAttribute, describeImageAttribute);
  }

  async resetImageAttribute(args: T.ResetImageAttributeRequest): Promise<T.EmptyResult> {
    return this.#run((ctx) => {
      const input = parse(args, SHAPES.resetImageAttribute);
      resetImageAttribute(ctx, input, input.DryRun === true);
      return {};
    });
  }

  // ---- configuring instances (issue 13) ----

  async getConsoleOutput(args: T.GetConsoleOutputRequest): Promise<T.GetConsoleOutputResult> {
    return this.#readOnly(args, SHAPES.getConsoleOutput, (ctx, input) => getConsoleOutput(ctx, required(input.InstanceId, 'InstanceId')));
  }
}
