import { type Ec2Api, waitUntilImageAvailable, waitUntilInstanceRunning } from 'mini-ec2';

/** Where the image lives today: its region and its ID there. */
export interface SourceImage {
  region: string; // e.g. 'us-east-1'
  imageId: string; // the image's ID in that region
}

export interface Copied {
  imageId: string; // the copy's ID, in the client's region
  instanceId: string; // the server launched from the copy
}

/**
 * `ec2` works in the region where the team wants to serve (the destination). Bring the image there and
 * start one `t3.micro` web server from it. Return the copy's ID and the new instance's ID.
 *
 * - CopyImage is called in the destination region, naming the source region and image; give the copy `name`.
 * - The copy is a new AMI with its own ID, `pending` at first: wait until it is `available`.
 * - The source image's ID means nothing in the destination region.
 */
export async function copyToRegion(ec2: Ec2Api, source: SourceImage, name: string): Promise<Copied> {
  const { ImageId } = await ec2.copyImage({ SourceRegion: source.region, SourceImageId: source.imageId, Name: name });
  await waitUntilImageAvailable({ client: ec2, maxWaitTime: 1800 }, { ImageIds: [ImageId!] });

  const launched = await ec2.runInstances({ ImageId: ImageId!, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 });
  const instanceId = launched.Instances![0].InstanceId!;
  await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 600 }, { InstanceIds: [instanceId] });
  return { imageId: ImageId!, instanceId };
}
