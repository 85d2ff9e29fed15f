import type { Ec2Api } from 'mini-ec2';

/**
 * Devolva o ID da AMI Amazon Linux 2023 mais nova (a edição padrão, cujos nomes começam com
 * 'al2023-ami-2023') para a arquitetura dada, publicada pela Amazon, na região do cliente.
 */
export async function findLatestAmazonLinux(ec2: Ec2Api, architecture: 'x86_64' | 'arm64'): Promise<string> {
  // 1. ec2.describeImages({ Owners: [...], Filters: [{ Name: 'name', Values: [...] }, ...] })
  // 2. Ordene as imagens por CreationDate, a mais nova primeiro.
  // 3. Devolva o ImageId da primeira.
  void ec2;
  void architecture;
  return '';
}
