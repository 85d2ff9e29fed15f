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
  // 1. Security group ID: ec2.describeSecurityGroups({ Filters: [{ Name: 'group-name', Values: [...] }] })
  // 2. Subnet ID: ec2.describeSubnets({ Filters: [{ Name: 'availability-zone', Values: [...] }, { Name: 'default-for-az', Values: ['true'] }] })
  // 3. Root device: ec2.describeImages({ ImageIds: [...] }) -> RootDeviceName
  // 4. Return { ImageId, InstanceType, MinCount: 1, MaxCount: 1, KeyName, SecurityGroupIds, SubnetId, BlockDeviceMappings }
  void ec2;
  void spec;
  return { MinCount: 1, MaxCount: 1 };
}
