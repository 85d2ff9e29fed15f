/**
 * Security group rules: Authorize and Revoke (ingress and egress), DescribeSecurityGroupRules,
 * ModifySecurityGroupRules, and how rules are shown as IpPermissions. A rule allows one protocol and
 * port range from (ingress) or to (egress) one peer: an IPv4 or IPv6 block, or another security group.
 */
import type { Ctx } from '../context.ts';
import { Errors } from '../errors.ts';
import { compileFilters, matchesAll } from '../filters.ts';
import { isWellFormedId } from '../ids.ts';
import type { RegionState, RuleRecord, SecurityGroupRecord, TagRecord } from '../state.ts';
import type {
  DescribeSecurityGroupRulesRequest,
  IpPermission,
  ModifySecurityGroupRulesRequest,
  RevokedSecurityGroupRule,
  SecurityGroupRule,
  SecurityGroupRuleRequest,
  TagSpecification,
} from '../sdk-shapes.ts';
import { paginate, tagsByResourceType } from '../input-parser.ts';
import { tagsOut } from './tags.ts';
import { defaultVpc } from './vpcs.ts';

type Direction = 'ingress' | 'egress';
type NewRule = Omit<RuleRecord, 'id'>;

/** A rule request: its IpPermissions and the older flat form (one CIDR, protocol and port range). */
export interface RuleChangeInput {
  IpPermissions?: IpPermission[];
  CidrIp?: string;
  FromPort?: number;
  ToPort?: number;
  IpProtocol?: string;
}

const CIDR_V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
function checkCidr(cidr: string): void {
  const m = CIDR_V4.exec(cidr);
  if (!m || m.slice(1, 5).some((o) => Number(o) > 255) || Number(m[5]) > 32) {
    throw Errors.invalidParameterValue(`CIDR block ${cidr.slice(0, 64)} is malformed`);
  }
}

const PROTOCOLS: Record<string, string> = { tcp: 'tcp', udp: 'udp', icmp: 'icmp', '-1': '-1', all: '-1', '6': 'tcp', '17': 'udp', '1': 'icmp' };

/** The protocol and port range of a permission, normalised as EC2 stores them. */
function portRange(perm: IpPermission): Pick<NewRule, 'protocol' | 'fromPort' | 'toPort'> {
  const protocol = PROTOCOLS[(perm.IpProtocol ?? '').toLowerCase()];
  if (protocol === undefined) {
    if (perm.IpProtocol === undefined) throw Errors.missingParameter('IpPermissions.IpProtocol');
    throw Errors.invalidParameterValue(`Invalid value '${perm.IpProtocol.slice(0, 32)}' for IP protocol. Unknown protocol.`);
  }
  if (protocol === 'tcp' || protocol === 'udp') {
    if (perm.FromPort === undefined || perm.ToPort === undefined) throw Errors.invalidParameterValue('Invalid value for portRange. Must specify both from and to ports with TCP/UDP.');
    if (perm.FromPort < 0 || perm.ToPort > 65535 || perm.FromPort > perm.ToPort) {
      throw Errors.invalidParameterValue(`Invalid value for portRange. Port range (${perm.FromPort}-${perm.ToPort}) is not valid.`);
    }
    return { protocol, fromPort: perm.FromPort, toPort: perm.ToPort };
  }
  if (protocol === 'icmp') return { protocol, fromPort: perm.FromPort ?? -1, toPort: perm.ToPort ?? -1 };
  return { protocol };
}

/** Normalises one IpPermission into rules (one per CIDR / peer group). */
function rulesFrom(ctx: Ctx, perm: IpPermission): NewRule[] {
  const range = portRange(perm);
  const described = (d: string | undefined) => (d !== undefined ? { description: d } : {});
  const rules: NewRule[] = [];
  for (const r of perm.IpRanges ?? []) {
    if (r.CidrIp === undefined) throw Errors.missingParameter('IpRanges.CidrIp');
    checkCidr(r.CidrIp);
    rules.push({ ...range, cidr: r.CidrIp, ...described(r.Description) });
  }
  for (const r of perm.Ipv6Ranges ?? []) {
    if (r.CidrIpv6 === undefined || !/^[0-9a-fA-F:]+\/\d{1,3}$/.test(r.CidrIpv6)) throw Errors.invalidParameterValue(`CIDR block ${r.CidrIpv6 ?? ''} is malformed`);
    rules.push({ ...range, cidrV6: r.CidrIpv6, ...described(r.Description) });
  }
  for (const p of perm.UserIdGroupPairs ?? []) {
    const gid = p.GroupId;
    if (gid === undefined) throw Errors.missingParameter('UserIdGroupPairs.GroupId');
    if (!isWellFormedId(gid, 'sg')) throw Errors.groupMalformed(gid);
    if (!ctx.region.securityGroups[gid]) throw Errors.groupNotFound(gid);
    rules.push({ ...range, sourceGroupId: gid, ...described(p.Description) });
  }
  if ((perm.PrefixListIds ?? []).length > 0) throw Errors.unsupported('mini-EC2 does not model prefix lists (PrefixListIds).');
  if (rules.length === 0) throw Errors.missingParameter('IpPermissions.IpRanges');
  return rules;
}

/** The rules a request names, from IpPermissions and the flat form together. */
function requestedRules(ctx: Ctx, input: RuleChangeInput): NewRule[] {
  const perms: IpPermission[] = [...(input.IpPermissions ?? [])];
  if (input.CidrIp !== undefined || input.IpProtocol !== undefined) {
    perms.push({ IpProtocol: input.IpProtocol, FromPort: input.FromPort, ToPort: input.ToPort, IpRanges: input.CidrIp !== undefined ? [{ CidrIp: input.CidrIp }] : [] });
  }
  if (perms.length === 0) throw Errors.missingParameter('IpPermissions');
  return perms.flatMap((p) => rulesFrom(ctx, p));
}

/** Two rules are the same rule when protocol, ports and peer match; the description does not count. */
const ruleKey = (r: NewRule) => [r.protocol, r.fromPort, r.toPort, r.cidr, r.cidrV6, r.sourceGroupId].join('|');

/** A rule as EC2's InvalidPermission.Duplicate message words it. */
function ruleWording(r: NewRule): string {
  const peer = `peer: ${r.cidr ?? r.cidrV6 ?? r.sourceGroupId}`;
  if (r.protocol === '-1') return `${peer}, ALL, ALLOW`;
  return `${peer}, ${r.protocol.toUpperCase()}, from port: ${r.fromPort}, to port: ${r.toPort}, ALLOW`;
}

/** Fails on the first rule that exists already (or twice in the request), skipping the rule `except`. */
function checkNoDuplicates(existing: readonly RuleRecord[], fresh: readonly NewRule[], except?: string): void {
  const seen = new Set(existing.filter((r) => r.id !== except).map(ruleKey));
  for (const r of fresh) {
    const key = ruleKey(r);
    if (seen.has(key)) throw Errors.permissionDuplicate(ruleWording(r));
    seen.add(key);
  }
}

function ruleArn(ctx: Ctx, id: string): string {
  return `arn:aws:ec2:${ctx.regionName}:${ctx.accountId}:security-group-rule/${id}`;
}

/** The fields a rule shows both in DescribeSecurityGroupRules and when revoked. */
function ruleFields(group: SecurityGroupRecord, r: RuleRecord, direction: Direction) {
  return {
    SecurityGroupRuleId: r.id,
    GroupId: group.id,
    IsEgress: direction === 'egress',
    IpProtocol: r.protocol,
    FromPort: r.fromPort ?? -1,
    ToPort: r.toPort ?? -1,
    ...(r.cidr !== undefined ? { CidrIpv4: r.cidr } : {}),
    ...(r.cidrV6 !== undefined ? { CidrIpv6: r.cidrV6 } : {}),
    ...(r.description !== undefined ? { Description: r.description } : {}),
  } satisfies SecurityGroupRule & RevokedSecurityGroupRule;
}

/** One rule as DescribeSecurityGroupRules shows it (EC2 API reference, SecurityGroupRule). */
function ruleOut(ctx: Ctx, group: SecurityGroupRecord, r: RuleRecord, direction: Direction): SecurityGroupRule {
  return {
    ...ruleFields(group, r, direction),
    GroupOwnerId: ctx.accountId,
    ...(r.sourceGroupId !== undefined ? { ReferencedGroupInfo: { GroupId: r.sourceGroupId, UserId: ctx.accountId } } : {}),
    ...(r.tags?.length ? { Tags: tagsOut(r.tags) } : {}),
    SecurityGroupRuleArn: ruleArn(ctx, r.id),
  };
}

/** A revoked rule as Revoke* answers it (EC2 API reference, RevokedSecurityGroupRule): the peer group by ID only. */
function revokedOut(group: SecurityGroupRecord, r: RuleRecord, direction: Direction): RevokedSecurityGroupRule {
  return { ...ruleFields(group, r, direction), ...(r.sourceGroupId !== undefined ? { ReferencedGroupId: r.sourceGroupId } : {}) };
}

/** AuthorizeSecurityGroupIngress / Egress: adds every rule of the request, or none when one is a duplicate. */
export function authorizeRules(
  ctx: Ctx,
  direction: Direction,
  input: RuleChangeInput & { GroupId?: string; GroupName?: string; TagSpecifications?: TagSpecification[] },
  dryRun: boolean,
) {
  const group = groupByIdOrName(ctx.region, input.GroupId, direction === 'ingress' ? input.GroupName : undefined);
  const fresh = requestedRules(ctx, input);
  checkNoDuplicates(group[direction], fresh);
  const tags: TagRecord[] = tagsByResourceType(input.TagSpecifications, ['security-group-rule'])['security-group-rule'] ?? [];
  if (dryRun) throw Errors.dryRun();
  const added: RuleRecord[] = fresh.map((r) => ({ ...r, id: ctx.newId('sgr'), ...(tags.length ? { tags: tags.map((t) => ({ ...t })) } : {}) }));
  group[direction].push(...added);
  ctx.emit({ type: 'security-group-rule-added', resourceId: group.id, groupId: group.id, ruleIds: added.map((r) => r.id) });
  return { Return: true, SecurityGroupRules: added.map((r) => ruleOut(ctx, group, r, direction)) };
}

/** The rules of `group` that `ids` name (each must be one of its rules in this direction). */
function rulesById(group: SecurityGroupRecord, direction: Direction, ids: readonly string[]): RuleRecord[] {
  for (const id of ids) if (!isWellFormedId(id, 'sgr')) throw Errors.ruleIdMalformed(id);
  return ids.map((id) => {
    const rule = group[direction].find((r) => r.id === id);
    if (!rule) throw Errors.ruleIdNotFound(id);
    return rule;
  });
}

/**
 * RevokeSecurityGroupIngress / Egress, by rule IDs or by the rules' values (the description does not
 * have to match). EC2 API reference, RevokeSecurityGroupIngress: in a default VPC, values that match no
 * rule are no error and come back in UnknownIpPermissions; in any other VPC they fail the call with
 * InvalidPermission.NotFound and nothing is revoked.
 */
export function revokeRules(
  ctx: Ctx,
  direction: Direction,
  input: RuleChangeInput & { GroupId?: string; GroupName?: string; SecurityGroupRuleIds?: string[] },
  dryRun: boolean,
) {
  const group = groupByIdOrName(ctx.region, input.GroupId, direction === 'ingress' ? input.GroupName : undefined);
  const byValues = input.IpPermissions?.length || input.CidrIp !== undefined || input.IpProtocol !== undefined;
  let revoked: RuleRecord[];
  let unknown: NewRule[] = [];
  if (input.SecurityGroupRuleIds?.length) {
    if (byValues) throw Errors.invalidParameterCombination('Specify either security group rule IDs or IP permissions, not both.');
    revoked = rulesById(group, direction, input.SecurityGroupRuleIds);
  } else {
    const byKey = new Map(group[direction].map((r) => [ruleKey(r), r]));
    const wanted = requestedRules(ctx, input);
    revoked = wanted.flatMap((r) => byKey.get(ruleKey(r)) ?? []);
    unknown = wanted.filter((r) => !byKey.has(ruleKey(r)));
    if (unknown.length > 0 && !ctx.region.vpcs[group.vpcId]?.isDefault) throw Errors.permissionNotFound();
  }
  if (dryRun) throw Errors.dryRun();
  const gone = new Set(revoked.map((r) => r.id));
  group[direction] = group[direction].filter((r) => !gone.has(r.id));
  if (gone.size > 0) ctx.emit({ type: 'security-group-rule-removed', resourceId: group.id, groupId: group.id, ruleIds: [...gone] });
  return {
    Return: true,
    ...(unknown.length ? { UnknownIpPermissions: permissionsOut(unknown, ctx.accountId) } : {}),
    RevokedSecurityGroupRules: [...new Map(revoked.map((r) => [r.id, r])).values()].map((r) => revokedOut(group, r, direction)),
  };
}

type RuleEntry = { group: SecurityGroupRecord; rule: RuleRecord; direction: Direction };

const RULE_FILTERS = {
  'group-id': (e: RuleEntry) => e.group.id,
  'security-group-rule-id': (e: RuleEntry) => e.rule.id,
  'tag-key': (e: RuleEntry) => (e.rule.tags ?? []).map((t) => t.Key),
};

/** DescribeSecurityGroupRules: every rule of the region's groups, ingress first, by ID or filter. */
export function describeSecurityGroupRules(ctx: Ctx, input: DescribeSecurityGroupRulesRequest) {
  const filters = compileFilters<RuleEntry>(input.Filters, RULE_FILTERS, (e) => e.rule.tags);
  let entries: RuleEntry[] = Object.values(ctx.region.securityGroups).flatMap((group) =>
    (['ingress', 'egress'] as const).flatMap((direction) => group[direction].map((rule) => ({ group, rule, direction }))),
  );
  const ids = input.SecurityGroupRuleIds;
  if (ids?.length) {
    for (const id of ids) if (!isWellFormedId(id, 'sgr')) throw Errors.ruleIdMalformed(id);
    const known = new Set(entries.map((e) => e.rule.id));
    for (const id of ids) if (!known.has(id)) throw Errors.ruleIdNotFound(id);
    const wanted = new Set(ids);
    entries = entries.filter((e) => wanted.has(e.rule.id));
  }
  const { page, nextToken } = paginate(entries.filter((e) => matchesAll(e, filters)), input.MaxResults, input.NextToken, [5, 1000]);
  return {
    SecurityGroupRules: page.map((e) => ruleOut(ctx, e.group, e.rule, e.direction)),
    ...(nextToken ? { NextToken: nextToken } : {}),
  };
}

/** A SecurityGroupRuleRequest (ModifySecurityGroupRules) as the one rule it describes. */
function ruleFromRequest(ctx: Ctx, req: SecurityGroupRuleRequest): NewRule {
  const peers = [req.CidrIpv4, req.CidrIpv6, req.ReferencedGroupId, req.PrefixListId].filter((p) => p !== undefined);
  if (peers.length !== 1) {
    throw Errors.invalidParameterCombination('A security group rule needs exactly one of CidrIpv4, CidrIpv6, ReferencedGroupId or PrefixListId.');
  }
  const [rule] = rulesFrom(ctx, {
    IpProtocol: req.IpProtocol,
    FromPort: req.FromPort,
    ToPort: req.ToPort,
    IpRanges: req.CidrIpv4 !== undefined ? [{ CidrIp: req.CidrIpv4, Description: req.Description }] : [],
    Ipv6Ranges: req.CidrIpv6 !== undefined ? [{ CidrIpv6: req.CidrIpv6, Description: req.Description }] : [],
    UserIdGroupPairs: req.ReferencedGroupId !== undefined ? [{ GroupId: req.ReferencedGroupId, Description: req.Description }] : [],
    PrefixListIds: req.PrefixListId !== undefined ? [{ PrefixListId: req.PrefixListId }] : [],
  });
  return rule;
}

/** ModifySecurityGroupRules: replaces rules in place, keeping their IDs and tags; all or nothing. */
export function modifySecurityGroupRules(ctx: Ctx, input: ModifySecurityGroupRulesRequest & { GroupId: string }, dryRun: boolean) {
  const group = groupByIdOrName(ctx.region, input.GroupId, undefined);
  const updates = input.SecurityGroupRules ?? [];
  if (updates.length === 0) throw Errors.missingParameter('SecurityGroupRules');
  const changes = updates.map((u) => {
    const id = u.SecurityGroupRuleId;
    if (id === undefined) throw Errors.missingParameter('SecurityGroupRule.SecurityGroupRuleId');
    if (!isWellFormedId(id, 'sgr')) throw Errors.ruleIdMalformed(id);
    const direction: Direction | undefined = group.ingress.some((r) => r.id === id) ? 'ingress' : group.egress.some((r) => r.id === id) ? 'egress' : undefined;
    if (!direction) throw Errors.ruleIdNotFound(id);
    if (!u.SecurityGroupRule) throw Errors.missingParameter('SecurityGroupRule.SecurityGroupRule');
    const rule = ruleFromRequest(ctx, u.SecurityGroupRule);
    checkNoDuplicates(group[direction], [rule], id);
    return { id, direction, rule };
  });
  if (dryRun) throw Errors.dryRun();
  for (const { id, direction, rule } of changes) {
    const list = group[direction];
    const at = list.findIndex((r) => r.id === id);
    list[at] = { id, ...rule, ...(list[at].tags ? { tags: list[at].tags } : {}) };
  }
  ctx.emit({ type: 'security-group-rule-modified', resourceId: group.id, groupId: group.id, ruleIds: changes.map((c) => c.id) });
  return { Return: true };
}

/** Rules grouped the way DescribeSecurityGroups shows them: one IpPermission per protocol/port range. */
export function permissionsOut(rules: readonly NewRule[], accountId: string): IpPermission[] {
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

/** The group a rule call names: by GroupId, or by GroupName in the default VPC only (as in EC2). */
export function groupByIdOrName(region: RegionState, id: string | undefined, name: string | undefined): SecurityGroupRecord {
  if (id !== undefined) {
    if (!isWellFormedId(id, 'sg')) throw Errors.groupMalformed(id);
    const group = region.securityGroups[id];
    if (!group) throw Errors.groupNotFound(id);
    return group;
  }
  if (name === undefined) throw Errors.missingParameter('GroupId');
  const vpcId = defaultVpc(region).id;
  const group = Object.values(region.securityGroups).find((g) => g.name === name && g.vpcId === vpcId);
  if (!group) throw Errors.groupNotFound(name);
  return group;
}
