import type { Ec2Api } from 'mini-ec2';

/** Lo que el servidor web de la app de fotos de gatos necesita de su firewall. */
export interface FirewallSpec {
  vpcId: string; // la VPC de la app: pueden existir grupos con el mismo nombre en otras VPC
  groupName: string; // el grupo de seguridad del servidor web, por nombre
  ownerAddress: string; // la única dirección IPv4 pública que puede iniciar sesión con SSH, por ejemplo, '198.51.100.23'
}

/**
 * Abre en su grupo de seguridad exactamente lo que necesita el servidor web, y nada más:
 * - HTTP (puerto TCP 80) desde cualquier lugar (0.0.0.0/0);
 * - SSH (puerto TCP 22) solo desde la dirección del dueño (una dirección es el bloque `<dirección>/32`);
 * - ninguna otra regla de entrada (un colega dejó una: encuéntrala y elimínala);
 * - deja la regla de salida (egress) como está.
 */
export async function openWebServer(ec2: Ec2Api, spec: FirewallSpec): Promise<void> {
  // 1. El ID del grupo: ec2.describeSecurityGroups({ Filters: [group-name, vpc-id] })
  // 2. Sus reglas: ec2.describeSecurityGroupRules({ Filters: [{ Name: 'group-id', Values: [groupId] }] })
  // 3. Elimina las reglas de entrada que no quieres: ec2.revokeSecurityGroupIngress({ GroupId, SecurityGroupRuleIds })
  // 4. Agrega las dos reglas: ec2.authorizeSecurityGroupIngress({ GroupId, IpPermissions: [...] })
  void ec2;
  void spec;
}
