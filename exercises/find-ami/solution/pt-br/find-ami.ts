import type { Ec2Api } from 'mini-ec2';

/**
 * Devolva o ID da AMI Amazon Linux 2023 mais nova (a edição padrão, cujos nomes começam com
 * 'al2023-ami-2023') para a arquitetura dada, publicada pela Amazon, na região do cliente.
 */
export async function findLatestAmazonLinux(ec2: Ec2Api, architecture: 'x86_64' | 'arm64'): Promise<string> {
  const { Images = [] } = await ec2.describeImages({
    Owners: ['amazon'], // só imagens que a Amazon publica: imitações da comunidade têm o mesmo nome, não o mesmo dono
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
