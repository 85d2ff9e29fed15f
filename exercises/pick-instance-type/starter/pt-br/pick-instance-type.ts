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
  // 1. Pergunte ao EC2 quais são os tipos de instância: await ec2.describeInstanceTypes({})
  // 2. Fique com os que atendem (ProcessorInfo.SupportedArchitectures, VCpuInfo.DefaultVCpus, MemoryInfo.SizeInMiB).
  // 3. Ordene-os como descrito acima e devolva o primeiro InstanceType.
  void ec2;
  void needs;
  return 't2.micro';
}
