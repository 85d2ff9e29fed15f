import type { Ec2Api } from 'mini-ec2';

/**
 * Return the ID of the newest Amazon Linux 2023 AMI (the standard edition, whose names start with
 * 'al2023-ami-2023') for the given architecture, published by Amazon, in the client's region.
 */
export async function findLatestAmazonLinux(ec2: Ec2Api, architecture: 'x86_64' | 'arm64'): Promise<string> {
  const { Images = [] } = await ec2.describeImages({
    Owners: ['amazon'], // only images Amazon publishes: community look-alikes share the name, not the owner
    Filters: [
      { Name: 'name', Values: ['al2023-ami-2023*'] },
      { Name: 'architecture', Values: [architecture] },
      { Name: 'state', Values: ['available'] },
    ],
  });
  const newest = [...Images].sort((a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? ''))[0];
  if (!newest?.ImageId) throw new Error(`no Amazon Linux 2023 image for ${architecture}`);
  return newest.ImageId;
}
