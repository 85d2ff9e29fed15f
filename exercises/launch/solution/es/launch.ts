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
  const reservation = await ec2.runInstances({
    ImageId: plan.imageId,
    InstanceType: plan.instanceType,
    MinCount: plan.count, // all or nothing: fewer servers than planned is a failed launch
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
