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
  // 1. Llama a ec2.runInstances({ ... }) con la imagen, el tipo, MinCount y MaxCount,
  //    el par de claves, el grupo de seguridad y las etiquetas (TagSpecifications).
  // 2. Espera a que estén en running: await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 300 }, { InstanceIds: [...] })
  // 3. Devuelve los ID de instancia.
  void waitUntilInstanceRunning;
  return [];
}
