import { type Ec2Api, type SsmApi, waitUntilImageAvailable, waitUntilInstanceRunning, waitUntilInstanceTerminated } from 'mini-ec2';

/** La app de fotos de gatos está creciendo: prepara una imagen dorada y sirve desde clones idénticos. */
export interface FleetPlan {
  baseImageParameter: string; // el parámetro público de SSM que indica la AMI n.º 1, por ejemplo, el Amazon Linux 2023 más reciente
  instanceType: string;
  keyName: string;
  securityGroupId: string;
  setupScript: string; // los datos de usuario que instalan e inician el servidor web en el primer arranque de la constructora
  builderTags: Record<string, string>; // etiquetas de la constructora, por ejemplo, { Name: 'cat-photos-builder', Role: 'builder' }
  imageName: string; // un nombre de AMI válido y sin usar
  templateName: string; // la plantilla de lanzamiento que guarda la configuración de lanzamiento de los clones
  cloneCount: number; // cuántos servidores web ejecutar desde la imagen dorada
  cloneTags: Record<string, string>; // etiquetas de cada clon, por ejemplo, { Name: 'cat-photos-web', app: 'cat-photos' }
}

export interface Fleet {
  imageId: string; // AMI n.º 2, la imagen dorada
  launchTemplateId: string; // la plantilla de lanzamiento de los clones
  instanceIds: string[]; // los clones
}

const toTags = (record: Record<string, string>) => Object.entries(record).map(([Key, Value]) => ({ Key, Value }));

/**
 * 1. Encuentra la imagen base (AMI n.º 1): lee `plan.baseImageParameter` con `ssm.getParameter`.
 * 2. Lanza UNA constructora desde ella, con el script de configuración como datos de usuario y las etiquetas de la constructora; espera a que
 *    funcione (sus datos de usuario ya se ejecutaron entonces en su primer arranque).
 * 3. Crea la imagen dorada desde la constructora; espera a que esté disponible. La imagen guarda el disco
 *    de la constructora, con el servidor web en él, y nada de su configuración de lanzamiento.
 * 4. Crea la plantilla de lanzamiento `plan.templateName`: la imagen dorada, el tipo, el par de claves y el grupo
 *    de seguridad, y `cloneTags` para las instancias (sin datos de usuario: el software ya está en el disco).
 * 5. Lanza `cloneCount` clones desde la plantilla; espera a que funcionen.
 * 6. Limpia: termina la constructora. Devuelve el ID de la imagen, el ID de la plantilla y los ID de los clones.
 */
export async function buildWebFleet(ec2: Ec2Api, ssm: SsmApi, plan: FleetPlan): Promise<Fleet> {
  // 1. El parámetro público siempre indica la imagen más reciente de ese tipo, en la región del cliente.
  const { Parameter } = await ssm.getParameter({ Name: plan.baseImageParameter });
  const baseImageId = Parameter!.Value!;

  // 2. AMI n.º 1 -> instancia n.º 1 (la constructora), configurada por sus datos de usuario en el primer arranque.
  const builder = await ec2.runInstances({
    ImageId: baseImageId,
    InstanceType: plan.instanceType,
    MinCount: 1,
    MaxCount: 1,
    KeyName: plan.keyName,
    SecurityGroupIds: [plan.securityGroupId],
    UserData: Buffer.from(plan.setupScript).toString('base64'),
    TagSpecifications: [{ ResourceType: 'instance', Tags: toTags(plan.builderTags) }],
  });
  const builderId = builder.Instances![0].InstanceId!;
  await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 600 }, { InstanceIds: [builderId] });

  // 3. Instancia n.º 1 -> AMI n.º 2, la imagen dorada: los discos de la constructora.
  const { ImageId } = await ec2.createImage({ InstanceId: builderId, Name: plan.imageName, Description: 'cat photo app web server' });
  await waitUntilImageAvailable({ client: ec2, maxWaitTime: 1800 }, { ImageIds: [ImageId!] });

  // 4. La configuración de lanzamiento de los clones va en una plantilla de lanzamiento: una imagen no la lleva.
  const { LaunchTemplate } = await ec2.createLaunchTemplate({
    LaunchTemplateName: plan.templateName,
    LaunchTemplateData: {
      ImageId: ImageId!,
      InstanceType: plan.instanceType,
      KeyName: plan.keyName,
      SecurityGroupIds: [plan.securityGroupId],
      TagSpecifications: [{ ResourceType: 'instance', Tags: toTags(plan.cloneTags) }],
    },
  });
  const launchTemplateId = LaunchTemplate!.LaunchTemplateId!;

  // 5. AMI n.º 2 -> los clones, mediante la plantilla.
  const clones = await ec2.runInstances({ LaunchTemplate: { LaunchTemplateId: launchTemplateId }, MinCount: plan.cloneCount, MaxCount: plan.cloneCount });
  const instanceIds = clones.Instances!.map((i) => i.InstanceId!);
  await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 600 }, { InstanceIds: instanceIds });

  // 6. La constructora ya hizo su trabajo.
  await ec2.terminateInstances({ InstanceIds: [builderId] });
  await waitUntilInstanceTerminated({ client: ec2, maxWaitTime: 600 }, { InstanceIds: [builderId] });
  return { imageId: ImageId!, launchTemplateId, instanceIds };
}
