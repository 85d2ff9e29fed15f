import { type Ec2Api, type SsmApi, waitUntilImageAvailable, waitUntilInstanceRunning, waitUntilInstanceTerminated } from 'mini-ec2';

/** O app de fotos de gatos está crescendo: prepare uma imagem dourada e sirva a partir de clones idênticos. */
export interface FleetPlan {
  baseImageParameter: string; // o parâmetro público do SSM que indica a AMI nº 1, por exemplo, o Amazon Linux 2023 mais recente
  instanceType: string;
  keyName: string;
  securityGroupId: string;
  setupScript: string; // os dados do usuário que instalam e iniciam o servidor web no primeiro boot da construtora
  builderTags: Record<string, string>; // tags da construtora, por exemplo, { Name: 'cat-photos-builder', Role: 'builder' }
  imageName: string; // um nome de AMI válido e ainda não usado
  templateName: string; // o modelo de execução que guarda as configurações de execução dos clones
  cloneCount: number; // quantos servidores web rodar a partir da imagem dourada
  cloneTags: Record<string, string>; // tags de cada clone, por exemplo, { Name: 'cat-photos-web', app: 'cat-photos' }
}

export interface Fleet {
  imageId: string; // AMI nº 2, a imagem dourada
  launchTemplateId: string; // o modelo de execução dos clones
  instanceIds: string[]; // os clones
}

const toTags = (record: Record<string, string>) => Object.entries(record).map(([Key, Value]) => ({ Key, Value }));

/**
 * 1. Encontre a imagem base (AMI nº 1): leia `plan.baseImageParameter` com `ssm.getParameter`.
 * 2. Execute UMA construtora a partir dela, com o script de configuração como dados do usuário e as tags da construtora; espere até
 *    ela rodar (os dados do usuário dela já rodaram então no primeiro boot).
 * 3. Crie a imagem dourada a partir da construtora; espere até ela estar disponível. A imagem guarda o disco
 *    da construtora, com o servidor web nele, e nenhuma das configurações de execução dela.
 * 4. Crie o modelo de execução `plan.templateName`: a imagem dourada, o tipo, o par de chaves e o grupo
 *    de segurança, e `cloneTags` para as instâncias (sem dados do usuário: o software já está no disco).
 * 5. Execute `cloneCount` clones a partir do modelo; espere até eles rodarem.
 * 6. Limpe: encerre a construtora. Devolva o ID da imagem, o ID do modelo e os IDs dos clones.
 */
export async function buildWebFleet(ec2: Ec2Api, ssm: SsmApi, plan: FleetPlan): Promise<Fleet> {
  // 1. O parâmetro público sempre indica a imagem mais recente desse tipo, na região do cliente.
  const { Parameter } = await ssm.getParameter({ Name: plan.baseImageParameter });
  const baseImageId = Parameter!.Value!;

  // 2. AMI nº 1 -> instância nº 1 (a construtora), configurada pelos dados do usuário no primeiro boot.
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

  // 3. Instância nº 1 -> AMI nº 2, a imagem dourada: os discos da construtora.
  const { ImageId } = await ec2.createImage({ InstanceId: builderId, Name: plan.imageName, Description: 'cat photo app web server' });
  await waitUntilImageAvailable({ client: ec2, maxWaitTime: 1800 }, { ImageIds: [ImageId!] });

  // 4. As configurações de execução dos clones ficam em um modelo de execução: uma imagem não as leva.
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

  // 5. AMI nº 2 -> os clones, pelo modelo.
  const clones = await ec2.runInstances({ LaunchTemplate: { LaunchTemplateId: launchTemplateId }, MinCount: plan.cloneCount, MaxCount: plan.cloneCount });
  const instanceIds = clones.Instances!.map((i) => i.InstanceId!);
  await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 600 }, { InstanceIds: instanceIds });

  // 6. A construtora já fez o trabalho dela.
  await ec2.terminateInstances({ InstanceIds: [builderId] });
  await waitUntilInstanceTerminated({ client: ec2, maxWaitTime: 600 }, { InstanceIds: [builderId] });
  return { imageId: ImageId!, launchTemplateId, instanceIds };
}
