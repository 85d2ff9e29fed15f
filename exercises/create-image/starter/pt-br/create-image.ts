import { type Ec2Api, waitUntilImageAvailable, waitUntilInstanceRunning } from 'mini-ec2';

/**
 * Turn the configured instance `instanceId` into an AMI, so the next server can start with the same
 * setup instead of being configured by hand again. Return the new image's ID once it is available.
 *
 * - The instance may still be starting (pending): EC2 images only running or stopped instances.
 * - `baseName` is what the team calls the image; it may contain characters AMI names do not allow, and
 *   AMI names must be unique in the account and region, so build a valid, new name from it.
 */
export async function createGoldenImage(ec2: Ec2Api, instanceId: string, baseName: string): Promise<string> {
  // 1. Wait until the instance is running (waitUntilInstanceRunning).
  // 2. Make a valid, unique name: AMI names allow letters, digits, spaces and ( ) [ ] . / - ' @ _
  // 3. const { ImageId } = await ec2.createImage({ InstanceId: instanceId, Name: name })
  // 4. Wait until the image is available (waitUntilImageAvailable), then return its ID.
  void waitUntilImageAvailable;
  void waitUntilInstanceRunning;
  void ec2;
  void instanceId;
  void baseName;
  return '';
}
