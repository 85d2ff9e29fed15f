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
  const { Images = [] } = await ec2.describeImages({ ImageIds: [imageId] });
  const image = Images[0];
  const root = (image.BlockDeviceMappings ?? []).find((m) => m.DeviceName === image.RootDeviceName);

  const { InstanceTypes = [] } = await ec2.describeInstanceTypes({ InstanceTypes: candidateTypes });
  const supports = (name: string) =>
    InstanceTypes.find((t) => t.InstanceType === name)?.ProcessorInfo?.SupportedArchitectures?.includes(image.Architecture!) ?? false;
  const compatibleType = candidateTypes.find(supports);
  if (!compatibleType) throw new Error(`none of ${candidateTypes.join(', ')} can run a ${image.Architecture} image`);

  return {
    architecture: image.Architecture!,
    platform: image.Platform === 'windows' ? 'windows' : 'linux',
    rootDeviceName: image.RootDeviceName!,
    rootVolumeGiB: root?.Ebs?.VolumeSize ?? 0,
    rootVolumeType: root?.Ebs?.VolumeType ?? '',
    compatibleType,
  };
}
