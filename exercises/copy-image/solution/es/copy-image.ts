import { type Ec2Api, waitUntilImageAvailable, waitUntilInstanceRunning } from 'mini-ec2';

/** Dónde está la imagen hoy: su región y su ID allí. */
export interface SourceImage {
  region: string; // por ejemplo, 'us-east-1'
  imageId: string; // el ID de la imagen en esa región
}

export interface Copied {
  imageId: string; // el ID de la copia, en la región del cliente
  instanceId: string; // el servidor lanzado desde la copia
}

/**
 * `ec2` trabaja en la región donde el equipo quiere servir (el destino). Lleva la imagen allí y
 * lanza un servidor web `t3.micro` desde ella. Devuelve el ID de la copia y el ID de la nueva instancia.
 *
 * - CopyImage se llama en la región de destino, indicando la región y la imagen de origen; dale a la copia el nombre `name`.
 * - La copia es una nueva AMI con su propio ID, `pending` al principio: espera a que esté en `available`.
 * - El ID de la imagen de origen no significa nada en la región de destino.
 */
export async function copyToRegion(ec2: Ec2Api, source: SourceImage, name: string): Promise<Copied> {
  const { ImageId } = await ec2.copyImage({ SourceRegion: source.region, SourceImageId: source.imageId, Name: name });
  await waitUntilImageAvailable({ client: ec2, maxWaitTime: 1800 }, { ImageIds: [ImageId!] });

  const launched = await ec2.runInstances({ ImageId: ImageId!, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 });
  const instanceId = launched.Instances![0].InstanceId!;
  await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 600 }, { InstanceIds: [instanceId] });
  return { imageId: ImageId!, instanceId };
}
