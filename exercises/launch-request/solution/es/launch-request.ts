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
  const groups = await ec2.describeSecurityGroups({ Filters: [{ Name: 'group-name', Values: [spec.securityGroupName] }] });
  const groupId = groups.SecurityGroups?.[0]?.GroupId;
  if (!groupId) throw new Error(`no security group named ${spec.securityGroupName}`);

  const subnets = await ec2.describeSubnets({
    Filters: [
      { Name: 'availability-zone', Values: [spec.availabilityZone] },
      { Name: 'default-for-az', Values: ['true'] },
    ],
  });
  const subnetId = subnets.Subnets?.[0]?.SubnetId;
  if (!subnetId) throw new Error(`no default subnet in ${spec.availabilityZone}`);

  const images = await ec2.describeImages({ ImageIds: [spec.imageId] });
  const rootDevice = images.Images?.[0]?.RootDeviceName;

  return {
    ImageId: spec.imageId,
    InstanceType: spec.instanceType,
    MinCount: 1,
    MaxCount: 1,
    KeyName: spec.keyName,
    SecurityGroupIds: [groupId],
    SubnetId: subnetId,
    BlockDeviceMappings: [
      { DeviceName: rootDevice, Ebs: { VolumeSize: spec.rootVolumeGiB, VolumeType: 'gp3', DeleteOnTermination: true } },
    ],
  };
}
