import { type Ec2Api, waitUntilImageAvailable, waitUntilInstanceRunning } from 'mini-ec2';

/** Onde a imagem está hoje: a região dela e o ID dela lá. */
export interface SourceImage {
  region: string; // por exemplo, 'us-east-1'
  imageId: string; // o ID da imagem nessa região
}

export interface Copied {
  imageId: string; // o ID da cópia, na região do cliente
  instanceId: string; // o servidor executado a partir da cópia
}

/**
 * `ec2` trabalha na região onde a equipe quer servir (o destino). Leve a imagem para lá e
 * execute um servidor web `t3.micro` a partir dela. Devolva o ID da cópia e o ID da nova instância.
 *
 * - CopyImage é chamado na região de destino, indicando a região e a imagem de origem; dê à cópia o nome `name`.
 * - A cópia é uma nova AMI com ID próprio, `pending` no começo: espere até ela estar `available`.
 * - O ID da imagem de origem não significa nada na região de destino.
 */
export async function copyToRegion(ec2: Ec2Api, source: SourceImage, name: string): Promise<Copied> {
  const { ImageId } = await ec2.copyImage({ SourceRegion: source.region, SourceImageId: source.imageId, Name: name });
  await waitUntilImageAvailable({ client: ec2, maxWaitTime: 1800 }, { ImageIds: [ImageId!] });

  const launched = await ec2.runInstances({ ImageId: ImageId!, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 });
  const instanceId = launched.Instances![0].InstanceId!;
  await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 600 }, { InstanceIds: [instanceId] });
  return { imageId: ImageId!, instanceId };
}
