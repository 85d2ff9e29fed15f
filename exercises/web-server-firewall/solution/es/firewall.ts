import type { Ec2Api, IpPermission } from 'mini-ec2';

/** Lo que el servidor web de la app de fotos de gatos necesita de su firewall. */
export interface FirewallSpec {
  vpcId: string; // la VPC de la app: pueden existir grupos con el mismo nombre en otras VPC
  groupName: string; // el grupo de seguridad del servidor web, por nombre
  ownerAddress: string; // la única dirección IPv4 pública que puede iniciar sesión con SSH, por ejemplo, '198.51.100.23'
}

/** HTTP desde cualquier lugar, SSH solo desde el dueño, nada más de entrada; la salida queda como está. */
export async function openWebServer(ec2: Ec2Api, spec: FirewallSpec): Promise<void> {
  const { SecurityGroups = [] } = await ec2.describeSecurityGroups({
    Filters: [
      { Name: 'group-name', Values: [spec.groupName] },
      { Name: 'vpc-id', Values: [spec.vpcId] },
    ],
  });
  const groupId = SecurityGroups[0]?.GroupId;
  if (!groupId) throw new Error(`No group ${spec.groupName} in ${spec.vpcId}`);

  // Empieza la entrada desde cero: lo que había (la regla del colega de SSH desde cualquier lugar) se va.
  const { SecurityGroupRules = [] } = await ec2.describeSecurityGroupRules({ Filters: [{ Name: 'group-id', Values: [groupId] }] });
  const inbound = SecurityGroupRules.filter((rule) => !rule.IsEgress).map((rule) => rule.SecurityGroupRuleId!);
  if (inbound.length > 0) await ec2.revokeSecurityGroupIngress({ GroupId: groupId, SecurityGroupRuleIds: inbound });

  const web: IpPermission[] = [
    { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'HTTP from anywhere' }] },
    { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: `${spec.ownerAddress}/32`, Description: 'SSH from the owner' }] },
  ];
  await ec2.authorizeSecurityGroupIngress({ GroupId: groupId, IpPermissions: web });
}
