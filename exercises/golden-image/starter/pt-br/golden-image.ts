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
  void ec2;
  void ssm;
  void plan;
  void waitUntilImageAvailable;
  void waitUntilInstanceRunning;
  void waitUntilInstanceTerminated;
  return { imageId: '', launchTemplateId: '', instanceIds: [] };
}
