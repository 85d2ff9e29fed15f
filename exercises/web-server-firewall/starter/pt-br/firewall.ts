import type { Ec2Api } from 'mini-ec2';

/** O que o servidor web do app de fotos de gatos precisa do firewall dele. */
export interface FirewallSpec {
  vpcId: string; // a VPC do app: grupos com o mesmo nome podem existir em outras VPCs
  groupName: string; // o grupo de segurança do servidor web, pelo nome
  ownerAddress: string; // o único endereço IPv4 público que pode entrar com SSH, por exemplo, '198.51.100.23'
}

/**
 * Abra no grupo de segurança exatamente o que o servidor web precisa, e nada mais:
 * - HTTP (porta TCP 80) de qualquer lugar (0.0.0.0/0);
 * - SSH (porta TCP 22) só do endereço do dono (um endereço é o bloco `<endereço>/32`);
 * - nenhuma outra regra de entrada (um colega deixou uma: encontre-a e remova-a);
 * - deixe a regra de saída (egress) como está.
 */
export async function openWebServer(ec2: Ec2Api, spec: FirewallSpec): Promise<void> {
  // 1. O ID do grupo: ec2.describeSecurityGroups({ Filters: [group-name, vpc-id] })
  // 2. As regras dele: ec2.describeSecurityGroupRules({ Filters: [{ Name: 'group-id', Values: [groupId] }] })
  // 3. Remova as regras de entrada que você não quer: ec2.revokeSecurityGroupIngress({ GroupId, SecurityGroupRuleIds })
  // 4. Adicione as duas regras: ec2.authorizeSecurityGroupIngress({ GroupId, IpPermissions: [...] })
  void ec2;
  void spec;
}
