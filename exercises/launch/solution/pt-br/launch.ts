import { type Ec2Api, waitUntilInstanceRunning } from 'mini-ec2';

/** O que o app de fotos de gatos precisa: vários servidores web idênticos feitos a partir de uma receita (a AMI). */
export interface WebServerPlan {
  imageId: string; // a AMI de onde todo servidor parte, por exemplo, 'ami-0abc...'
  instanceType: string; // o hardware, por exemplo, 't3.micro'
  count: number; // quantos servidores idênticos
  keyName: string; // o par de chaves usado para conectar com SSH
  securityGroupId: string; // as regras de firewall, por exemplo, 'sg-0abc...'
  tags: Record<string, string>; // por exemplo, { Name: 'cat-photos-web', App: 'cat-photos' }
}

/**
 * Execute `plan.count` servidores web a partir de uma AMI, espere até todos estarem running
 * e devolva os IDs das instâncias.
 */
export async function launchWebServers(ec2: Ec2Api, plan: WebServerPlan): Promise<string[]> {
  const reservation = await ec2.runInstances({
    ImageId: plan.imageId,
    InstanceType: plan.instanceType,
    MinCount: plan.count, // tudo ou nada: menos servidores do que o planejado é uma execução que falhou
    MaxCount: plan.count,
    KeyName: plan.keyName,
    SecurityGroupIds: [plan.securityGroupId],
    TagSpecifications: [
      { ResourceType: 'instance', Tags: Object.entries(plan.tags).map(([Key, Value]) => ({ Key, Value })) },
    ],
  });
  const ids = (reservation.Instances ?? []).map((instance) => instance.InstanceId!);
  await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 300 }, { InstanceIds: ids });
  return ids;
}
