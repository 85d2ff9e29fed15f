import type { Ec2Api } from 'mini-ec2';

/** What the cat photo web server needs from its firewall. */
export interface FirewallSpec {
  vpcId: string; // the app's VPC: groups with the same name may exist in other VPCs
  groupName: string; // the web server's security group, by name
  ownerAddress: string; // the one public IPv4 address allowed to log in with SSH, e.g. '198.51.100.23'
}

/**
 * Open exactly what the web server needs in its security group, and nothing else:
 * - HTTP (TCP port 80) from anywhere (0.0.0.0/0);
 * - SSH (TCP port 22) from the owner's address only (one address is the block `<address>/32`);
 * - no other inbound rule (a colleague left one: find it and remove it);
 * - leave the outbound (egress) rule as it is.
 */
export async function openWebServer(ec2: Ec2Api, spec: FirewallSpec): Promise<void> {
  // 1. The group's ID: ec2.describeSecurityGroups({ Filters: [group-name, vpc-id] })
  // 2. Its rules: ec2.describeSecurityGroupRules({ Filters: [{ Name: 'group-id', Values: [groupId] }] })
  // 3. Remove inbound rules you do not want: ec2.revokeSecurityGroupIngress({ GroupId, SecurityGroupRuleIds })
  // 4. Add the two rules: ec2.authorizeSecurityGroupIngress({ GroupId, IpPermissions: [...] })
  void ec2;
  void spec;
}
