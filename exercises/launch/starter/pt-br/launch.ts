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
  // 1. Chame ec2.runInstances({ ... }) com a imagem, o tipo, MinCount e MaxCount,
  //    o par de chaves, o grupo de segurança e as tags (TagSpecifications).
  // 2. Espere até estarem running: await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 300 }, { InstanceIds: [...] })
  // 3. Devolva os IDs das instâncias.
  void waitUntilInstanceRunning;
  return [];
}
