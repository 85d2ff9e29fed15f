import type { Ec2Api } from 'mini-ec2';

/** O que a carga de trabalho precisa de um servidor. */
export interface Needs {
  minVCpus: number; // pelo menos esta quantidade de CPUs virtuais
  minMemoryMiB: number; // pelo menos esta quantidade de memória, em MiB (1 GiB = 1024 MiB)
  architecture: 'x86_64' | 'arm64'; // a família de processador para a qual o software foi feito
}

/**
 * Devolva o nome do menor tipo de instância que atende às necessidades: entre os tipos que suportam
 * a arquitetura e têm vCPUs e memória suficientes, o de menos memória; no empate, o de
 * menos vCPUs; se empatar de novo, o primeiro nome em ordem alfabética.
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
