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
  const groups = await ec2.describeSecurityGroups({ Filters: [{ Name: 'group-name', Values: [spec.securityGroupName] }] });
  const groupId = groups.SecurityGroups?.[0]?.GroupId;
  if (!groupId) throw new Error(`no security group named ${spec.securityGroupName}`);

  const subnets = await ec2.describeSubnets({
    Filters: [
      { Name: 'availability-zone', Values: [spec.availabilityZone] },
      { Name: 'default-for-az', Values: ['true'] },
    ],
  });
  const subnetId = subnets.Subnets?.[0]?.SubnetId;
  if (!subnetId) throw new Error(`no default subnet in ${spec.availabilityZone}`);

  const images = await ec2.describeImages({ ImageIds: [spec.imageId] });
  const rootDevice = images.Images?.[0]?.RootDeviceName;

  return {
    ImageId: spec.imageId,
    InstanceType: spec.instanceType,
    MinCount: 1,
    MaxCount: 1,
    KeyName: spec.keyName,
    SecurityGroupIds: [groupId],
    SubnetId: subnetId,
    BlockDeviceMappings: [
      { DeviceName: rootDevice, Ebs: { VolumeSize: spec.rootVolumeGiB, VolumeType: 'gp3', DeleteOnTermination: true } },
    ],
  };
}
