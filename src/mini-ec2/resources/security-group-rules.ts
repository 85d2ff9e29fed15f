/** Security group rules: AuthorizeSecurityGroupIngress and how rules are shown as IpPermissions. */
import type { Ctx } from '../context.ts';
import { Errors } from '../errors.ts';
import { isWellFormedId } from '../ids.ts';
import type { RuleRecord, SecurityGroupRecord } from '../state.ts';
import type { AuthorizeSecurityGroupIngressRequest, IpPermission, SecurityGroupRule } from '../sdk-shapes.ts';
import { tagsByResourceType } from '../input-parser.ts';
import { tagsOut } from './tags.ts';
import { defaultVpc } from './vpcs.ts';

const CIDR_V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
function checkCidr(cidr: string): void {
  const m = CIDR_V4.exec(cidr);
  if (!m || m.slice(1, 5).some((o) => Number(o) > 255) || Number(m[5]) > 32) {
    throw Errors.invalidParameterValue(`CIDR block ${cidr.slice(0, 64)} is malformed`);
  }
}

const PROTOCOLS: Record<string, string> = { tcp: 'tcp', udp: 'udp', icmp: 'icmp', '-1': '-1', all: '-1', '6': 'tcp', '17': 'udp', '1': 'icmp' };

/** Normalises one IpPermission into rules (one per CIDR / source group). */
function rulesFrom(ctx: Ctx, perm: IpPermission): Omit<RuleRecord, 'id'>[] {
  const protocol = PROTOCOLS[(perm.IpProtocol ?? '').toLowerCase()];
  if (protocol === undefined) {
    if (perm.IpProtocol === undefined) throw Errors.missingParameter('IpPermissions.IpProtocol');
    throw Errors.invalidParameterValue(`Invalid value '${perm.IpProtocol.slice(0, 32)}' for IP protocol. Unknown protocol.`);
  }
  let fromPort: number | undefined;
  let toPort: number | undefined;
  if (protocol === 'tcp' || protocol === 'udp') {
    if (perm.FromPort === undefined || perm.ToPort === undefined) throw Errors.invalidParameterValue('Invalid value for portRange. Must specify both from and to ports with TCP/UDP.');
    if (perm.FromPort < 0 || perm.ToPort > 65535 || perm.FromPort > perm.ToPort) {
      throw Errors.invalidParameterValue(`Invalid value for portRange. Port range (${perm.FromPort}-${perm.ToPort}) is not valid.`);
    }
    fromPort = perm.FromPort;
    toPort = perm.ToPort;
  } else if (protocol === 'icmp') {
    fromPort = perm.FromPort ?? -1;
    toPort = perm.ToPort ?? -1;
  }
  const rules: Omit<RuleRecord, 'id'>[] = [];
  for (const r of perm.IpRanges ?? []) {
    if (r.CidrIp === undefined) throw Errors.missingParameter('IpRanges.CidrIp');
    checkCidr(r.CidrIp);
    rules.push({ protocol, fromPort, toPort, cidr: r.CidrIp, ...(r.Description !== undefined ? { description: r.Description } : {}) });
  }
  for (const r of perm.Ipv6Ranges ?? []) {
    if (r.CidrIpv6 === undefined || !/^[0-9a-fA-F:]+\/\d{1,3}$/.test(r.CidrIpv6)) throw Errors.invalidParameterValue(`CIDR block ${r.CidrIpv6 ?? ''} is malformed`);
    rules.push({ protocol, fromPort, toPort, cidrV6: r.CidrIpv6, ...(r.Description !== undefined ? { description: r.Description } : {}) });
  }
  for (const p of perm.UserIdGroupPairs ?? []) {
    const gid = p.GroupId;
    if (gid === undefined) throw Errors.missingParameter('UserIdGroupPairs.GroupId');
    if (!isWellFormedId(gid, 'sg')) throw Errors.groupMalformed(gid);
    if (!ctx.region.securityGroups[gid]) throw Errors.groupNotFound(gid);
    rules.push({ protocol, fromPort, toPort, sourceGroupId: gid, ...(p.Description !== undefined ? { description: p.Description } : {}) });
  }
  if (rules.length === 0) throw Errors.missingParameter('IpPermissions.IpRanges');
  return rules;
}

const ruleKey = (r: Omit<RuleRecord, 'id' | 'description'>) => [r.protocol, r.fromPort, r.toPort, r.cidr, r.cidrV6, r.sourceGroupId].join('|');

export function authorizeSecurityGroupIngress(ctx: Ctx, input: AuthorizeSecurityGroupIngressRequest, dryRun: boolean) {
  let group: SecurityGroupRecord | undefined;
  if (input.GroupId !== undefined) {
    if (!isWellFormedId(input.GroupId, 'sg')) throw Errors.groupMalformed(input.GroupId);
    group = ctx.region.securityGroups[input.GroupId];
    if (!group) throw Errors.groupNotFound(input.GroupId);
  } else if (input.GroupName !== undefined) {
    const vpcId = defaultVpc(ctx.region).id;
    group = Object.values(ctx.region.securityGroups).find((g) => g.name === input.GroupName && g.vpcId === vpcId);
    if (!group) throw Errors.groupNotFound(input.GroupName);
  } else {
    throw Errors.missingParameter('GroupId');
  }
  const perms: IpPermission[] = [...(input.IpPermissions ?? [])];
  if (input.CidrIp !== undefined || input.IpProtocol !== undefined) {
    perms.push({ IpProtocol: input.IpProtocol, FromPort: input.FromPort, ToPort: input.ToPort, IpRanges: input.CidrIp !== undefined ? [{ CidrIp: input.CidrIp }] : [] });
  }
  if (perms.length === 0) throw Errors.missingParameter('IpPermissions');
  const fresh = perms.flatMap((p) => rulesFrom(ctx, p));
  const existing = new Set(group.ingress.map(ruleKey));
  for (const r of fresh) {
    const key = ruleKey(r);
    if (existing.has(key)) throw Errors.permissionDuplicate(group.id, `peer: ${r.cidr ?? r.cidrV6 ?? r.sourceGroupId}, ${r.protocol.toUpperCase()}, from port: ${r.fromPort ?? ''}, to port: ${r.toPort ?? ''}, ALLOW`);
    existing.add(key);
  }
  const ruleTags = tagsByResourceType(input.TagSpecifications, ['security-group-rule'])['security-group-rule'] ?? [];
  if (dryRun) throw Errors.dryRun();
  const added = fresh.map((r) => ({ ...r, id: ctx.newId('sgr') }));
  group.ingress.push(...added);
  ctx.emit({ type: 'security-group-rule-added', resourceId: group.id, groupId: group.id, ruleIds: added.map((r) => r.id) });
  const g = group;
  return {
    Return: true,
    SecurityGroupRules: added.map(
      (r): SecurityGroupRule => ({
        SecurityGroupRuleId: r.id,
        GroupId: g.id,
        GroupOwnerId: ctx.accountId,
        IsEgress: false,
        IpProtocol: r.protocol,
        FromPort: r.fromPort ?? -1,
        ToPort: r.toPort ?? -1,
        ...(r.cidr !== undefined ? { CidrIpv4: r.cidr } : {}),
        ...(r.description !== undefined ? { Description: r.description } : {}),
        ...(ruleTags.length ? { Tags: tagsOut(ruleTags) } : {}),
        SecurityGroupRuleArn: `arn:aws:ec2:${ctx.regionName}:${ctx.accountId}:security-group-rule/${r.id}`,
      }),
    ),
  };
}

/** Rules grouped the way DescribeSecurityGroups shows them: one IpPermission per protocol/port range. */
export function permissionsOut(rules: readonly RuleRecord[], accountId: string): IpPermission[] {
  const byRange = new Map<string, IpPermission>();
  for (const r of rules) {
    const key = `${r.protocol}|${r.fromPort}|${r.toPort}`;
    let p = byRange.get(key);
    if (!p) {
      p = { IpProtocol: r.protocol, IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] };
      if (r.fromPort !== undefined) p.FromPort = r.fromPort;
      if (r.toPort !== undefined) p.ToPort = r.toPort;
      byRange.set(key, p);
    }
    const desc = r.description !== undefined ? { Description: r.description } : {};
    if (r.cidr !== undefined) p.IpRanges!.push({ CidrIp: r.cidr, ...desc });
    if (r.cidrV6 !== undefined) p.Ipv6Ranges!.push({ CidrIpv6: r.cidrV6, ...desc });
    if (r.sourceGroupId !== undefined) p.UserIdGroupPairs!.push({ GroupId: r.sourceGroupId, UserId: accountId, ...desc });
  }
  return [...byRange.values()];
}
