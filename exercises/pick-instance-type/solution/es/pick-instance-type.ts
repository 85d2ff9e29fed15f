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
  const types = [];
  let NextToken: string | undefined;
  do {
    const page = await ec2.describeInstanceTypes({ NextToken });
    types.push(...(page.InstanceTypes ?? []));
    NextToken = page.NextToken;
  } while (NextToken);

  const fits = types.filter(
    (t) =>
      (t.ProcessorInfo?.SupportedArchitectures ?? []).includes(needs.architecture) &&
      (t.VCpuInfo?.DefaultVCpus ?? 0) >= needs.minVCpus &&
      (t.MemoryInfo?.SizeInMiB ?? 0) >= needs.minMemoryMiB,
  );
  fits.sort(
    (a, b) =>
      a.MemoryInfo!.SizeInMiB! - b.MemoryInfo!.SizeInMiB! ||
      a.VCpuInfo!.DefaultVCpus! - b.VCpuInfo!.DefaultVCpus! ||
      a.InstanceType!.localeCompare(b.InstanceType!),
  );
  if (!fits[0]?.InstanceType) throw new Error('no instance type meets these needs');
  return fits[0].InstanceType;
}
