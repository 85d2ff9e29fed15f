import type { Ec2Api, RunInstancesRequest } from 'mini-ec2';

/** Um servidor como a equipe o descreve: algumas escolhas pelo nome, do jeito que as pessoas falam. */
export interface ServerSpec {
  imageId: string; // a AMI: o sistema operacional vem com ela
  instanceType: string; // hardware: vCPUs e memória
  keyName: string; // autenticação: o par de chaves para SSH
  securityGroupName: string; // regras de firewall, pelo NOME (o pedido precisa do ID do grupo)
  availabilityZone: string; // local na rede, por exemplo, 'us-east-1b' (o pedido precisa de um ID de sub-rede)
  rootVolumeGiB: number; // armazenamento: tamanho do volume raiz, em GiB
}

/**
 * Monte (não envie!) um pedido RunInstances completo para UMA instância de acordo com a especificação. Busque os
 * IDs de que o EC2 precisa: o ID do grupo de segurança, a sub-rede padrão da zona e o nome do dispositivo raiz da imagem.
 */
export async function buildLaunchRequest(ec2: Ec2Api, spec: ServerSpec): Promise<RunInstancesRequest> {
  // 1. ID do grupo de segurança: ec2.describeSecurityGroups({ Filters: [{ Name: 'group-name', Values: [...] }] })
  // 2. ID da sub-rede: ec2.describeSubnets({ Filters: [{ Name: 'availability-zone', Values: [...] }, { Name: 'default-for-az', Values: ['true'] }] })
  // 3. Dispositivo raiz: ec2.describeImages({ ImageIds: [...] }) -> RootDeviceName
  // 4. Devolva { ImageId, InstanceType, MinCount: 1, MaxCount: 1, KeyName, SecurityGroupIds, SubnetId, BlockDeviceMappings }
  void ec2;
  void spec;
  return { MinCount: 1, MaxCount: 1 };
}
