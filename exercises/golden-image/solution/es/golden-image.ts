import { type Ec2Api, type SsmApi, waitUntilImageAvailable, waitUntilInstanceRunning, waitUntilInstanceTerminated } from 'mini-ec2';

/** The cat photo app is growing: bake one golden image, then serve from identical clones. */
export interface FleetPlan {
  baseImageParameter: string; // the SSM public parameter naming AMI #1, e.g. the latest Amazon Linux 2023
  instanceType: string;
  keyName: string;
  securityGroupId: string;
  setupScript: string; // the user data that installs and starts the web server at the builder's first boot
  builderTags: Record<string, string>; // tags for the builder, e.g. { Name: 'cat-photos-builder', Role: 'builder' }
  imageName: string; // a valid, unused AMI name
  templateName: string; // the launch template that holds the clones' launch settings
  cloneCount: number; // how many web servers to run from the golden image
  cloneTags: Record<string, string>; // tags for every clone, e.g. { Name: 'cat-photos-web', app: 'cat-photos' }
}

export interface Fleet {
  imageId: string; // AMI #2, the golden image
  launchTemplateId: string; // the clones' launch template
  instanceIds: string[]; // the clones
}

const toTags = (record: Record<string, string>) => Object.entries(record).map(([Key, Value]) => ({ Key, Value }));

/**
 * 1. Find the base image (AMI #1): read `plan.baseImageParameter` with `ssm.getParameter`.
 * 2. Launch ONE builder from it, with the setup script as user data and the builder's tags; wait until it
 *    runs (its user data has then run at its first boot).
 * 3. Create the golden image from the builder; wait until it is available. The image holds the builder's
 *    disk, with the web server on it, and none of its launch settings.
 * 4. Create the launch template `plan.templateName`: the golden image, the type, key pair and security
 *    group, and `cloneTags` for the instances (no user data: the software is already on the disk).
 * 5. Launch `cloneCount` clones from the template; wait until they run.
 * 6. Clean up: terminate the builder. Return the image ID, the template ID and the clone IDs.
 */
export async function buildWebFleet(ec2: Ec2Api, ssm: SsmApi, plan: FleetPlan): Promise<Fleet> {
  // 1. The public parameter always names the latest image of that kind, in the client's region.
  const { Parameter } = await ssm.getParameter({ Name: plan.baseImageParameter });
  const baseImageId = Parameter!.Value!;

  // 2. AMI #1 -> instance #1 (the builder), set up by its user data at first boot.
  const builder = await ec2.runInstances({
    ImageId: baseImageId,
    InstanceType: plan.instanceType,
    MinCount: 1,
    MaxCount: 1,
    KeyName: plan.keyName,
    SecurityGroupIds: [plan.securityGroupId],
    UserData: Buffer.from(plan.setupScript).toString('base64'),
    TagSpecifications: [{ ResourceType: 'instance', Tags: toTags(plan.builderTags) }],
  });
  const builderId = builder.Instances![0].InstanceId!;
  await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 600 }, { InstanceIds: [builderId] });

  // 3. Instance #1 -> AMI #2, the golden image: the builder's disks.
  const { ImageId } = await ec2.createImage({ InstanceId: builderId, Name: plan.imageName, Description: 'cat photo app web server' });
  await waitUntilImageAvailable({ client: ec2, maxWaitTime: 1800 }, { ImageIds: [ImageId!] });

  // 4. The clones' launch settings live in a launch template: an image does not carry them.
  const { LaunchTemplate } = await ec2.createLaunchTemplate({
    LaunchTemplateName: plan.templateName,
    LaunchTemplateData: {
      ImageId: ImageId!,
      InstanceType: plan.instanceType,
      KeyName: plan.keyName,
      SecurityGroupIds: [plan.securityGroupId],
      TagSpecifications: [{ ResourceType: 'instance', Tags: toTags(plan.cloneTags) }],
    },
  });
  const launchTemplateId = LaunchTemplate!.LaunchTemplateId!;

  // 5. AMI #2 -> the clones, through the template.
  const clones = await ec2.runInstances({ LaunchTemplate: { LaunchTemplateId: launchTemplateId }, MinCount: plan.cloneCount, MaxCount: plan.cloneCount });
  const instanceIds = clones.Instances!.map((i) => i.InstanceId!);
  await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 600 }, { InstanceIds: instanceIds });

  // 6. The builder has done its job.
  await ec2.terminateInstances({ InstanceIds: [builderId] });
  await waitUntilInstanceTerminated({ client: ec2, maxWaitTime: 600 }, { InstanceIds: [builderId] });
  return { imageId: ImageId!, launchTemplateId, instanceIds };
}
