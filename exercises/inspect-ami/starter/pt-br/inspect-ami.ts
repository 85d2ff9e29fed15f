import type { Ec2Api } from 'mini-ec2';

/** O que uma AMI define antes de existir qualquer instância. */
export interface AmiReport {
  architecture: string; // 'x86_64' ou 'arm64'
  platform: 'linux' | 'windows'; // a família do sistema operacional que vem dentro da imagem
  rootDeviceName: string; // por exemplo, '/dev/xvda': o dispositivo a partir do qual a instância inicializa
  rootVolumeGiB: number; // tamanho do volume raiz que a imagem mapeia nesse dispositivo
  rootVolumeType: string; // por exemplo, 'gp3'
  compatibleType: string; // o primeiro de `candidateTypes` capaz de rodar esta imagem
}

/**
 * Leia a AMI `imageId` e informe o que ela contém, mais o primeiro tipo de instância de `candidateTypes`
 * cujo processador suporta a arquitetura da imagem. Deixe os erros do EC2 (uma imagem desconhecida...) chegarem a quem chamou.
 */
export async function inspectAmi(ec2: Ec2Api, imageId: string, candidateTypes: string[]): Promise<AmiReport> {
  // 1. const { Images } = await ec2.describeImages({ ImageIds: [imageId] })
  // 2. O volume raiz é o mapeamento de dispositivos de blocos cujo DeviceName é igual ao RootDeviceName da imagem.
  // 3. await ec2.describeInstanceTypes({ InstanceTypes: candidateTypes }) diz quais arquiteturas cada tipo suporta.
  void ec2;
  void imageId;
  return { architecture: '', platform: 'linux', rootDeviceName: '', rootVolumeGiB: 0, rootVolumeType: '', compatibleType: candidateTypes[0] ?? '' };
}
