import type { Ec2Api, RunInstancesRequest } from 'mini-ec2';

/** A server as the team describes it: some choices by name, the way people talk about them. */
export interface ServerSpec {
  imageId: string; // the AMI: the operating system comes with it
  instanceType: string; // hardware: vCPUs and memory
  keyName: string; // authentication: the key pair for SSH
  securityGroupName: string; // firewall rules, by NAME (the request needs the group's ID)
  availabilityZone: string; // network location, e.g. 'us-east-1b' (the request needs a subnet ID)
  rootVolumeGiB: number; // storage: size of the root volume, in GiB
}

/**
 * Build (do not send!) a complete RunInstances request for ONE instance matching the spec. Look up the
 * IDs EC2 needs: the security group's ID, the default subnet of the zone, and the image's root device name.
 */
export async function buildLaunchRequest(ec2: Ec2Api, spec: ServerSpec): Promise<RunInstancesRequest> {
  const groups = await ec2.describeSecurityGroups({ Filters: [{ Name: 'group-name', Values: [spec.securityGroupName] }] });
  const groupId = groups.SecurityGroups?.[0]?.GroupId;
  if (!groupId) throw new Error(`no security group named ${spec.securityGroupName}`);

  const subnets = await ec2.describeSubnets({
    Filters: [
      { Name: 'availability-zone', Values: [spec.availabilityZone] },
      { Name: 'default-for-az', Values: ['true'] },
    ],
  });
  const subnetId = subnets.Subnets?.[0]?.SubnetId;
  if (!subnetId) throw new Error(`no default subnet in ${spec.availabilityZone}`);

  const images = await ec2.describeImages({ ImageIds: [spec.imageId] });
  const rootDevice = images.Images?.[0]?.RootDeviceName;

  return {
    ImageId: spec.imageId,
    InstanceType: spec.instanceType,
    MinCount: 1,
    MaxCount: 1,
    KeyName: spec.keyName,
    SecurityGroupIds: [groupId],
    SubnetId: subnetId,
    BlockDeviceMappings: [
      { DeviceName: rootDevice, Ebs: { VolumeSize: spec.rootVolumeGiB, VolumeType: 'gp3', DeleteOnTermination: true } },
    ],
  };
}
