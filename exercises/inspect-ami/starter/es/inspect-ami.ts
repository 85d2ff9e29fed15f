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
  // 1. const { Images } = await ec2.describeImages({ ImageIds: [imageId] })
  // 2. El volumen raíz es la asignación de dispositivos de bloques cuyo DeviceName es igual al RootDeviceName de la imagen.
  // 3. await ec2.describeInstanceTypes({ InstanceTypes: candidateTypes }) dice qué arquitecturas admite cada tipo.
  void ec2;
  void imageId;
  return { architecture: '', platform: 'linux', rootDeviceName: '', rootVolumeGiB: 0, rootVolumeType: '', compatibleType: candidateTypes[0] ?? '' };
}
