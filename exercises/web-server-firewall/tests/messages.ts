// The web-server-firewall tests' failure messages in every language of the course; the test file picks one with
// inLanguage(messages). `satisfies Messages` keeps the three tables' keys and values the same.
import type { Localized } from '../../_kit/lang.ts';

const en = {
  http: 'Visitors reach the site on port 80: add an inbound rule for TCP 80 from 0.0.0.0/0 (IpPermissions with IpRanges: [{ CidrIp: "0.0.0.0/0" }]).',
  sshWorld: 'SSH is still open to the whole internet: anyone can try to log in. Revoke that rule (revokeSecurityGroupIngress, by its SecurityGroupRuleId).',
  sshOwner: ({ owner }: { owner: string }) => `Only the owner's address may reach port 22: one rule, TCP 22-22 from ${owner}/32 (a single address is a /32 block).`,
  extra: 'These inbound rules open more than the web server needs: remove them.',
  egress: 'The outbound (egress) rules should not change: the server still needs to reach the internet for updates.',
  otherGroup: 'Another security group changed: filter by group-name AND vpc-id, a group with the same name lives in the default VPC.',
  allTraffic: ({ peer }: { peer: string }) => `all traffic from ${peer}`,
  rule: ({ protocol, from, to, peer }: { protocol?: string; from?: number; to?: number; peer: string }) => `${protocol} ${from}-${to} from ${peer}`,
};

type Messages = typeof en;

const ptBr = {
  http: 'Os visitantes chegam ao site pela porta 80: adicione uma regra de entrada para TCP 80 a partir de 0.0.0.0/0 (IpPermissions com IpRanges: [{ CidrIp: "0.0.0.0/0" }]).',
  sshWorld: 'O SSH continua aberto para a internet inteira: qualquer um pode tentar entrar. Revogue essa regra (revokeSecurityGroupIngress, pelo SecurityGroupRuleId dela).',
  sshOwner: ({ owner }) => `Só o endereço do dono pode chegar à porta 22: uma regra, TCP 22-22 a partir de ${owner}/32 (um único endereço é um bloco /32).`,
  extra: 'Estas regras de entrada abrem mais do que o servidor web precisa: remova-as.',
  egress: 'As regras de saída (egress) não deveriam mudar: o servidor ainda precisa chegar à internet para se atualizar.',
  otherGroup: 'Outro grupo de segurança mudou: filtre por group-name E vpc-id; um grupo com o mesmo nome está na VPC padrão.',
  allTraffic: ({ peer }) => `todo o tráfego a partir de ${peer}`,
  rule: ({ protocol, from, to, peer }) => `${protocol} ${from}-${to} a partir de ${peer}`,
} satisfies Messages;

const es = {
  http: 'Los visitantes llegan al sitio por el puerto 80: agrega una regla de entrada para TCP 80 desde 0.0.0.0/0 (IpPermissions con IpRanges: [{ CidrIp: "0.0.0.0/0" }]).',
  sshWorld: 'SSH sigue abierto a todo internet: cualquiera puede intentar iniciar sesión. Revoca esa regla (revokeSecurityGroupIngress, por su SecurityGroupRuleId).',
  sshOwner: ({ owner }) => `Solo la dirección del dueño puede llegar al puerto 22: una regla, TCP 22-22 desde ${owner}/32 (una sola dirección es un bloque /32).`,
  extra: 'Estas reglas de entrada abren más de lo que necesita el servidor web: elimínalas.',
  egress: 'Las reglas de salida (egress) no deberían cambiar: el servidor todavía necesita llegar a internet para actualizarse.',
  otherGroup: 'Cambió otro grupo de seguridad: filtra por group-name Y vpc-id; un grupo con el mismo nombre está en la VPC predeterminada.',
  allTraffic: ({ peer }) => `todo el tráfico desde ${peer}`,
  rule: ({ protocol, from, to, peer }) => `${protocol} ${from}-${to} desde ${peer}`,
} satisfies Messages;

export const messages: Localized<Messages> = { en, 'pt-br': ptBr, es };
