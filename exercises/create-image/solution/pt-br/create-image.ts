import { type Ec2Api, waitUntilImageAvailable, waitUntilInstanceRunning } from 'mini-ec2';

/** AMI names: 3 to 128 letters, digits, spaces and ( ) [ ] . / - ' @ _ */
function validName(baseName: string, suffix: string): string {
  const cleaned = baseName.replace(/[^A-Za-z0-9()[\] ./\-'@_]/g, '-').slice(0, 100);
  return `${cleaned}-${suffix}`;
}

/**
 * Turn the configured instance `instanceId` into an AMI, so the next server can start with the same
 * setup instead of being configured by hand again. Return the new image's ID once it is available.
 *
 * - The instance may still be starting (pending): EC2 images only running or stopped instances.
 * - `baseName` is what the team calls the image; it may contain characters AMI names do not allow, and
 *   AMI names must be unique in the account and region, so build a valid, new name from it.
 */
export async function createGoldenImage(ec2: Ec2Api, instanceId: string, baseName: string): Promise<string> {
  await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 600 }, { InstanceIds: [instanceId] });

  // A name nobody in this account and region uses yet: count the images that already share the base.
  const { Images = [] } = await ec2.describeImages({ Owners: ['self'] });
  const taken = new Set(Images.map((image) => image.Name));
  let version = 1;
  while (taken.has(validName(baseName, `v${version}`))) version++;

  const { ImageId } = await ec2.createImage({
    InstanceId: instanceId,
    Name: validName(baseName, `v${version}`),
    Description: `Golden image of ${instanceId}`,
  });
  await waitUntilImageAvailable({ client: ec2, maxWaitTime: 1800 }, { ImageIds: [ImageId!] });
  return ImageId!;
}
