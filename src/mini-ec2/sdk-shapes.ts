/**
 * The API shapes the model speaks: a subset of @aws-sdk/client-ec2's input and output types, written out
 * here so the model (and the editor's generated .d.ts) needs nothing from the SDK. Every output field is
 * optional, as in the SDK, so code written against these types also handles real SDK responses.
 * tests/mini-ec2/sdk-types.check.ts proves at compile time that these shapes match the SDK's own.
 */
import type { ResponseMetadata } from './errors.ts';
import type { Filter } from './filters.ts';

export type { Filter, ResponseMetadata };

export type InstanceStateName = 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';
export type ImageState = 'pending' | 'available' | 'invalid' | 'deregistered' | 'transient' | 'failed' | 'error' | 'disabled';
export type ArchitectureValues = 'i386' | 'x86_64' | 'arm64' | 'x86_64_mac' | 'arm64_mac';
export type VirtualizationType = 'hvm' | 'paravirtual';
export type DeviceType = 'ebs' | 'instance-store';
export type VolumeType = 'standard' | 'io1' | 'io2' | 'gp2' | 'sc1' | 'st1' | 'gp3';
export type ResourceType = string;
/** The instance types the model knows (instance-types.ts); all are names the SDK knows too. */
export type InstanceTypeName =
  | 'm1.small' | 't2.nano' | 't2.micro' | 't2.small' | 't2.medium'
  | 't3.nano' | 't3.micro' | 't3.small' | 't3.medium' | 't3.large'
  | 't4g.nano' | 't4g.micro' | 't4g.small' | 't4g.medium'
  | 'm5.large' | 'm5.xlarge' | 'm6g.large' | 'm6i.large' | 'm7g.large' | 'm7i.large' | 'm7i-flex.large'
  | 'c5.large' | 'c6g.large' | 'c6i.large' | 'c6i.xlarge' | 'c7g.large' | 'c7i.large' | 'c7i-flex.large'
  | 'r6g.large' | 'r6i.large';

/** Every output carries the SDK's response metadata. */
export interface MetadataBearer {
  $metadata: ResponseMetadata;
}

export interface Tag {
  Key?: string;
  Value?: string;
}
export interface TagSpecification {
  ResourceType?: ResourceType;
  Tags?: Tag[];
}
export interface EbsBlockDevice {
  DeleteOnTermination?: boolean;
  Iops?: number;
  SnapshotId?: string;
  VolumeSize?: number;
  VolumeType?: VolumeType;
  Encrypted?: boolean;
  KmsKeyId?: string;
  Throughput?: number;
}
export interface BlockDeviceMapping {
  DeviceName?: string;
  VirtualName?: string;
  Ebs?: EbsBlockDevice;
  NoDevice?: string;
}
export interface InstanceState {
  Code?: number;
  Name?: InstanceStateName;
}
export interface GroupIdentifier {
  GroupId?: string;
  GroupName?: string;
}
export interface Placement {
  AvailabilityZone?: string;
  GroupName?: string;
  Tenancy?: 'default' | 'dedicated' | 'host';
}
export interface StateReason {
  Code?: string;
  Message?: string;
}
export interface ProductCode {
  ProductCodeId?: string;
  ProductCodeType?: 'devpay' | 'marketplace';
}
export interface EbsInstanceBlockDevice {
  AttachTime?: Date;
  DeleteOnTermination?: boolean;
  Status?: 'attaching' | 'attached' | 'detaching' | 'detached';
  VolumeId?: string;
}
export interface InstanceBlockDeviceMapping {
  DeviceName?: string;
  Ebs?: EbsInstanceBlockDevice;
}
export interface Monitoring {
  State?: 'disabled' | 'disabling' | 'enabled' | 'pending';
}
export interface Instance {
  InstanceId?: string;
  ImageId?: string;
  State?: InstanceState;
  PrivateDnsName?: string;
  PublicDnsName?: string;
  StateTransitionReason?: string;
  KeyName?: string;
  AmiLaunchIndex?: number;
  ProductCodes?: ProductCode[];
  InstanceType?: string;
  LaunchTime?: Date;
  Placement?: Placement;
  /** EC2 sends 'windows'; the SDK's type says 'Windows'. Both are accepted here. */
  Platform?: 'windows' | 'Windows';
  PlatformDetails?: string;
  Monitoring?: Monitoring;
  SubnetId?: string;
  VpcId?: string;
  PrivateIpAddress?: string;
  PublicIpAddress?: string;
  Architecture?: ArchitectureValues;
  BlockDeviceMappings?: InstanceBlockDeviceMapping[];
  ClientToken?: string;
  EbsOptimized?: boolean;
  EnaSupport?: boolean;
  Hypervisor?: 'ovm' | 'xen';
  RootDeviceName?: string;
  RootDeviceType?: DeviceType;
  SecurityGroups?: GroupIdentifier[];
  SourceDestCheck?: boolean;
  StateReason?: StateReason;
  Tags?: Tag[];
  VirtualizationType?: VirtualizationType;
  UsageOperation?: string;
}
export interface Reservation {
  ReservationId?: string;
  OwnerId?: string;
  RequesterId?: string;
  Groups?: GroupIdentifier[];
  Instances?: Instance[];
}
export interface Image {
  ImageId?: string;
  ImageLocation?: string;
  State?: ImageState;
  OwnerId?: string;
  CreationDate?: string;
  Public?: boolean;
  ProductCodes?: ProductCode[];
  Architecture?: ArchitectureValues;
  ImageType?: 'machine' | 'kernel' | 'ramdisk';
  /** EC2 sends 'windows'; the SDK's type says 'Windows'. Both are accepted here. */
  Platform?: 'windows' | 'Windows';
  PlatformDetails?: string;
  UsageOperation?: string;
  EnaSupport?: boolean;
  Hypervisor?: 'ovm' | 'xen';
  ImageOwnerAlias?: string;
  Name?: string;
  Description?: string;
  RootDeviceName?: string;
  RootDeviceType?: DeviceType;
  BlockDeviceMappings?: BlockDeviceMapping[];
  VirtualizationType?: VirtualizationType;
  Tags?: Tag[];
  StateReason?: StateReason;
  BootMode?: 'legacy-bios' | 'uefi' | 'uefi-preferred';
  DeprecationTime?: string;
  SourceInstanceId?: string;
  SourceImageId?: string;
  SourceImageRegion?: string;
  SriovNetSupport?: string;
}
export interface InstanceStateChange {
  InstanceId?: string;
  CurrentState?: InstanceState;
  PreviousState?: InstanceState;
}
export interface InstanceTypeInfo {
  InstanceType?: string;
  CurrentGeneration?: boolean;
  FreeTierEligible?: boolean;
  SupportedUsageClasses?: ('capacity-block' | 'on-demand' | 'spot')[];
  SupportedRootDeviceTypes?: DeviceType[];
  SupportedVirtualizationTypes?: VirtualizationType[];
  BareMetal?: boolean;
  Hypervisor?: 'nitro' | 'xen';
  ProcessorInfo?: { SupportedArchitectures?: ArchitectureValues[]; SustainedClockSpeedInGhz?: number; Manufacturer?: string };
  VCpuInfo?: { DefaultVCpus?: number; DefaultCores?: number; DefaultThreadsPerCore?: number };
  MemoryInfo?: { SizeInMiB?: number };
  InstanceStorageSupported?: boolean;
  EbsInfo?: {
    EbsOptimizedSupport?: 'default' | 'supported' | 'unsupported';
    EncryptionSupport?: 'supported' | 'unsupported';
    NvmeSupport?: 'required' | 'supported' | 'unsupported';
  };
  NetworkInfo?: {
    NetworkPerformance?: string;
    MaximumNetworkInterfaces?: number;
    Ipv4AddressesPerInterface?: number;
    Ipv6Supported?: boolean;
    EnaSupport?: 'required' | 'supported' | 'unsupported';
  };
  BurstablePerformanceSupported?: boolean;
  HibernationSupported?: boolean;
  DedicatedHostsSupported?: boolean;
  AutoRecoverySupported?: boolean;
  SupportedBootModes?: ('legacy-bios' | 'uefi')[];
}
export interface KeyPairInfo {
  KeyPairId?: string;
  KeyType?: 'ed25519' | 'rsa';
  Tags?: Tag[];
  PublicKey?: string;
  CreateTime?: Date;
  KeyName?: string;
  KeyFingerprint?: string;
}
export interface IpRange {
  Description?: string;
  CidrIp?: string;
}
export interface IpPermission {
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  IpRanges?: IpRange[];
  Ipv6Ranges?: { Description?: string; CidrIpv6?: string }[];
  PrefixListIds?: { Description?: string; PrefixListId?: string }[];
  UserIdGroupPairs?: { Description?: string; UserId?: string; GroupName?: string; GroupId?: string; VpcId?: string }[];
}
export interface SecurityGroup {
  GroupId?: string;
  IpPermissionsEgress?: IpPermission[];
  Tags?: Tag[];
  VpcId?: string;
  SecurityGroupArn?: string;
  OwnerId?: string;
  GroupName?: string;
  Description?: string;
  IpPermissions?: IpPermission[];
}
export interface SecurityGroupRule {
  SecurityGroupRuleId?: string;
  GroupId?: string;
  GroupOwnerId?: string;
  IsEgress?: boolean;
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  CidrIpv4?: string;
  CidrIpv6?: string;
  PrefixListId?: string;
  ReferencedGroupInfo?: ReferencedSecurityGroup;
  Description?: string;
  Tags?: Tag[];
  SecurityGroupRuleArn?: string;
}
export interface ReferencedSecurityGroup {
  GroupId?: string;
  PeeringStatus?: string;
  UserId?: string;
  VpcId?: string;
  VpcPeeringConnectionId?: string;
}
export interface Vpc {
  OwnerId?: string;
  InstanceTenancy?: 'default' | 'dedicated' | 'host';
  IsDefault?: boolean;
  Tags?: Tag[];
  VpcId?: string;
  State?: 'available' | 'pending' | 'deleting';
  CidrBlock?: string;
  DhcpOptionsId?: string;
}
export interface Subnet {
  AvailabilityZoneId?: string;
  MapPublicIpOnLaunch?: boolean;
  DefaultForAz?: boolean;
  OwnerId?: string;
  Tags?: Tag[];
  SubnetArn?: string;
  SubnetId?: string;
  State?: 'available' | 'pending' | 'failed' | 'failed-insufficient-capacity' | 'unavailable';
  VpcId?: string;
  CidrBlock?: string;
  AvailableIpAddressCount?: number;
  AvailabilityZone?: string;
}
export interface Region {
  OptInStatus?: string;
  RegionName?: string;
  Endpoint?: string;
}
export interface AvailabilityZone {
  OptInStatus?: 'not-opted-in' | 'opt-in-not-required' | 'opted-in';
  GroupName?: string;
  NetworkBorderGroup?: string;
  ZoneType?: string;
  ZoneName?: string;
  ZoneId?: string;
  State?: 'available' | 'constrained' | 'impaired' | 'information' | 'unavailable';
  RegionName?: string;
  Messages?: { Message?: string }[];
}
export interface Snapshot {
  OwnerAlias?: string;
  StorageTier?: 'archive' | 'standard';
  Tags?: Tag[];
  SnapshotId?: string;
  VolumeId?: string;
  State?: 'completed' | 'error' | 'pending' | 'recoverable' | 'recovering';
  StartTime?: Date;
  Progress?: string;
  OwnerId?: string;
  Description?: string;
  VolumeSize?: number;
  Encrypted?: boolean;
}
export interface VolumeAttachment {
  DeleteOnTermination?: boolean;
  VolumeId?: string;
  InstanceId?: string;
  Device?: string;
  State?: 'attached' | 'attaching' | 'busy' | 'detached' | 'detaching';
  AttachTime?: Date;
}
export interface Volume {
  Iops?: number;
  Tags?: Tag[];
  VolumeType?: VolumeType;
  Throughput?: number;
  VolumeId?: string;
  Size?: number;
  SnapshotId?: string;
  AvailabilityZone?: string;
  State?: 'available' | 'creating' | 'deleted' | 'deleting' | 'error' | 'in-use';
  CreateTime?: Date;
  Attachments?: VolumeAttachment[];
  Encrypted?: boolean;
  MultiAttachEnabled?: boolean;
}

// ---- requests -------------------------------------------------------------------------------------

export interface RunInstancesRequest {
  ImageId?: string;
  InstanceType?: string;
  MinCount: number | undefined;
  MaxCount: number | undefined;
  KeyName?: string;
  SecurityGroupIds?: string[];
  SecurityGroups?: string[];
  SubnetId?: string;
  BlockDeviceMappings?: BlockDeviceMapping[];
  TagSpecifications?: TagSpecification[];
  UserData?: string;
  Placement?: Placement;
  ClientToken?: string;
  DryRun?: boolean;
  Monitoring?: { Enabled: boolean | undefined };
  EbsOptimized?: boolean;
  PrivateIpAddress?: string;
  /** Launch from a launch template (version: a number, `$Latest` or `$Default`, default `$Default`). */
  LaunchTemplate?: LaunchTemplateSpecification;
}
export interface DescribeInstancesRequest {
  InstanceIds?: string[];
  Filters?: Filter[];
  DryRun?: boolean;
  MaxResults?: number;
  NextToken?: string;
}
export interface InstanceIdsRequest {
  InstanceIds: string[] | undefined;
  DryRun?: boolean;
}
export interface StopInstancesRequest extends InstanceIdsRequest {
  Force?: boolean;
  Hibernate?: boolean;
}
export interface StartInstancesRequest extends InstanceIdsRequest {
  AdditionalInfo?: string;
}
export interface CreateImageRequest {
  InstanceId: string | undefined;
  Name: string | undefined;
  Description?: string;
  NoReboot?: boolean;
  BlockDeviceMappings?: BlockDeviceMapping[];
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}
export interface DescribeImagesRequest {
  ImageIds?: string[];
  Owners?: string[];
  ExecutableUsers?: string[];
  Filters?: Filter[];
  IncludeDeprecated?: boolean;
  IncludeDisabled?: boolean;
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}
export interface DeregisterImageRequest {
  ImageId: string | undefined;
  DeleteAssociatedSnapshots?: boolean;
  DryRun?: boolean;
}
export interface CopyImageRequest {
  SourceImageId: string | undefined;
  SourceRegion: string | undefined;
  Name: string | undefined;
  Description?: string;
  ClientToken?: string;
  Encrypted?: boolean;
  CopyImageTags?: boolean;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}
export interface CreateTagsRequest {
  Resources: string[] | undefined;
  Tags: Tag[] | undefined;
  DryRun?: boolean;
}
export interface DeleteTagsRequest {
  Resources: string[] | undefined;
  Tags?: Tag[];
  DryRun?: boolean;
}
export interface DescribeInstanceTypesRequest {
  InstanceTypes?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}
export interface DescribeInstanceAttributeRequest {
  InstanceId: string | undefined;
  Attribute: string | undefined;
  DryRun?: boolean;
}
export interface GetConsoleOutputRequest {
  InstanceId: string | undefined;
  Latest?: boolean;
  DryRun?: boolean;
}
export interface DescribeKeyPairsRequest {
  KeyNames?: string[];
  KeyPairIds?: string[];
  Filters?: Filter[];
  IncludePublicKey?: boolean;
  DryRun?: boolean;
}
export interface CreateKeyPairRequest {
  KeyName: string | undefined;
  KeyType?: 'ed25519' | 'rsa';
  KeyFormat?: 'pem' | 'ppk';
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}
export interface DeleteKeyPairRequest {
  KeyName?: string;
  KeyPairId?: string;
  DryRun?: boolean;
}
export interface DescribeSecurityGroupsRequest {
  GroupIds?: string[];
  GroupNames?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}
export interface CreateSecurityGroupRequest {
  GroupName: string | undefined;
  Description: string | undefined;
  VpcId?: string;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}
export interface AuthorizeSecurityGroupIngressRequest {
  GroupId?: string;
  GroupName?: string;
  IpPermissions?: IpPermission[];
  CidrIp?: string;
  FromPort?: number;
  ToPort?: number;
  IpProtocol?: string;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}
export interface DescribeVpcsRequest {
  VpcIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}
export interface DescribeSubnetsRequest {
  SubnetIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}
export interface DescribeRegionsRequest {
  RegionNames?: string[];
  Filters?: Filter[];
  AllRegions?: boolean;
  DryRun?: boolean;
}
export interface DescribeAvailabilityZonesRequest {
  ZoneNames?: string[];
  ZoneIds?: string[];
  Filters?: Filter[];
  AllAvailabilityZones?: boolean;
  DryRun?: boolean;
}
export interface DescribeSnapshotsRequest {
  SnapshotIds?: string[];
  OwnerIds?: string[];
  RestorableByUserIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}
export interface DescribeVolumesRequest {
  VolumeIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

// ---- requests after launch, tags and snapshots (issue 13) ---------------------------------------------

export interface ModifyInstanceAttributeRequest {
  InstanceId?: string;
  /** The older form: `Attribute: 'instanceType'` with `Value`; the SDK's own form is `InstanceType: { Value }`. */
  Attribute?: string;
  Value?: string;
  InstanceType?: { Value?: string };
  /** The SDK passes raw bytes (and base64-encodes them on the wire); a string here is taken as base64 text. */
  UserData?: { Value?: Uint8Array | string };
  DryRun?: boolean;
}
export interface DescribeInstanceStatusRequest {
  InstanceIds?: string[];
  Filters?: Filter[];
  IncludeAllInstances?: boolean;
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}
export interface DescribeTagsRequest {
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}
export interface DeleteSnapshotRequest {
  SnapshotId?: string;
  DryRun?: boolean;
}

// ---- launch templates (issue 13, spec 14) ---------------------------------------------------------

export interface LaunchTemplateSpecification {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  Version?: string;
}
/** The launch parameters a template version holds (a subset of the SDK's Request/ResponseLaunchTemplateData). */
export interface LaunchTemplateData {
  ImageId?: string;
  InstanceType?: string;
  KeyName?: string;
  SecurityGroupIds?: string[];
  SecurityGroups?: string[];
  /** Base64, as in RunInstances. */
  UserData?: string;
  TagSpecifications?: TagSpecification[];
  BlockDeviceMappings?: BlockDeviceMapping[];
  Placement?: { AvailabilityZone?: string };
  Monitoring?: { Enabled?: boolean };
  EbsOptimized?: boolean;
}
export interface CreateLaunchTemplateRequest {
  LaunchTemplateName?: string;
  LaunchTemplateData?: LaunchTemplateData;
  VersionDescription?: string;
  TagSpecifications?: TagSpecification[];
  ClientToken?: string;
  DryRun?: boolean;
}
export interface CreateLaunchTemplateVersionRequest {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  SourceVersion?: string;
  VersionDescription?: string;
  LaunchTemplateData?: LaunchTemplateData;
  ClientToken?: string;
  ResolveAlias?: boolean;
  DryRun?: boolean;
}
export interface ModifyLaunchTemplateRequest {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  DefaultVersion?: string;
  ClientToken?: string;
  DryRun?: boolean;
}
export interface DescribeLaunchTemplatesRequest {
  LaunchTemplateIds?: string[];
  LaunchTemplateNames?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}
export interface DescribeLaunchTemplateVersionsRequest {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  Versions?: string[];
  MinVersion?: string;
  MaxVersion?: string;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  ResolveAlias?: boolean;
  DryRun?: boolean;
}
export interface DeleteLaunchTemplateRequest {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  DryRun?: boolean;
}

// ---- image sharing (issue 13, spec 15) ------------------------------------------------------------

export interface LaunchPermission {
  UserId?: string;
  Group?: 'all';
}
export interface ModifyImageAttributeRequest {
  ImageId?: string;
  Attribute?: string;
  LaunchPermission?: { Add?: LaunchPermission[]; Remove?: LaunchPermission[] };
  OperationType?: 'add' | 'remove';
  UserIds?: string[];
  UserGroups?: string[];
  Description?: { Value?: string };
  Value?: string;
  DryRun?: boolean;
}
export interface DescribeImageAttributeRequest {
  ImageId?: string;
  Attribute?: string;
  DryRun?: boolean;
}
export interface ResetImageAttributeRequest {
  ImageId?: string;
  Attribute?: 'launchPermission';
  DryRun?: boolean;
}

// ---- results --------------------------------------------------------------------------------------

export interface RunInstancesResult extends Reservation, MetadataBearer {}
export interface DescribeInstancesResult extends MetadataBearer {
  Reservations?: Reservation[];
  NextToken?: string;
}
export interface StartInstancesResult extends MetadataBearer {
  StartingInstances?: InstanceStateChange[];
}
export interface StopInstancesResult extends MetadataBearer {
  StoppingInstances?: InstanceStateChange[];
}
export interface TerminateInstancesResult extends MetadataBearer {
  TerminatingInstances?: InstanceStateChange[];
}
export interface EmptyResult extends MetadataBearer {}
export interface CreateImageResult extends MetadataBearer {
  ImageId?: string;
}
export interface DescribeImagesResult extends MetadataBearer {
  Images?: Image[];
  NextToken?: string;
}
export interface DeregisterImageResult extends MetadataBearer {
  Return?: boolean;
}
export interface CopyImageResult extends MetadataBearer {
  ImageId?: string;
}
export interface DescribeInstanceTypesResult extends MetadataBearer {
  InstanceTypes?: InstanceTypeInfo[];
  NextToken?: string;
}
export interface DescribeInstanceAttributeResult extends MetadataBearer {
  InstanceId?: string;
  InstanceType?: { Value?: string };
  UserData?: { Value?: string };
  KernelId?: { Value?: string };
  RamdiskId?: { Value?: string };
  RootDeviceName?: { Value?: string };
  DisableApiTermination?: { Value?: boolean };
  InstanceInitiatedShutdownBehavior?: { Value?: string };
  Groups?: GroupIdentifier[];
  BlockDeviceMappings?: InstanceBlockDeviceMapping[];
  ProductCodes?: ProductCode[];
}
export interface GetConsoleOutputResult extends MetadataBearer {
  InstanceId?: string;
  /** The console text, base64-encoded (the SDK does not decode it). */
  Output?: string;
  Timestamp?: Date;
}
export interface DescribeKeyPairsResult extends MetadataBearer {
  KeyPairs?: KeyPairInfo[];
}
export interface CreateKeyPairResult extends MetadataBearer {
  KeyFingerprint?: string;
  KeyMaterial?: string;
  KeyName?: string;
  KeyPairId?: string;
  Tags?: Tag[];
}
export interface DeleteKeyPairResult extends MetadataBearer {
  Return?: boolean;
  KeyPairId?: string;
}
export interface DescribeSecurityGroupsResult extends MetadataBearer {
  SecurityGroups?: SecurityGroup[];
  NextToken?: string;
}
export interface CreateSecurityGroupResult extends MetadataBearer {
  GroupId?: string;
  Tags?: Tag[];
  SecurityGroupArn?: string;
}
export interface AuthorizeSecurityGroupIngressResult extends MetadataBearer {
  Return?: boolean;
  SecurityGroupRules?: SecurityGroupRule[];
}
export interface DescribeVpcsResult extends MetadataBearer {
  Vpcs?: Vpc[];
  NextToken?: string;
}
export interface DescribeSubnetsResult extends MetadataBearer {
  Subnets?: Subnet[];
  NextToken?: string;
}
export interface DescribeRegionsResult extends MetadataBearer {
  Regions?: Region[];
}
export interface DescribeAvailabilityZonesResult extends MetadataBearer {
  AvailabilityZones?: AvailabilityZone[];
}
export interface DescribeSnapshotsResult extends MetadataBearer {
  Snapshots?: Snapshot[];
  NextToken?: string;
}
export interface DescribeVolumesResult extends MetadataBearer {
  Volumes?: Volume[];
  NextToken?: string;
}

// ---- the network: VPCs, subnets, security groups and their rules (issue 18) ----------------------------
export interface CreateVpcRequest {
  CidrBlock?: string;
  InstanceTenancy?: 'default' | 'dedicated' | 'host';
  AmazonProvidedIpv6CidrBlock?: boolean;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}
export interface CreateVpcResult extends MetadataBearer {
  Vpc?: Vpc;
}
export interface DeleteVpcRequest {
  VpcId: string | undefined;
  DryRun?: boolean;
}
export interface CreateSubnetRequest {
  VpcId: string | undefined;
  CidrBlock?: string;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}
export interface CreateSubnetResult extends MetadataBearer {
  Subnet?: Subnet;
}
export interface DeleteSubnetRequest {
  SubnetId: string | undefined;
  DryRun?: boolean;
}
export interface AttributeBooleanValue {
  Value?: boolean;
}
export interface ModifySubnetAttributeRequest {
  SubnetId: string | undefined;
  MapPublicIpOnLaunch?: AttributeBooleanValue;
}
export interface DeleteSecurityGroupRequest {
  GroupId?: string;
  GroupName?: string;
  DryRun?: boolean;
}
export interface DeleteSecurityGroupResult extends MetadataBearer {
  Return?: boolean;
  GroupId?: string;
}
/** The ingress request for a group named by ID only (an egress rule needs a VPC group's ID, no GroupName). */
type EgressForm<R> = Omit<R, 'GroupId' | 'GroupName'> & { GroupId: string | undefined };
export type AuthorizeSecurityGroupEgressRequest = EgressForm<AuthorizeSecurityGroupIngressRequest>;
export interface AuthorizeSecurityGroupEgressResult extends AuthorizeSecurityGroupIngressResult {}
/** Revoking takes the rules' values (as Authorize, without tags) or their IDs. */
export interface RevokeSecurityGroupIngressRequest extends Omit<AuthorizeSecurityGroupIngressRequest, 'TagSpecifications'> {
  SecurityGroupRuleIds?: string[];
}
export type RevokeSecurityGroupEgressRequest = EgressForm<RevokeSecurityGroupIngressRequest>;
export interface RevokedSecurityGroupRule {
  SecurityGroupRuleId?: string;
  GroupId?: string;
  IsEgress?: boolean;
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  CidrIpv4?: string;
  CidrIpv6?: string;
  PrefixListId?: string;
  ReferencedGroupId?: string;
  Description?: string;
}
export interface RevokeSecurityGroupIngressResult extends MetadataBearer {
  Return?: boolean;
  UnknownIpPermissions?: IpPermission[];
  RevokedSecurityGroupRules?: RevokedSecurityGroupRule[];
}
export interface RevokeSecurityGroupEgressResult extends RevokeSecurityGroupIngressResult {}
export interface DescribeSecurityGroupRulesRequest {
  SecurityGroupRuleIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}
export interface DescribeSecurityGroupRulesResult extends MetadataBearer {
  SecurityGroupRules?: SecurityGroupRule[];
  NextToken?: string;
}
export interface SecurityGroupRuleRequest {
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  CidrIpv4?: string;
  CidrIpv6?: string;
  PrefixListId?: string;
  ReferencedGroupId?: string;
  Description?: string;
}
export interface SecurityGroupRuleUpdate {
  SecurityGroupRuleId: string | undefined;
  SecurityGroupRule?: SecurityGroupRuleRequest;
}
export interface ModifySecurityGroupRulesRequest {
  GroupId: string | undefined;
  SecurityGroupRules: SecurityGroupRuleUpdate[] | undefined;
  DryRun?: boolean;
}
export interface ModifySecurityGroupRulesResult extends MetadataBearer {
  Return?: boolean;
}

// ---- results after launch, tags and snapshots (issue 13) ----------------------------------------------

export type SummaryStatus = 'impaired' | 'initializing' | 'insufficient-data' | 'not-applicable' | 'ok';
export type StatusType = 'failed' | 'initializing' | 'insufficient-data' | 'passed';
export interface InstanceStatusSummary {
  Details?: { ImpairedSince?: Date; Name?: 'reachability'; Status?: StatusType }[];
  Status?: SummaryStatus;
}
export interface InstanceStatus {
  AvailabilityZone?: string;
  InstanceId?: string;
  InstanceState?: InstanceState;
  InstanceStatus?: InstanceStatusSummary;
  SystemStatus?: InstanceStatusSummary;
}
export interface DescribeInstanceStatusResult extends MetadataBearer {
  InstanceStatuses?: InstanceStatus[];
  NextToken?: string;
}
/** The resource types whose tags the model keeps (all names of the SDK's ResourceType union). */
export type TaggedResourceType = 'instance' | 'image' | 'snapshot' | 'volume' | 'key-pair' | 'security-group' | 'subnet' | 'vpc' | 'launch-template';
export interface TagDescription {
  Key?: string;
  ResourceId?: string;
  /** One of TaggedResourceType from the model; `string` so that real SDK answers (any type) fit too. */
  ResourceType?: string;
  Value?: string;
}
export interface DescribeTagsResult extends MetadataBearer {
  Tags?: TagDescription[];
  NextToken?: string;
}

// ---- launch template results (issue 13, spec 14) -------------------------------------------------------

export interface LaunchTemplate {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  CreateTime?: Date;
  CreatedBy?: string;
  DefaultVersionNumber?: number;
  LatestVersionNumber?: number;
  Tags?: Tag[];
}
export interface LaunchTemplateVersion {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  VersionNumber?: number;
  VersionDescription?: string;
  CreateTime?: Date;
  CreatedBy?: string;
  DefaultVersion?: boolean;
  LaunchTemplateData?: LaunchTemplateData;
}
export interface CreateLaunchTemplateResult extends MetadataBearer {
  LaunchTemplate?: LaunchTemplate;
}
export interface CreateLaunchTemplateVersionResult extends MetadataBearer {
  LaunchTemplateVersion?: LaunchTemplateVersion;
}
export interface ModifyLaunchTemplateResult extends MetadataBearer {
  LaunchTemplate?: LaunchTemplate;
}
export interface DescribeLaunchTemplatesResult extends MetadataBearer {
  LaunchTemplates?: LaunchTemplate[];
  NextToken?: string;
}
export interface DescribeLaunchTemplateVersionsResult extends MetadataBearer {
  LaunchTemplateVersions?: LaunchTemplateVersion[];
  NextToken?: string;
}
export interface DeleteLaunchTemplateResult extends MetadataBearer {
  LaunchTemplate?: LaunchTemplate;
}

// ---- image sharing results (issue 13, spec 15) ---------------------------------------------------------

export interface DescribeImageAttributeResult extends MetadataBearer {
  ImageId?: string;
  LaunchPermissions?: LaunchPermission[];
  Description?: { Value?: string };
}
