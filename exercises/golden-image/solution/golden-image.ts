import { type Ec2Api, waitUntilImageAvailable, waitUntilInstanceRunning, waitUntilInstanceTerminated } from 'mini-ec2';

/** The cat photo app is growing: bake one golden image, then serve from identical clones. */
export interface FleetPlan {
  baseImageId: string; // AMI #1, e.g. the newest Amazon Linux 2023
  instanceType: string;
  keyName: string;
  securityGroupId: string;
  setupScript: string; // the shell script that installs the app (EC2 wants it base64-encoded in UserData)
  software: Record<string, string>; // what the script installs, e.g. { nginx: '1.24' } -> tag 'software:nginx' = '1.24'
  imageName: string; // a valid, unused AMI name
  cloneCount: number; // how many web servers to run from the golden image
  cloneTags: Record<string, string>; // tags for every clone, e.g. { Name: 'cat-photos-web', Role: 'web' }
}

export interface Fleet {
  imageId: string; // AMI #2, the golden image
  instanceIds: string[]; // the clones
}

const toTags = (record: Record<string, string>) => Object.entries(record).map(([Key, Value]) => ({ Key, Value }));

/**
 * 1. Launch ONE builder instance from the base image, with the setup script as user data; wait until running.
 * 2. Record the installed software as tags 'software:<name>' on the builder.
 * 3. Create the golden image from the builder; wait until it is available.
 * 4. Launch `cloneCount` clones from the golden image, tagged with `cloneTags`; wait until they run.
 * 5. Clean up: terminate the builder. Return the image ID and the clone IDs.
 */
export async function buildWebFleet(ec2: Ec2Api, plan: FleetPlan): Promise<Fleet> {
  // 1. AMI #1 -> instance #1 (the builder), configured by its setup script.
  const builder = await ec2.runInstances({
    ImageId: plan.baseImageId,
    InstanceType: plan.instanceType,
    MinCount: 1,
    MaxCount: 1,
    KeyName: plan.keyName,
    SecurityGroupIds: [plan.securityGroupId],
    UserData: Buffer.from(plan.setupScript).toString('base64'),
    TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'cat-photos-builder' }] }],
  });
  const builderId = builder.Instances![0].InstanceId!;
  await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 600 }, { InstanceIds: [builderId] });

  // 2. What the script installed, recorded where the image will carry it.
  const software = Object.fromEntries(Object.entries(plan.software).map(([name, version]) => [`software:${name}`, version]));
  await ec2.createTags({ Resources: [builderId], Tags: toTags(software) });

  // 3. Instance #1 -> AMI #2, the golden image.
  const { ImageId } = await ec2.createImage({ InstanceId: builderId, Name: plan.imageName, Description: 'cat photo app web server' });
  await waitUntilImageAvailable({ client: ec2, maxWaitTime: 1800 }, { ImageIds: [ImageId!] });

  // 4. AMI #2 -> the clones, all alike.
  const clones = await ec2.runInstances({
    ImageId: ImageId!,
    InstanceType: plan.instanceType,
    MinCount: plan.cloneCount,
    MaxCount: plan.cloneCount,
    KeyName: plan.keyName,
    SecurityGroupIds: [plan.securityGroupId],
    TagSpecifications: [{ ResourceType: 'instance', Tags: toTags(plan.cloneTags) }],
  });
  const instanceIds = clones.Instances!.map((i) => i.InstanceId!);
  await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 600 }, { InstanceIds: instanceIds });

  // 5. The builder has done its job.
  await ec2.terminateInstances({ InstanceIds: [builderId] });
  await waitUntilInstanceTerminated({ client: ec2, maxWaitTime: 600 }, { InstanceIds: [builderId] });
  return { imageId: ImageId!, instanceIds };
}
