import type { Ec2Api } from 'mini-ec2';

/** What an AMI fixes before any instance exists. */
export interface AmiReport {
  architecture: string; // 'x86_64' or 'arm64'
  platform: 'linux' | 'windows'; // the operating system family that comes inside the image
  rootDeviceName: string; // e.g. '/dev/xvda': the device the instance boots from
  rootVolumeGiB: number; // size of the root volume the image maps to that device
  rootVolumeType: string; // e.g. 'gp3'
  compatibleType: string; // the first of `candidateTypes` that can run this image
}

/**
 * Read the AMI `imageId` and report what it holds, plus the first instance type of `candidateTypes`
 * whose processor supports the image's architecture. Let EC2's errors (an unknown image...) reach the caller.
 */
export async function inspectAmi(ec2: Ec2Api, imageId: string, candidateTypes: string[]): Promise<AmiReport> {
  // 1. const { Images } = await ec2.describeImages({ ImageIds: [imageId] })
  // 2. The root volume is the block device mapping whose DeviceName equals the image's RootDeviceName.
  // 3. await ec2.describeInstanceTypes({ InstanceTypes: candidateTypes }) tells which architectures each type supports.
  void ec2;
  void imageId;
  return { architecture: '', platform: 'linux', rootDeviceName: '', rootVolumeGiB: 0, rootVolumeType: '', compatibleType: candidateTypes[0] ?? '' };
}
