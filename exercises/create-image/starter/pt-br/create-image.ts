import { type Ec2Api, waitUntilImageAvailable, waitUntilInstanceRunning } from 'mini-ec2';

/**
 * Transforme a instância configurada `instanceId` em uma AMI, para que o próximo servidor comece com a mesma
 * configuração em vez de ser configurado à mão de novo. Devolva o ID da nova imagem quando ela estiver disponível.
 *
 * - A instância pode ainda estar iniciando (pending): o EC2 só cria imagens de instâncias em execução ou paradas.
 * - `baseName` é como a equipe chama a imagem; ele pode ter caracteres que nomes de AMI não aceitam, e
 *   nomes de AMI precisam ser únicos na conta e na região; então monte a partir dele um nome válido e novo.
 */
export async function createGoldenImage(ec2: Ec2Api, instanceId: string, baseName: string): Promise<string> {
  // 1. Espere até a instância estar running (waitUntilInstanceRunning).
  // 2. Monte um nome válido e único: nomes de AMI aceitam letras, dígitos, espaços e ( ) [ ] . / - ' @ _
  // 3. const { ImageId } = await ec2.createImage({ InstanceId: instanceId, Name: name })
  // 4. Espere até a imagem estar available (waitUntilImageAvailable) e devolva o ID dela.
  void waitUntilImageAvailable;
  void waitUntilInstanceRunning;
  void ec2;
  void instanceId;
  void baseName;
  return '';
}
