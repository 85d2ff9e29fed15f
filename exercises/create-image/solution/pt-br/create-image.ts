import { type Ec2Api, waitUntilImageAvailable, waitUntilInstanceRunning } from 'mini-ec2';

/** Nomes de AMI: de 3 a 128 letras, dígitos, espaços e ( ) [ ] . / - ' @ _ */
function validName(baseName: string, suffix: string): string {
  const cleaned = baseName.replace(/[^A-Za-z0-9()[\] ./\-'@_]/g, '-').slice(0, 100);
  return `${cleaned}-${suffix}`;
}

/**
 * Transforme a instância configurada `instanceId` em uma AMI, para que o próximo servidor comece com a mesma
 * configuração em vez de ser configurado à mão de novo. Devolva o ID da nova imagem quando ela estiver disponível.
 *
 * - A instância pode ainda estar iniciando (pending): o EC2 só cria imagens de instâncias em execução ou paradas.
 * - `baseName` é como a equipe chama a imagem; ele pode ter caracteres que nomes de AMI não aceitam, e
 *   nomes de AMI precisam ser únicos na conta e na região; então monte a partir dele um nome válido e novo.
 */
export async function createGoldenImage(ec2: Ec2Api, instanceId: string, baseName: string): Promise<string> {
  await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 600 }, { InstanceIds: [instanceId] });

  // Um nome que ninguém nesta conta e região usa ainda: conte as imagens que já compartilham a base.
  const { Images = [] } = await ec2.describeImages({ Owners: ['self'] });
  const taken = new Set(Images.map((image) => image.Name));
  let version = 1;
  while (taken.has(validName(baseName, `v${version}`))) version++;

  const { ImageId } = await ec2.createImage({
    InstanceId: instanceId,
    Name: validName(baseName, `v${version}`),
    Description: `Golden image of ${instanceId}`,
  });
  await waitUntilImageAvailable({ client: ec2, maxWaitTime: 1800 }, { ImageIds: [ImageId!] });
  return ImageId!;
}
