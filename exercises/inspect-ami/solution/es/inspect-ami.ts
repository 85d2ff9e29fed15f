import type { Ec2Api } from 'mini-ec2';

/** Lo que una AMI fija antes de que exista ninguna instancia. */
export interface AmiReport {
  architecture: string; // 'x86_64' o 'arm64'
  platform: 'linux' | 'windows'; // la familia del sistema operativo que viene dentro de la imagen
  rootDeviceName: string; // por ejemplo, '/dev/xvda': el dispositivo desde el que arranca la instancia
  rootVolumeGiB: number; // tamaño del volumen raíz que la imagen asigna a ese dispositivo
  rootVolumeType: string; // por ejemplo, 'gp3'
  compatibleType: string; // el primero de `candidateTypes` capaz de ejecutar esta imagen
}

/**
 * Lee la AMI `imageId` e informa lo que contiene, más el primer tipo de instancia de `candidateTypes`
 * cuyo procesador admite la arquitectura de la imagen. Deja que los errores de EC2 (una imagen desconocida...) lleguen a quien llamó.
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
