import type { Ec2Api } from 'mini-ec2';

/**
 * Devuelve el ID de la AMI de Amazon Linux 2023 más reciente (la edición estándar, cuyos nombres empiezan con
 * 'al2023-ami-2023') para la arquitectura dada, publicada por Amazon, en la región del cliente.
 */
export async function findLatestAmazonLinux(ec2: Ec2Api, architecture: 'x86_64' | 'arm64'): Promise<string> {
  // 1. ec2.describeImages({ Owners: [...], Filters: [{ Name: 'name', Values: [...] }, ...] })
  // 2. Ordena las imágenes por CreationDate, la más reciente primero.
  // 3. Devuelve el ImageId de la primera.
  void ec2;
  void architecture;
  return '';
}
