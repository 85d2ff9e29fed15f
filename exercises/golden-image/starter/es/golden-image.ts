import { type Ec2Api, type SsmApi, waitUntilImageAvailable, waitUntilInstanceRunning, waitUntilInstanceTerminated } from 'mini-ec2';

/** La app de fotos de gatos está creciendo: prepara una imagen dorada y sirve desde clones idénticos. */
export interface FleetPlan {
  baseImageParameter: string; // el parámetro público de SSM que indica la AMI n.º 1, por ejemplo, el Amazon Linux 2023 más reciente
  instanceType: string;
  keyName: string;
  securityGroupId: string;
  setupScript: string; // los datos de usuario que instalan e inician el servidor web en el primer arranque de la constructora
  builderTags: Record<string, string>; // etiquetas de la constructora, por ejemplo, { Name: 'cat-photos-builder', Role: 'builder' }
  imageName: string; // un nombre de AMI válido y sin usar
  templateName: string; // la plantilla de lanzamiento que guarda la configuración de lanzamiento de los clones
  cloneCount: number; // cuántos servidores web ejecutar desde la imagen dorada
  cloneTags: Record<string, string>; // etiquetas de cada clon, por ejemplo, { Name: 'cat-photos-web', app: 'cat-photos' }
}

export interface Fleet {
  imageId: string; // AMI n.º 2, la imagen dorada
  launchTemplateId: string; // la plantilla de lanzamiento de los clones
  instanceIds: string[]; // los clones
}

/**
 * 1. Encuentra la imagen base (AMI n.º 1): lee `plan.baseImageParameter` con `ssm.getParameter`.
 * 2. Lanza UNA constructora desde ella, con el script de configuración como datos de usuario y las etiquetas de la constructora; espera a que
 *    funcione (sus datos de usuario ya se ejecutaron entonces en su primer arranque).
 * 3. Crea la imagen dorada desde la constructora; espera a que esté disponible. La imagen guarda el disco
 *    de la constructora, con el servidor web en él, y nada de su configuración de lanzamiento.
 * 4. Crea la plantilla de lanzamiento `plan.templateName`: la imagen dorada, el tipo, el par de claves y el grupo
 *    de seguridad, y `cloneTags` para las instancias (sin datos de usuario: el software ya está en el disco).
 * 5. Lanza `cloneCount` clones desde la plantilla; espera a que funcionen.
 * 6. Limpia: termina la constructora. Devuelve el ID de la imagen, el ID de la plantilla y los ID de los clones.
 */
export async function buildWebFleet(ec2: Ec2Api, ssm: SsmApi, plan: FleetPlan): Promise<Fleet> {
  void ec2;
  void ssm;
  void plan;
  void waitUntilImageAvailable;
  void waitUntilInstanceRunning;
  void waitUntilInstanceTerminated;
  return { imageId: '', launchTemplateId: '', instanceIds: [] };
}
