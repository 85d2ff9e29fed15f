import type { Ec2Api, IpPermission } from 'mini-ec2';

/** What the cat photo web server needs from its firewall. */
export interface FirewallSpec {
  vpcId: string; // the app's VPC: groups with the same name may exist in other VPCs
  groupName: string; // the web server's security group, by name
  ownerAddress: string; // the one public IPv4 address allowed to log in with SSH, e.g. '198.51.100.23'
}

/** HTTP from anywhere, SSH from the owner only, nothing else inbound; outbound left as it is. */
export async function openWebServer(ec2: Ec2Api, spec: FirewallSpec): Promise<void> {
  const { SecurityGroups = [] } = await ec2.describeSecurityGroups({
    Filters: [
      { Name: 'group-name', Values: [spec.groupName] },
      { Name: 'vpc-id', Values: [spec.vpcId] },
    ],
  });
  const groupId = SecurityGroups[0]?.GroupId;
  if (!groupId) throw new Error(`No group ${spec.groupName} in ${spec.vpcId}`);

  // Start from a clean slate inbound: whatever was there (the colleague's SSH-from-anywhere rule) goes.
  const { SecurityGroupRules = [] } = await ec2.describeSecurityGroupRules({ Filters: [{ Name: 'group-id', Values: [groupId] }] });
  const inbound = SecurityGroupRules.filter((rule) => !rule.IsEgress).map((rule) => rule.SecurityGroupRuleId!);
  if (inbound.length > 0) await ec2.revokeSecurityGroupIngress({ GroupId: groupId, SecurityGroupRuleIds: inbound });

  const web: IpPermission[] = [
    { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'HTTP from anywhere' }] },
    { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: `${spec.ownerAddress}/32`, Description: 'SSH from the owner' }] },
  ];
  await ec2.authorizeSecurityGroupIngress({ GroupId: groupId, IpPermissions: web });
}
