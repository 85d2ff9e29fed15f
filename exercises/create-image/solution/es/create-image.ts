import { type Ec2Api, waitUntilImageAvailable, waitUntilInstanceRunning } from 'mini-ec2';

/** Nombres de AMI: de 3 a 128 letras, dígitos, espacios y ( ) [ ] . / - ' @ _ */
function validName(baseName: string, suffix: string): string {
  const cleaned = baseName.replace(/[^A-Za-z0-9()[\] ./\-'@_]/g, '-').slice(0, 100);
  return `${cleaned}-${suffix}`;
}

/**
 * Convierte la instancia configurada `instanceId` en una AMI, para que el próximo servidor empiece con la misma
 * configuración en lugar de configurarse a mano otra vez. Devuelve el ID de la nueva imagen cuando esté disponible.
 *
 * - La instancia puede estar iniciando todavía (pending): EC2 solo crea imágenes de instancias en ejecución o detenidas.
 * - `baseName` es como el equipo llama a la imagen; puede tener caracteres que los nombres de AMI no admiten, y
 *   los nombres de AMI deben ser únicos en la cuenta y la región; así que arma a partir de él un nombre válido y nuevo.
 */
export async function createGoldenImage(ec2: Ec2Api, instanceId: string, baseName: string): Promise<string> {
  await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 600 }, { InstanceIds: [instanceId] });

  // Un nombre que nadie usa todavía en esta cuenta y región: cuenta las imágenes que ya comparten la base.
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
