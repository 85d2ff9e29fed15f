/**
 * Networking and access: each region's default VPC (172.31.0.0/16) with one default subnet per
 * Availability Zone and the VPC's `default` security group, plus key pairs and security groups with
 * ingress rules. Instances without a subnet land in the default subnet of the first AZ (or of the AZ
 * asked for in Placement); without a group, in the VPC's default group.
 */
import type { Ctx } from './context.ts';
import { Errors } from './errors.ts';
import { compileFilters, matchesAll, selectByIds, type FilterTable } from './filters.ts';
import { isWellFormedId, stableHex, type SeededRandom } from './ids.ts';
import { regionInfo, REGIONS } from './regions.ts';
import type {
  KeyPairRecord,
  RegionState,
  RuleRecord,
  SecurityGroupRecord,
  SubnetRecord,
  TagRecord,
  VpcRecord,
} from './state.ts';
import type {
  AuthorizeSecurityGroupIngressRequest,
  AvailabilityZone,
  CreateKeyPairRequest,
  CreateSecurityGroupRequest,
  DescribeAvailabilityZonesRequest,
  DescribeKeyPairsRequest,
  DescribeRegionsRequest,
  DescribeSecurityGroupsRequest,
  DescribeSubnetsRequest,
  DescribeVpcsRequest,
  Filter,
  IpPermission,
  KeyPairInfo,
  Region,
  SecurityGroup,
  SecurityGroupRule,
  Subnet,
  Tag,
  Vpc,
} from './types.ts';
import { paginate, tagsByResourceType } from './validate.ts';

export const tagsOut = (tags: readonly TagRecord[]): Tag[] => tags.map((t) => ({ Key: t.Key, Value: t.Value }));

/** Creates the default VPC, subnets and security group of a region (at model creation). */
export function createDefaultNetwork(region: RegionState, regionName: string, rng: SeededRandom): void {
  const info = regionInfo(regionName)!;
  const vpc: VpcRecord = { id: rng.id('vpc'), cidr: '172.31.0.0/16', isDefault: true, dhcpOptionsId: `dopt-${rng.hex(17)}`, tags: [] };
  region.vpcs[vpc.id] = vpc;
  info.zones.forEach((letter, i) => {
    const subnet: SubnetRecord = {
      id: rng.id('subnet'),
      vpcId: vpc.id,
      availabilityZone: regionName + letter,
      availabilityZoneId: `${info.zoneIdPrefix}-az${i + 1}`,
      cidr: `172.31.${i * 16}.0/20`,
      defaultForAz: true,
      mapPublicIpOnLaunch: true,
      nextHost: 4,
      tags: [],
    };
    region.subnets[subnet.id] = subnet;
  });
  const sg: SecurityGroupRecord = {
    id: rng.id('sg'),
    name: 'default',
    description: 'default VPC security group',
    vpcId: vpc.id,
    ingress: [{ id: rng.id('sgr'), protocol: '-1', sourceGroupId: '' }],
    egress: [{ id: rng.id('sgr'), protocol: '-1', cidr: '0.0.0.0/0' }],
    tags: [],
  };
  sg.ingress[0].sourceGroupId = sg.id;
  region.securityGroups[sg.id] = sg;
}

export function defaultVpc(region: RegionState): VpcRecord {
  for (const id in region.vpcs) if (region.vpcs[id].isDefault) return region.vpcs[id];
  throw Errors.internal('The region has no default VPC');
}

/**
 * The default subnet for a launch: the one of `availabilityZone` if given, else the first default subnet
 * (in AZ order) with room for `needed` addresses, else the first one (the launch will then fail clearly).
 */
export function defaultSubnet(region: RegionState, availabilityZone?: string, needed = 1): SubnetRecord | undefined {
  const vpc = defaultVpc(region);
  let first: SubnetRecord | undefined;
  for (const id in region.subnets) {
    const s = region.subnets[id];
    if (s.vpcId !== vpc.id || !s.defaultForAz) continue;
    if (availabilityZone !== undefined) {
      if (s.availabilityZone === availabilityZone) return s;
      continue;
    }
    first ??= s;
    if (freeAddresses(s) >= needed) return s;
  }
  return availabilityZone === undefined ? first : undefined;
}

export function defaultSecurityGroup(region: RegionState, vpcId: string): SecurityGroupRecord {
  for (const id in region.securityGroups) {
    const g = region.securityGroups[id];
    if (g.vpcId === vpcId && g.name === 'default') return g;
  }
  throw Errors.internal(`VPC ${vpcId} has no default security group`);
}

/**
 * Free addresses of a default /20 subnet: 4096, minus the 5 AWS reserves, minus one per instance launched
 * (the model does not hand addresses out again after termination).
 */
export function freeAddresses(s: SubnetRecord): number {
  return 4096 - 5 - (s.nextHost - 4);
}

/** Hands out the next private address in a subnet's /20 range. */
export function allocatePrivateIp(subnet: SubnetRecord): string {
  const [a, b, c] = subnet.cidr.split('/')[0].split('.').map(Number);
  const host = subnet.nextHost++;
  return `${a}.${b}.${c + Math.floor(host / 256)}.${host % 256}`;
}

export function privateDnsName(ip: string, regionName: string): string {
  const host = `ip-${ip.replace(/\./g, '-')}`;
  return regionName === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${regionName}.compute.internal`;
}

/** Resolves SecurityGroupIds (checking form and existence); undefined when none were given. */
export function resolveGroupIds(region: RegionState, ids: readonly string[] | undefined): string[] | undefined {
  if (!ids || ids.length === 0) return undefined;
  for (const id of ids) if (!isWellFormedId(id, 'sg')) throw Errors.groupMalformed(id);
  for (const id of ids) if (!region.securityGroups[id]) throw Errors.groupNotFound(id);
  return [...new Set(ids)];
}

/** Resolves SecurityGroups (names, default VPC only, as in EC2). */
export function resolveGroupNames(region: RegionState, names: readonly string[] | undefined, vpcId: string): string[] | undefined {
  if (!names || names.length === 0) return undefined;
  return names.map((name) => {
    for (const id in region.securityGroups) {
      const g = region.securityGroups[id];
      if (g.name === name && g.vpcId === vpcId) return g.id;
    }
    throw Errors.groupNotFound(name);
  });
}

export function findKeyPair(region: RegionState, name: string): KeyPairRecord | undefined {
  return Object.prototype.hasOwnProperty.call(region.keyPairs, name) ? region.keyPairs[name] : undefined;
}

// ---- key pairs --------------------------------------------------------------------------------------

const KEY_NAME = /^[\x20-\x7e]{1,255}$/;

export function createKeyPair(ctx: Ctx, input: CreateKeyPairRequest & { KeyName: string }, dryRun: boolean) {
  const name = input.KeyName;
  if (!KEY_NAME.test(name) || name.trim() !== name) throw Errors.invalidValue(name, 'KeyName');
  if (findKeyPair(ctx.region, name)) throw Errors.keyPairDuplicate(name);
  const tagSpecs = tagsByResourceType(input.TagSpecifications, ['key-pair']);
  if (dryRun) throw Errors.dryRun();
  const type = input.KeyType ?? 'rsa';
  const id = ctx.newId('key');
  const body = stableHex(`${ctx.accountId}:${ctx.regionName}:${id}`, 64);
  const fingerprint =
    type === 'ed25519'
      ? `${btoa(body.slice(0, 32)).replace(/=+$/, '')}=`
      : (body.slice(0, 40).match(/../g) ?? []).join(':');
  const record: KeyPairRecord = {
    id,
    name,
    type,
    fingerprint,
    publicKey: type === 'ed25519' ? `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5${btoa(body).slice(0, 43)} ${name}` : `ssh-rsa AAAAB3NzaC1yc2E${btoa(body + body)} ${name}`,
    createTime: ctx.now,
    tags: tagSpecs['key-pair'] ?? [],
  };
  ctx.region.keyPairs[name] = record;
  ctx.emit({ type: 'key-pair-created', resourceId: id, keyName: name, keyPairId: id });
  const header = type === 'ed25519' ? 'OPENSSH PRIVATE KEY' : 'RSA PRIVATE KEY';
  const material = `-----BEGIN ${header}-----\n${(btoa(body + body + body).match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${header}-----`;
  return {
    KeyFingerprint: record.fingerprint,
    KeyMaterial: material,
    KeyName: name,
    KeyPairId: id,
    ...(record.tags.length ? { Tags: tagsOut(record.tags) } : {}),
  };
}

export function deleteKeyPair(ctx: Ctx, input: { KeyName?: string; KeyPairId?: string }, dryRun: boolean) {
  let record: KeyPairRecord | undefined;
  if (input.KeyPairId !== undefined) {
    if (!isWellFormedId(input.KeyPairId, 'key')) throw Errors.malformedId('InvalidKeyPair.Malformed', input.KeyPairId, 'key');
    record = Object.values(ctx.region.keyPairs).find((k) => k.id === input.KeyPairId);
    if (!record) throw Errors.keyPairNotFound(input.KeyPairId);
  } else if (input.KeyName !== undefined) {
    record = findKeyPair(ctx.region, input.KeyName);
  } else {
    throw Errors.missingParameter('KeyName');
  }
  if (dryRun) throw Errors.dryRun();
  // Deleting a key pair that does not exist succeeds in EC2 (when named by KeyName).
  if (record) {
    delete ctx.region.keyPairs[record.name];
    ctx.emit({ type: 'key-pair-deleted', resourceId: record.id, keyName: record.name, keyPairId: record.id });
  }
  return { Return: true, ...(record ? { KeyPairId: record.id } : {}) };
}

const KEY_PAIR_FILTERS: FilterTable<KeyPairRecord> = {
  'key-name': (k) => k.name,
  'key-pair-id': (k) => k.id,
  fingerprint: (k) => k.fingerprint,
  'key-type': (k) => k.type,
  'tag-key': (k) => k.tags.map((t) => t.Key),
};

export function describeKeyPairs(ctx: Ctx, input: DescribeKeyPairsRequest): { KeyPairs: KeyPairInfo[] } {
  const filters = compileFilters(input.Filters, KEY_PAIR_FILTERS, (k) => k.tags);
  let records = Object.values(ctx.region.keyPairs);
  if (input.KeyNames?.length) {
    const missing = input.KeyNames.find((n) => !findKeyPair(ctx.region, n));
    if (missing !== undefined) throw Errors.keyPairNotFound(missing);
    const wanted = new Set(input.KeyNames);
    records = records.filter((k) => wanted.has(k.name));
  }
  if (input.KeyPairIds?.length) {
    for (const id of input.KeyPairIds) if (!isWellFormedId(id, 'key')) throw Errors.malformedId('InvalidKeyPair.Malformed', id, 'key');
    const missing = input.KeyPairIds.find((id) => !records.some((k) => k.id === id));
    if (missing !== undefined) throw Errors.keyPairNotFound(missing);
    const wanted = new Set(input.KeyPairIds);
    records = records.filter((k) => wanted.has(k.id));
  }
  return {
    KeyPairs: records
      .filter((k) => matchesAll(k, filters))
      .map((k) => ({
        KeyPairId: k.id,
        KeyType: k.type,
        Tags: tagsOut(k.tags),
        CreateTime: new Date(k.createTime),
        KeyName: k.name,
        KeyFingerprint: k.fingerprint,
        ...(input.IncludePublicKey ? { PublicKey: k.publicKey } : {}),
      })),
  };
}

// ---- security groups --------------------------------------------------------------------------------

const GROUP_NAME = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]{1,255}$/;

export function createSecurityGroup(ctx: Ctx, input: CreateSecurityGroupRequest & { GroupName: string; Description: string }, dryRun: boolean) {
  const { GroupName: name, Description: description } = input;
  if (!GROUP_NAME.test(name)) throw Errors.invalidValue(name, 'GroupName');
  if (name.startsWith('sg-')) throw Errors.invalidParameterValue("Group names may not be in the format sg-*");
  if (!GROUP_NAME.test(description)) throw Errors.invalidValue(description, 'GroupDescription');
  let vpcId: string;
  if (input.VpcId !== undefined) {
    if (!isWellFormedId(input.VpcId, 'vpc')) throw Errors.vpcMalformed(input.VpcId);
    if (!ctx.region.vpcs[input.VpcId]) throw Errors.vpcNotFound(input.VpcId);
    vpcId = input.VpcId;
  } else {
    vpcId = defaultVpc(ctx.region).id;
  }
  for (const id in ctx.region.securityGroups) {
    const g = ctx.region.securityGroups[id];
    if (g.vpcId === vpcId && g.name === name) throw Errors.groupDuplicate(name, vpcId);
  }
  const tagSpecs = tagsByResourceType(input.TagSpecifications, ['security-group']);
  if (dryRun) throw Errors.dryRun();
  const group: SecurityGroupRecord = {
    id: ctx.newId('sg'),
    name,
    description,
    vpcId,
    ingress: [],
    egress: [],
    tags: tagSpecs['security-group'] ?? [],
  };
  group.egress.push({ id: ctx.newId('sgr'), protocol: '-1', cidr: '0.0.0.0/0' });
  ctx.region.securityGroups[group.id] = group;
  ctx.emit({ type: 'security-group-created', resourceId: group.id, groupId: group.id, groupName: name, vpcId });
  return {
    GroupId: group.id,
    SecurityGroupArn: groupArn(ctx, group.id),
    ...(group.tags.length ? { Tags: tagsOut(group.tags) } : {}),
  };
}

const groupArn = (ctx: Ctx, id: string) => `arn:aws:ec2:${ctx.regionName}:${ctx.accountId}:security-group/${id}`;

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
function permissionsOut(rules: readonly RuleRecord[], accountId: string): IpPermission[] {
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

const GROUP_FILTERS: FilterTable<SecurityGroupRecord> = {
  'group-id': (g) => g.id,
  'group-name': (g) => g.name,
  description: (g) => g.description,
  'vpc-id': (g) => g.vpcId,
  'owner-id': () => undefined, // replaced per call (needs the account)
  'ip-permission.from-port': (g) => g.ingress.map((r) => String(r.fromPort ?? '')),
  'ip-permission.to-port': (g) => g.ingress.map((r) => String(r.toPort ?? '')),
  'ip-permission.protocol': (g) => g.ingress.map((r) => r.protocol),
  'ip-permission.cidr': (g) => g.ingress.flatMap((r) => (r.cidr ? [r.cidr] : [])),
  'ip-permission.group-id': (g) => g.ingress.flatMap((r) => (r.sourceGroupId ? [r.sourceGroupId] : [])),
  'tag-key': (g) => g.tags.map((t) => t.Key),
};

export function describeSecurityGroups(ctx: Ctx, input: DescribeSecurityGroupsRequest) {
  const table = { ...GROUP_FILTERS, 'owner-id': () => ctx.accountId };
  const filters = compileFilters<SecurityGroupRecord>(input.Filters, table, (g) => g.tags);
  if (input.MaxResults !== undefined && (input.GroupIds?.length || input.GroupNames?.length)) {
    throw Errors.invalidParameterCombination('The parameter groupIds cannot be used with the parameter maxResults');
  }
  let groups = input.GroupIds?.length
    ? selectByIds(ctx.region.securityGroups, input.GroupIds, 'sg', Errors.groupMalformed, Errors.groupNotFound)
    : Object.values(ctx.region.securityGroups);
  if (input.GroupNames?.length) {
    const vpcId = defaultVpc(ctx.region).id;
    for (const name of input.GroupNames) {
      if (!groups.some((g) => g.name === name && g.vpcId === vpcId)) throw Errors.groupNotFound(name);
    }
    const wanted = new Set(input.GroupNames);
    groups = groups.filter((g) => wanted.has(g.name) && g.vpcId === vpcId);
  }
  const matched = groups.filter((g) => matchesAll(g, filters));
  const { page, nextToken } = paginate(matched, input.MaxResults, input.NextToken, [5, 1000]);
  return {
    SecurityGroups: page.map(
      (g): SecurityGroup => ({
        GroupId: g.id,
        IpPermissionsEgress: permissionsOut(g.egress, ctx.accountId),
        ...(g.tags.length ? { Tags: tagsOut(g.tags) } : {}),
        VpcId: g.vpcId,
        SecurityGroupArn: groupArn(ctx, g.id),
        OwnerId: ctx.accountId,
        GroupName: g.name,
        Description: g.description,
        IpPermissions: permissionsOut(g.ingress, ctx.accountId),
      }),
    ),
    ...(nextToken ? { NextToken: nextToken } : {}),
  };
}

// ---- VPCs, subnets, regions, zones -----------------------------------------------------------------

const VPC_FILTERS: FilterTable<VpcRecord> = {
  'vpc-id': (v) => v.id,
  'cidr-block': (v) => v.cidr,
  cidr: (v) => v.cidr,
  'is-default': (v) => String(v.isDefault),
  state: () => 'available',
  'dhcp-options-id': (v) => v.dhcpOptionsId,
  'tag-key': (v) => v.tags.map((t) => t.Key),
};

export function describeVpcs(ctx: Ctx, input: DescribeVpcsRequest) {
  const filters = compileFilters<VpcRecord>(input.Filters, { ...VPC_FILTERS, 'owner-id': () => ctx.accountId }, (v) => v.tags);
  const vpcs = input.VpcIds?.length
    ? selectByIds(ctx.region.vpcs, input.VpcIds, 'vpc', Errors.vpcMalformed, Errors.vpcNotFound)
    : Object.values(ctx.region.vpcs);
  const { page, nextToken } = paginate(vpcs.filter((v) => matchesAll(v, filters)), input.MaxResults, input.NextToken, [5, 1000]);
  return {
    Vpcs: page.map(
      (v): Vpc => ({
        OwnerId: ctx.accountId,
        InstanceTenancy: 'default',
        IsDefault: v.isDefault,
        ...(v.tags.length ? { Tags: tagsOut(v.tags) } : {}),
        VpcId: v.id,
        State: 'available',
        CidrBlock: v.cidr,
        DhcpOptionsId: v.dhcpOptionsId,
      }),
    ),
    ...(nextToken ? { NextToken: nextToken } : {}),
  };
}


const SUBNET_FILTERS: FilterTable<SubnetRecord> = {
  'subnet-id': (s) => s.id,
  'vpc-id': (s) => s.vpcId,
  'availability-zone': (s) => s.availabilityZone,
  'availability-zone-id': (s) => s.availabilityZoneId,
  'availabilityZone': (s) => s.availabilityZone,
  'cidr-block': (s) => s.cidr,
  'default-for-az': (s) => String(s.defaultForAz),
  'map-public-ip-on-launch': (s) => String(s.mapPublicIpOnLaunch),
  state: () => 'available',
  'tag-key': (s) => s.tags.map((t) => t.Key),
};

export function describeSubnets(ctx: Ctx, input: DescribeSubnetsRequest) {
  const filters = compileFilters<SubnetRecord>(input.Filters, { ...SUBNET_FILTERS, 'owner-id': () => ctx.accountId }, (s) => s.tags);
  const subnets = input.SubnetIds?.length
    ? selectByIds(ctx.region.subnets, input.SubnetIds, 'subnet', Errors.subnetMalformed, Errors.subnetNotFound)
    : Object.values(ctx.region.subnets);
  const { page, nextToken } = paginate(subnets.filter((s) => matchesAll(s, filters)), input.MaxResults, input.NextToken, [5, 1000]);
  return {
    Subnets: page.map(
      (s): Subnet => ({
        AvailabilityZoneId: s.availabilityZoneId,
        MapPublicIpOnLaunch: s.mapPublicIpOnLaunch,
        DefaultForAz: s.defaultForAz,
        OwnerId: ctx.accountId,
        ...(s.tags.length ? { Tags: tagsOut(s.tags) } : {}),
        SubnetArn: `arn:aws:ec2:${ctx.regionName}:${ctx.accountId}:subnet/${s.id}`,
        SubnetId: s.id,
        State: 'available',
        VpcId: s.vpcId,
        CidrBlock: s.cidr,
        AvailableIpAddressCount: freeAddresses(s),
        AvailabilityZone: s.availabilityZone,
      }),
    ),
    ...(nextToken ? { NextToken: nextToken } : {}),
  };
}

const REGION_FILTERS: FilterTable<Region> = {
  'region-name': (r) => r.RegionName,
  endpoint: (r) => r.Endpoint,
  'opt-in-status': (r) => r.OptInStatus,
};

export function describeRegions(input: DescribeRegionsRequest): { Regions: Region[] } {
  const filters = compileFilters(input.Filters as Filter[] | undefined, REGION_FILTERS);
  for (const name of input.RegionNames ?? []) if (!regionInfo(name)) throw Errors.regionUnknown(name);
  const wanted = input.RegionNames?.length ? new Set(input.RegionNames) : undefined;
  const regions = REGIONS.filter((r) => !wanted || wanted.has(r.name)).map(
    (r): Region => ({ Endpoint: `ec2.${r.name}.amazonaws.com`, RegionName: r.name, OptInStatus: 'opt-in-not-required' }),
  );
  return { Regions: regions.filter((r) => matchesAll(r, filters)) };
}

const ZONE_FILTERS: FilterTable<AvailabilityZone> = {
  'zone-name': (z) => z.ZoneName,
  'zone-id': (z) => z.ZoneId,
  'region-name': (z) => z.RegionName,
  state: (z) => z.State,
  'zone-type': (z) => z.ZoneType,
  'group-name': (z) => z.GroupName,
  'opt-in-status': (z) => z.OptInStatus,
};

export function describeAvailabilityZones(ctx: Ctx, input: DescribeAvailabilityZonesRequest): { AvailabilityZones: AvailabilityZone[] } {
  const filters = compileFilters(input.Filters, ZONE_FILTERS);
  const info = regionInfo(ctx.regionName)!;
  const zones = info.zones.map(
    (letter, i): AvailabilityZone => ({
      OptInStatus: 'opt-in-not-required',
      Messages: [],
      RegionName: info.name,
      ZoneName: info.name + letter,
      ZoneId: `${info.zoneIdPrefix}-az${i + 1}`,
      GroupName: info.name,
      NetworkBorderGroup: info.name,
      ZoneType: 'availability-zone',
      State: 'available',
    }),
  );
  for (const name of input.ZoneNames ?? []) if (!zones.some((z) => z.ZoneName === name)) throw Errors.zoneUnknown(name);
  for (const id of input.ZoneIds ?? []) if (!zones.some((z) => z.ZoneId === id)) throw Errors.zoneUnknown(id);
  const names = input.ZoneNames?.length ? new Set(input.ZoneNames) : undefined;
  const ids = input.ZoneIds?.length ? new Set(input.ZoneIds) : undefined;
  return {
    AvailabilityZones: zones.filter(
      (z) => (!names || names.has(z.ZoneName!)) && (!ids || ids.has(z.ZoneId!)) && matchesAll(z, filters),
    ),
  };
}

