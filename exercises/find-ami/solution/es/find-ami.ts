import type { Ec2Api } from 'mini-ec2';

/**
 * Devuelve el ID de la AMI de Amazon Linux 2023 más reciente (la edición estándar, cuyos nombres empiezan con
 * 'al2023-ami-2023') para la arquitectura dada, publicada por Amazon, en la región del cliente.
 */
export async function findLatestAmazonLinux(ec2: Ec2Api, architecture: 'x86_64' | 'arm64'): Promise<string> {
  const { Images = [] } = await ec2.describeImages({
    Owners: ['amazon'], // solo imágenes que publica Amazon: las imitaciones de la comunidad comparten el nombre, no el dueño
    Filters: [
      { Name: 'name', Values: ['al2023-ami-2023*'] },
      { Name: 'architecture', Values: [architecture] },
      { Name: 'state', Values: ['available'] },
    ],
  });
  const newest = [...Images].sort((a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? ''))[0];
  if (!newest?.ImageId) throw new Error(`no Amazon Linux 2023 image for ${architecture}`);
  return newest.ImageId;
}
