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
  void ec2;
  void ssm;
  void plan;
  void waitUntilImageAvailable;
  void waitUntilInstanceRunning;
  void waitUntilInstanceTerminated;
  return { imageId: '', launchTemplateId: '', instanceIds: [] };
}
