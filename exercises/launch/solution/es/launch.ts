import { type Ec2Api, waitUntilInstanceRunning } from 'mini-ec2';

/** Lo que necesita la app de fotos de gatos: varios servidores web idénticos hechos con una sola receta (la AMI). */
export interface WebServerPlan {
  imageId: string; // la AMI de la que parte cada servidor, por ejemplo, 'ami-0abc...'
  instanceType: string; // el hardware, por ejemplo, 't3.micro'
  count: number; // cuántos servidores idénticos
  keyName: string; // el par de claves que se usa para conectarse con SSH
  securityGroupId: string; // las reglas de firewall, por ejemplo, 'sg-0abc...'
  tags: Record<string, string>; // por ejemplo, { Name: 'cat-photos-web', App: 'cat-photos' }
}

/**
 * Lanza `plan.count` servidores web desde una AMI, espera a que todos estén en running
 * y devuelve sus ID de instancia.
 */
export async function launchWebServers(ec2: Ec2Api, plan: WebServerPlan): Promise<string[]> {
  const reservation = await ec2.runInstances({
    ImageId: plan.imageId,
    InstanceType: plan.instanceType,
    MinCount: plan.count, // todo o nada: menos servidores que los planeados es un lanzamiento fallido
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
