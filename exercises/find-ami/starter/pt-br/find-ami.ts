import type { Ec2Api } from 'mini-ec2';

/**
 * Return the ID of the newest Amazon Linux 2023 AMI (the standard edition, whose names start with
 * 'al2023-ami-2023') for the given architecture, published by Amazon, in the client's region.
 */
export async function findLatestAmazonLinux(ec2: Ec2Api, architecture: 'x86_64' | 'arm64'): Promise<string> {
  // 1. ec2.describeImages({ Owners: [...], Filters: [{ Name: 'name', Values: [...] }, ...] })
  // 2. Sort the images by CreationDate, newest first.
  // 3. Return the first one's ImageId.
  void ec2;
  void architecture;
  return '';
}
