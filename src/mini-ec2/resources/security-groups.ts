/**
 * Security groups: CreateSecurityGroup, DescribeSecurityGroups, DeleteSecurityGroup, the VPC's default
 * group and resolving the groups a launch names. Their rules live in security-group-rules.ts.
 */
import type { Ctx } from '../context.ts';
import { Errors } from '../errors.ts';
import { compileFilters, matchesAll, selectByIds, type FilterTable } from '../filters.ts';
import { isWellFormedId } from '../ids.ts';
import type { RegionState, SecurityGroupRecord } from '../state.ts';
import type { CreateSecurityGroupRequest, DeleteSecurityGroupRequest, DescribeSecurityGroupsRequest, SecurityGroup } from '../sdk-shapes.ts';
import { paginate, tagsByResourceType } from '../input-parser.ts';
import { tagsOut } from './tags.ts';
import { defaultVpc, vpcById } from './vpcs.ts';
import { groupByIdOrName, permissionsOut } from './security-group-rules.ts';

/**
 * The `default` group EC2 gives every VPC: inbound from members of the group itself, outbound to
 * anywhere (EC2 User Guide, "Default security groups for your VPCs").
 */
export function defaultSecurityGroup(region: RegionState, vpcId: string): SecurityGroupRecord {
  for (const id in region.securityGroups) {
    const g = region.securityGroups[id];
    if (g.vpcId === vpcId && g.name === 'default') return g;
  }
  throw Errors.internal(`VPC ${vpcId} has no default security group`);
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

const GROUP_NAME = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]{1,255}$/;

export function createSecurityGroup(ctx: Ctx, input: CreateSecurityGroupRequest & { GroupName: string; Description: string }, dryRun: boolean) {
  const { GroupName: name, Description: description } = input;
  if (!GROUP_NAME.test(name)) throw Errors.invalidValue(name, 'GroupName');
  if (name.startsWith('sg-')) throw Errors.invalidParameterValue("Group names may not be in the format sg-*");
  if (!GROUP_NAME.test(description)) throw Errors.invalidValue(description, 'GroupDescription');
  const vpcId = input.VpcId !== undefined ? vpcById(ctx.region, input.VpcId).id : defaultVpc(ctx.region).id;
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

/**
 * DeleteSecurityGroup. A VPC's default group cannot be deleted (CannotDelete); a group that an instance
 * (not terminated) uses, or that a rule of another group references, fails with DependencyViolation
 * (EC2 API reference, DeleteSecurityGroup).
 */
export function deleteSecurityGroup(ctx: Ctx, input: DeleteSecurityGroupRequest, dryRun: boolean) {
  const group = groupByIdOrName(ctx.region, input.GroupId, input.GroupName);
  if (group.name === 'default') throw Errors.cannotDeleteDefaultGroup(group.id);
  const usedByInstance = Object.values(ctx.region.instances).some((i) => i.state !== 'terminated' && i.groupIds.includes(group.id));
  const referenced = Object.values(ctx.region.securityGroups).some(
    (g) => g.id !== group.id && [...g.ingress, ...g.egress].some((r) => r.sourceGroupId === group.id),
  );
  if (usedByInstance || referenced) throw Errors.groupInUse(group.id);
  if (dryRun) throw Errors.dryRun();
  delete ctx.region.securityGroups[group.id];
  ctx.emit({ type: 'security-group-deleted', resourceId: group.id, groupId: group.id, vpcId: group.vpcId });
  return { Return: true, GroupId: group.id };
}
