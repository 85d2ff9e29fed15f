import { type Ec2Api, waitUntilImageAvailable, waitUntilInstanceRunning, waitUntilInstanceTerminated } from 'mini-ec2';

/** The cat photo app is growing: bake one golden image, then serve from identical clones. */
export interface FleetPlan {
  baseImageId: string; // AMI #1, e.g. the newest Amazon Linux 2023
  instanceType: string;
  keyName: string;
  securityGroupId: string;
  setupScript: string; // the user data that installs and starts the web server at the builder's first boot
  builderTags: Record<string, string>; // tags for the builder, e.g. { Name: 'cat-photos-builder', Role: 'builder' }
  imageName: string; // a valid, unused AMI name
  cloneCount: number; // how many web servers to run from the golden image
  cloneTags: Record<string, string>; // tags for every clone, e.g. { Name: 'cat-photos-web', app: 'cat-photos' }
}

export interface Fleet {
  imageId: string; // AMI #2, the golden image
  instanceIds: string[]; // the clones
}

/**
 * 1. Launch ONE builder from the base image, with the setup script as user data and the builder's tags;
 *    wait until it runs (its user data has then run at its first boot).
 * 2. Create the golden image from the builder; wait until it is available. The image holds the builder's
 *    disk, with the web server on it, and none of its launch settings.
 * 3. Launch `cloneCount` clones from the golden image, with their own settings and `cloneTags` (no user data:
 *    the software is already on the disk); wait until they run.
 * 4. Clean up: terminate the builder. Return the image ID and the clone IDs.
 */
export async function buildWebFleet(ec2: Ec2Api, plan: FleetPlan): Promise<Fleet> {
  void ec2;
  void plan;
  void waitUntilImageAvailable;
  void waitUntilInstanceRunning;
  void waitUntilInstanceTerminated;
  return { imageId: '', instanceIds: [] };
}
