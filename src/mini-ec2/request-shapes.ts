/**
 * The input checkers of every API request, one entry per Ec2Api method, kept in step with the request
 * types of sdk-shapes.ts by the type checker: `satisfies` below fails `npm run typecheck` when a request
 * type has a field without a checker (or a checker of the wrong type), and `ExtraFields` when a checker
 * has no field in the request type. (The wire schema is checked against the same types in
 * protocol/request-fields.ts.)
 */
import type { Ec2Api } from './api.ts';
import {
  blockDeviceMappings,
  bool,
  filters,
  int,
  list,
  obj,
  oneOf,
  stringList,
  str,
  bytesOrBase64,
  tags,
  tagSpecifications,
  type Checker,
} from './input-parser.ts';

/** The request type of an Ec2Api method. */
export type RequestOf<M extends keyof Ec2Api> = NonNullable<Parameters<Ec2Api[M]>[0]>;

/** A field's type as the checkers return it: nested fields optional (required ones are checked by the client). */
type AsParsed<T> = T extends Uint8Array ? T : T extends readonly (infer U)[] ? AsParsed<U>[] : T extends object ? { [K in keyof T]?: AsParsed<T[K]> } : T;

/** One checker per field of a request, each returning that field's type. */
export type CheckersFor<R> = { [K in keyof Required<R>]: Checker<AsParsed<NonNullable<R[K]>>> };

/** Every request's DryRun. */
export const common = { DryRun: bool };
const page = { MaxResults: int(0, 100_000), NextToken: str(1024) };
const instanceIds = { ...common, InstanceIds: stringList };
const launchPermissions = list(obj({ UserId: str(64), Group: oneOf(['all'] as const) }), 1000);
const launchTemplateRef = { LaunchTemplateId: str(1024), LaunchTemplateName: str(1024) };
/** What a launch template version may hold: RunInstances' launch parameters (resources/launch-templates.ts). */
const launchTemplateData = obj({
  ImageId: str(1024),
  InstanceType: str(64),
  KeyName: str(1024),
  SecurityGroupIds: stringList,
  SecurityGroups: stringList,
  UserData: str(64 * 1024),
  TagSpecifications: tagSpecifications,
  BlockDeviceMappings: blockDeviceMappings,
  Placement: obj({ AvailabilityZone: str(64) }),
  Monitoring: obj({ Enabled: bool }),
  EbsOptimized: bool,
});

/** Security group rules as IpPermissions (Authorize and Revoke, ingress and egress). */
const ipPermissions = list(
  obj({
    IpProtocol: str(64),
    FromPort: int(-1, 65535),
    ToPort: int(-1, 65535),
    IpRanges: list(obj({ CidrIp: str(64), Description: str(255) })),
    Ipv6Ranges: list(obj({ CidrIpv6: str(64), Description: str(255) })),
    PrefixListIds: list(obj({ PrefixListId: str(64), Description: str(255) })),
    UserIdGroupPairs: list(obj({ GroupId: str(64), GroupName: str(255), UserId: str(64), VpcId: str(64), Description: str(255) })),
  }),
  100,
);
/** The older flat form of one rule (`--protocol tcp --port 22 --cidr ...` in the AWS CLI). */
const flatRule = { CidrIp: str(64), FromPort: int(-1, 65535), ToPort: int(-1, 65535), IpProtocol: str(64) };
/** What every Authorize/Revoke request holds; ingress adds GroupName (a default-VPC group by name). */
const egressRule = { ...common, ...flatRule, GroupId: str(1024), IpPermissions: ipPermissions };

/** @internal The checkers of each request (the editor types leave them out: learners never call them). */
export const SHAPES = {
  runInstances: {
    ...common,
    ImageId: str(1024),
    InstanceType: str(64),
    MinCount: int(),
    MaxCount: int(),
    KeyName: str(1024),
    SecurityGroupIds: stringList,
    SecurityGroups: stringList,
    SubnetId: str(1024),
    BlockDeviceMappings: blockDeviceMappings,
    TagSpecifications: tagSpecifications,
    UserData: str(64 * 1024),
    Placement: obj({ AvailabilityZone: str(64), GroupName: str(255), Tenancy: oneOf(['default', 'dedicated', 'host'] as const) }),
    ClientToken: str(1024),
    Monitoring: obj({ Enabled: bool }),
    EbsOptimized: bool,
    PrivateIpAddress: str(64),
    LaunchTemplate: obj({ ...launchTemplateRef, Version: str(64) }),
  },
  describeInstances: { ...common, ...page, InstanceIds: stringList, Filters: filters },
  rebootInstances: instanceIds,
  terminateInstances: instanceIds,
  stopInstances: { ...common, InstanceIds: stringList, Force: bool, Hibernate: bool },
  startInstances: { ...common, InstanceIds: stringList, AdditionalInfo: str(1024) },
  createImage: {
    ...common,
    InstanceId: str(1024),
    Name: str(1024),
    Description: str(4096),
    NoReboot: bool,
    BlockDeviceMappings: blockDeviceMappings,
    TagSpecifications: tagSpecifications,
  },
  describeImages: {
    ...common,
    ...page,
    ImageIds: stringList,
    Owners: stringList,
    ExecutableUsers: stringList,
    Filters: filters,
    IncludeDeprecated: bool,
    IncludeDisabled: bool,
  },
  deregisterImage: { ...common, ImageId: str(1024), DeleteAssociatedSnapshots: bool },
  copyImage: {
    ...common,
    SourceImageId: str(1024),
    SourceRegion: str(64),
    Name: str(1024),
    Description: str(4096),
    ClientToken: str(1024),
    Encrypted: bool,
    CopyImageTags: bool,
    TagSpecifications: tagSpecifications,
  },
  createTags: { ...common, Resources: stringList, Tags: tags },
  deleteTags: { ...common, Resources: stringList, Tags: tags },
  describeInstanceTypes: { ...common, ...page, InstanceTypes: stringList, Filters: filters },
  describeInstanceAttribute: { ...common, InstanceId: str(1024), Attribute: str(64) },
  getConsoleOutput: { ...common, InstanceId: str(1024), Latest: bool },
  describeKeyPairs: { ...common, KeyNames: stringList, KeyPairIds: stringList, Filters: filters, IncludePublicKey: bool },
  createKeyPair: {
    ...common,
    KeyName: str(1024),
    KeyType: oneOf(['rsa', 'ed25519'] as const),
    KeyFormat: oneOf(['pem', 'ppk'] as const),
    TagSpecifications: tagSpecifications,
  },
  deleteKeyPair: { ...common, KeyName: str(1024), KeyPairId: str(1024) },
  describeSecurityGroups: { ...common, ...page, GroupIds: stringList, GroupNames: stringList, Filters: filters },
  createSecurityGroup: { ...common, GroupName: str(1024), Description: str(1024), VpcId: str(1024), TagSpecifications: tagSpecifications },
  authorizeSecurityGroupIngress: { ...egressRule, GroupName: str(1024), TagSpecifications: tagSpecifications },
  describeVpcs: { ...common, ...page, VpcIds: stringList, Filters: filters },
  describeSubnets: { ...common, ...page, SubnetIds: stringList, Filters: filters },
  describeRegions: { ...common, RegionNames: stringList, Filters: filters, AllRegions: bool },
  describeAvailabilityZones: { ...common, ZoneNames: stringList, ZoneIds: stringList, Filters: filters, AllAvailabilityZones: bool },
  describeSnapshots: { ...common, ...page, SnapshotIds: stringList, OwnerIds: stringList, RestorableByUserIds: stringList, Filters: filters },
  describeVolumes: { ...common, ...page, VolumeIds: stringList, Filters: filters },
  createVpc: {
    ...common,
    CidrBlock: str(64),
    InstanceTenancy: oneOf(['default', 'dedicated', 'host'] as const),
    AmazonProvidedIpv6CidrBlock: bool,
    TagSpecifications: tagSpecifications,
  },
  deleteVpc: { ...common, VpcId: str(1024) },
  createSubnet: { ...common, VpcId: str(1024), CidrBlock: str(64), AvailabilityZone: str(64), AvailabilityZoneId: str(64), TagSpecifications: tagSpecifications },
  deleteSubnet: { ...common, SubnetId: str(1024) },
  modifySubnetAttribute: { SubnetId: str(1024), MapPublicIpOnLaunch: obj({ Value: bool }) },
  deleteSecurityGroup: { ...common, GroupId: str(1024), GroupName: str(1024) },
  authorizeSecurityGroupEgress: { ...egressRule, TagSpecifications: tagSpecifications },
  revokeSecurityGroupIngress: { ...egressRule, GroupName: str(1024), SecurityGroupRuleIds: stringList },
  revokeSecurityGroupEgress: { ...egressRule, SecurityGroupRuleIds: stringList },
  describeSecurityGroupRules: { ...common, ...page, SecurityGroupRuleIds: stringList, Filters: filters },
  modifySecurityGroupRules: {
    ...common,
    GroupId: str(1024),
    SecurityGroupRules: list(
      obj({
        SecurityGroupRuleId: str(1024),
        SecurityGroupRule: obj({
          IpProtocol: str(64),
          FromPort: int(-1, 65535),
          ToPort: int(-1, 65535),
          CidrIpv4: str(64),
          CidrIpv6: str(64),
          PrefixListId: str(64),
          ReferencedGroupId: str(64),
          Description: str(255),
        }),
      }),
      1000,
    ),
  },
  // after launch, tags and snapshots (issue 13)
  modifyInstanceAttribute: {
    ...common,
    InstanceId: str(1024),
    Attribute: str(64),
    Value: str(1024),
    InstanceType: obj({ Value: str(64) }),
    UserData: obj({ Value: bytesOrBase64(64 * 1024) }),
  },
  describeInstanceStatus: { ...common, ...page, InstanceIds: stringList, Filters: filters, IncludeAllInstances: bool },
  describeTags: { ...common, ...page, Filters: filters },
  deleteSnapshot: { ...common, SnapshotId: str(1024) },
  // launch templates (issue 13)
  createLaunchTemplate: {
    ...common,
    LaunchTemplateName: str(1024),
    LaunchTemplateData: launchTemplateData,
    VersionDescription: str(1024),
    TagSpecifications: tagSpecifications,
    ClientToken: str(1024),
  },
  createLaunchTemplateVersion: {
    ...common,
    ...launchTemplateRef,
    SourceVersion: str(64),
    VersionDescription: str(1024),
    LaunchTemplateData: launchTemplateData,
    ClientToken: str(1024),
    ResolveAlias: bool,
  },
  modifyLaunchTemplate: { ...common, ...launchTemplateRef, DefaultVersion: str(64), ClientToken: str(1024) },
  describeLaunchTemplates: { ...common, ...page, LaunchTemplateIds: stringList, LaunchTemplateNames: stringList, Filters: filters },
  describeLaunchTemplateVersions: {
    ...common,
    ...page,
    ...launchTemplateRef,
    Versions: stringList,
    MinVersion: str(64),
    MaxVersion: str(64),
    Filters: filters,
    ResolveAlias: bool,
  },
  deleteLaunchTemplate: { ...common, ...launchTemplateRef },
  // image sharing (issue 13)
  modifyImageAttribute: {
    ...common,
    ImageId: str(1024),
    Attribute: str(64),
    LaunchPermission: obj({ Add: launchPermissions, Remove: launchPermissions }),
    OperationType: oneOf(['add', 'remove'] as const),
    UserIds: stringList,
    UserGroups: stringList,
    Description: obj({ Value: str(255) }),
    Value: str(1024),
  },
  describeImageAttribute: { ...common, ImageId: str(1024), Attribute: str(64) },
  resetImageAttribute: { ...common, ImageId: str(1024), Attribute: oneOf(['launchPermission'] as const) },
} satisfies { [M in keyof Ec2Api]: CheckersFor<RequestOf<M>> };

// The other direction: a checker for a field the request type lacks fails here, naming the method and field.
type ExtraFields = { [M in keyof typeof SHAPES]: `${M}.${Exclude<keyof (typeof SHAPES)[M], keyof RequestOf<M> & string> & string}` }[keyof typeof SHAPES];
/** @internal */
const _shapesHaveNoExtraFields: [ExtraFields] extends [never] ? true : ExtraFields = true;
