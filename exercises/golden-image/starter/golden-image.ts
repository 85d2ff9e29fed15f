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

/**
 * 1. Launch ONE builder instance from the base image, with the setup script as user data; wait until running.
 * 2. Record the installed software as tags 'software:<name>' on the builder.
 * 3. Create the golden image from the builder; wait until it is available.
 * 4. Launch `cloneCount` clones from the golden image, tagged with `cloneTags`; wait until they run.
 * 5. Clean up: terminate the builder. Return the image ID and the clone IDs.
 */
export async function buildWebFleet(ec2: Ec2Api, plan: FleetPlan): Promise<Fleet> {
  void ec2;
  void plan;
  void waitUntilImageAvailable;
  void waitUntilInstanceRunning;
  void waitUntilInstanceTerminated;
  return { imageId: '', instanceIds: [] };
}
