import type { Ec2Api, RunInstancesRequest } from 'mini-ec2';

/** Un servidor como lo describe el equipo: algunas elecciones por nombre, como la gente habla de ellas. */
export interface ServerSpec {
  imageId: string; // la AMI: el sistema operativo viene con ella
  instanceType: string; // hardware: vCPU y memoria
  keyName: string; // autenticación: el par de claves para SSH
  securityGroupName: string; // reglas de firewall, por NOMBRE (la solicitud necesita el ID del grupo)
  availabilityZone: string; // ubicación en la red, por ejemplo, 'us-east-1b' (la solicitud necesita un ID de subred)
  rootVolumeGiB: number; // almacenamiento: tamaño del volumen raíz, en GiB
}

/**
 * Arma (¡no la envíes!) una solicitud RunInstances completa para UNA instancia según la especificación. Busca los
 * ID que EC2 necesita: el ID del grupo de seguridad, la subred predeterminada de la zona y el nombre del dispositivo raíz de la imagen.
 */
export async function buildLaunchRequest(ec2: Ec2Api, spec: ServerSpec): Promise<RunInstancesRequest> {
  // 1. ID del grupo de seguridad: ec2.describeSecurityGroups({ Filters: [{ Name: 'group-name', Values: [...] }] })
  // 2. ID de la subred: ec2.describeSubnets({ Filters: [{ Name: 'availability-zone', Values: [...] }, { Name: 'default-for-az', Values: ['true'] }] })
  // 3. Dispositivo raíz: ec2.describeImages({ ImageIds: [...] }) -> RootDeviceName
  // 4. Devuelve { ImageId, InstanceType, MinCount: 1, MaxCount: 1, KeyName, SecurityGroupIds, SubnetId, BlockDeviceMappings }
  void ec2;
  void spec;
  return { MinCount: 1, MaxCount: 1 };
}
