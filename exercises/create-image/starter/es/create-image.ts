import { type Ec2Api, waitUntilImageAvailable, waitUntilInstanceRunning } from 'mini-ec2';

/**
 * Convierte la instancia configurada `instanceId` en una AMI, para que el próximo servidor empiece con la misma
 * configuración en lugar de configurarse a mano otra vez. Devuelve el ID de la nueva imagen cuando esté disponible.
 *
 * - La instancia puede estar iniciando todavía (pending): EC2 solo crea imágenes de instancias en ejecución o detenidas.
 * - `baseName` es como el equipo llama a la imagen; puede tener caracteres que los nombres de AMI no admiten, y
 *   los nombres de AMI deben ser únicos en la cuenta y la región; así que arma a partir de él un nombre válido y nuevo.
 */
export async function createGoldenImage(ec2: Ec2Api, instanceId: string, baseName: string): Promise<string> {
  // 1. Espera a que la instancia esté en running (waitUntilInstanceRunning).
  // 2. Arma un nombre válido y único: los nombres de AMI admiten letras, dígitos, espacios y ( ) [ ] . / - ' @ _
  // 3. const { ImageId } = await ec2.createImage({ InstanceId: instanceId, Name: name })
  // 4. Espera a que la imagen esté en available (waitUntilImageAvailable) y devuelve su ID.
  void waitUntilImageAvailable;
  void waitUntilInstanceRunning;
  void ec2;
  void instanceId;
  void baseName;
  return '';
}
