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
  // 1. Pregúntale a EC2 por los tipos de instancia: await ec2.describeInstanceTypes({})
  // 2. Quédate con los que cumplen (ProcessorInfo.SupportedArchitectures, VCpuInfo.DefaultVCpus, MemoryInfo.SizeInMiB).
  // 3. Ordénalos como se describe arriba y devuelve el primer InstanceType.
  void ec2;
  void needs;
  return 't2.micro';
}
