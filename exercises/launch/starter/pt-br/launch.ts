import { type Ec2Api, waitUntilInstanceRunning } from 'mini-ec2';

/** What the cat photo app needs: several identical web servers baked from one recipe (the AMI). */
export interface WebServerPlan {
  imageId: string; // the AMI every server starts from, e.g. 'ami-0abc...'
  instanceType: string; // the hardware, e.g. 't3.micro'
  count: number; // how many identical servers
  keyName: string; // the key pair used to connect with SSH
  securityGroupId: string; // the firewall rules, e.g. 'sg-0abc...'
  tags: Record<string, string>; // e.g. { Name: 'cat-photos-web', App: 'cat-photos' }
}

/**
 * Launch `plan.count` web servers from one AMI, wait until every one of them is running,
 * and return their instance IDs.
 */
export async function launchWebServers(ec2: Ec2Api, plan: WebServerPlan): Promise<string[]> {
  // 1. Call ec2.runInstances({ ... }) with the image, the type, MinCount and MaxCount,
  //    the key pair, the security group and the tags (TagSpecifications).
  // 2. Wait until they are running: await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 300 }, { InstanceIds: [...] })
  // 3. Return the instance IDs.
  void waitUntilInstanceRunning;
  return [];
}
