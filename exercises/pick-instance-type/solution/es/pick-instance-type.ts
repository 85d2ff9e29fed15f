import type { Ec2Api } from 'mini-ec2';

/** Lo que la carga de trabajo necesita de un servidor. */
export interface Needs {
  minVCpus: number; // al menos esta cantidad de CPU virtuales
  minMemoryMiB: number; // al menos esta cantidad de memoria, en MiB (1 GiB = 1024 MiB)
  architecture: 'x86_64' | 'arm64'; // la familia de procesador para la que se hizo el software
}

/**
 * Devuelve el nombre del tipo de instancia más pequeño que cubre las necesidades: entre los tipos que admiten
 * la arquitectura y tienen suficientes vCPU y memoria, el de menos memoria; si empatan, el de
 * menos vCPU; si vuelven a empatar, el primer nombre en orden alfabético.
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
