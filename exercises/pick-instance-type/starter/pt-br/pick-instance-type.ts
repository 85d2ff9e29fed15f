import type { Ec2Api } from 'mini-ec2';

/** What the workload needs from one server. */
export interface Needs {
  minVCpus: number; // at least this many virtual CPUs
  minMemoryMiB: number; // at least this much memory, in MiB (1 GiB = 1024 MiB)
  architecture: 'x86_64' | 'arm64'; // the processor family the software is built for
}

/**
 * Return the name of the smallest instance type that meets the needs: among the types that support
 * the architecture and have enough vCPUs and memory, the one with the least memory; on a tie, the
 * fewest vCPUs; on a tie again, the first name in alphabetical order.
 */
export async function pickInstanceType(ec2: Ec2Api, needs: Needs): Promise<string> {
  // 1. Ask EC2 for the instance types: await ec2.describeInstanceTypes({})
  // 2. Keep those that fit (ProcessorInfo.SupportedArchitectures, VCpuInfo.DefaultVCpus, MemoryInfo.SizeInMiB).
  // 3. Sort them as described above and return the first InstanceType.
  void ec2;
  void needs;
  return 't2.micro';
}
