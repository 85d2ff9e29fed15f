import type { Ec2Api, IpPermission } from 'mini-ec2';

/** O que o servidor web do app de fotos de gatos precisa do firewall dele. */
export interface FirewallSpec {
  vpcId: string; // a VPC do app: grupos com o mesmo nome podem existir em outras VPCs
  groupName: string; // o grupo de segurança do servidor web, pelo nome
  ownerAddress: string; // o único endereço IPv4 público que pode entrar com SSH, por exemplo, '198.51.100.23'
}

/** HTTP de qualquer lugar, SSH só do dono, mais nada na entrada; a saída fica como está. */
export async function openWebServer(ec2: Ec2Api, spec: FirewallSpec): Promise<void> {
  const { SecurityGroups = [] } = await ec2.describeSecurityGroups({
    Filters: [
      { Name: 'group-name', Values: [spec.groupName] },
      { Name: 'vpc-id', Values: [spec.vpcId] },
    ],
  });
  const groupId = SecurityGroups[0]?.GroupId;
  if (!groupId) throw new Error(`No group ${spec.groupName} in ${spec.vpcId}`);

  // Comece a entrada do zero: o que estava lá (a regra do colega de SSH de qualquer lugar) sai.
  const { SecurityGroupRules = [] } = await ec2.describeSecurityGroupRules({ Filters: [{ Name: 'group-id', Values: [groupId] }] });
  const inbound = SecurityGroupRules.filter((rule) => !rule.IsEgress).map((rule) => rule.SecurityGroupRuleId!);
  if (inbound.length > 0) await ec2.revokeSecurityGroupIngress({ GroupId: groupId, SecurityGroupRuleIds: inbound });

  const web: IpPermission[] = [
    { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'HTTP from anywhere' }] },
    { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: `${spec.ownerAddress}/32`, Description: 'SSH from the owner' }] },
  ];
  await ec2.authorizeSecurityGroupIngress({ GroupId: groupId, IpPermissions: web });
}
