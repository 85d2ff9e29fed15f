/** VPCs: the region's default VPC, CreateVpc, DescribeVpcs and DeleteVpc. */
import type { Ctx } from '../context.ts';
import { Errors } from '../errors.ts';
import { compileFilters, matchesAll, selectByIds, type FilterTable } from '../filters.ts';
import { isWellFormedId } from '../ids.ts';
import type { RegionState, VpcRecord } from '../state.ts';
import type { CreateVpcRequest, DescribeVpcsRequest, Vpc } from '../sdk-shapes.ts';
import { paginate, tagsByResourceType } from '../input-parser.ts';
import { tagsOut } from './tags.ts';
import { parseIpv4Block } from './cidr.ts';
import { makeDefaultGroup } from './default-network.ts';

export function defaultVpc(region: RegionState): VpcRecord {
  for (const id in region.vpcs) if (region.vpcs[id].isDefault) return region.vpcs[id];
  throw Errors.internal('The region has no default VPC');
}

/** A VPC named in a request: malformed and unknown IDs get EC2's two different errors. */
export function vpcById(region: RegionState, id: string): VpcRecord {
  if (!isWellFormedId(id, 'vpc')) throw Errors.vpcMalformed(id);
  const vpc = region.vpcs[id];
  if (!vpc) throw Errors.vpcNotFound(id);
  return vpc;
}

const VPC_FILTERS: FilterTable<VpcRecord> = {
  'vpc-id': (v) => v.id,
  'cidr-block': (v) => v.cidr,
  cidr: (v) => v.cidr,
  'cidr-block-association.cidr-block': (v) => v.cidr,
  'is-default': (v) => String(v.isDefault),
  state: () => 'available',
  'dhcp-options-id': (v) => v.dhcpOptionsId,
  'tag-key': (v) => v.tags.map((t) => t.Key),
};

function vpcOut(ctx: Ctx, v: VpcRecord): Vpc {
  return {
    OwnerId: ctx.accountId,
    InstanceTenancy: v.instanceTenancy ?? 'default',
    IsDefault: v.isDefault,
    ...(v.tags.length ? { Tags: tagsOut(v.tags) } : {}),
    VpcId: v.id,
    State: 'available',
    CidrBlock: v.cidr,
    DhcpOptionsId: v.dhcpOptionsId,
  };
}

export function describeVpcs(ctx: Ctx, input: DescribeVpcsRequest) {
  const filters = compileFilters<VpcRecord>(input.Filters, { ...VPC_FILTERS, 'owner-id': () => ctx.accountId }, (v) => v.tags);
  const vpcs = input.VpcIds?.length
    ? selectByIds(ctx.region.vpcs, input.VpcIds, 'vpc', Errors.vpcMalformed, Errors.vpcNotFound)
    : Object.values(ctx.region.vpcs);
  const { page, nextToken } = paginate(vpcs.filter((v) => matchesAll(v, filters)), input.MaxResults, input.NextToken, [5, 1000]);
  return { Vpcs: page.map((v) => vpcOut(ctx, v)), ...(nextToken ? { NextToken: nextToken } : {}) };
}

/**
 * CreateVpc: an IPv4 block from /16 to /28, and, as in EC2, the VPC's own `default` security group.
 * EC2 answers `pending` and the VPC is usable at once; the model describes it as `available` from then on.
 */
export function createVpc(ctx: Ctx, input: CreateVpcRequest & { CidrBlock: string }, dryRun: boolean) {
  const cidr = input.CidrBlock;
  const block = parseIpv4Block(cidr);
  if (!block) throw Errors.cidrMalformed(cidr);
  if (block.prefix < 16 || block.prefix > 28) throw Errors.vpcRange(cidr);
  if (input.AmazonProvidedIpv6CidrBlock) throw Errors.unsupported('mini-EC2 models IPv4 VPCs only (AmazonProvidedIpv6CidrBlock).');
  const tags = tagsByResourceType(input.TagSpecifications, ['vpc']).vpc ?? [];
  if (dryRun) throw Errors.dryRun();
  const tenancy = input.InstanceTenancy;
  const vpc: VpcRecord = {
    id: ctx.newId('vpc'),
    cidr,
    isDefault: false,
    dhcpOptionsId: defaultVpc(ctx.region).dhcpOptionsId,
    ...(tenancy && tenancy !== 'default' ? { instanceTenancy: tenancy } : {}),
    tags,
  };
  ctx.region.vpcs[vpc.id] = vpc;
  const group = makeDefaultGroup(vpc.id, (prefix) => ctx.newId(prefix));
  ctx.region.securityGroups[group.id] = group;
  ctx.emit({ type: 'vpc-created', resourceId: vpc.id, vpcId: vpc.id, cidrBlock: cidr });
  ctx.emit({ type: 'security-group-created', resourceId: group.id, groupId: group.id, groupName: group.name, vpcId: vpc.id });
  return { Vpc: { ...vpcOut(ctx, vpc), State: 'pending' as const } };
}

/** DeleteVpc: only an empty VPC (no subnets, no groups but its default one), which goes with it. */
export function deleteVpc(ctx: Ctx, id: string, dryRun: boolean) {
  const vpc = vpcById(ctx.region, id);
  if (vpc.isDefault) throw Errors.unsupported('mini-EC2 keeps each region\'s default VPC: deleting it is not modelled.');
  const inVpc = <R extends { vpcId: string }>(table: Record<string, R>) => Object.values(table).filter((r) => r.vpcId === id);
  const groups = inVpc(ctx.region.securityGroups);
  if (inVpc(ctx.region.subnets).length > 0 || groups.some((g) => g.name !== 'default')) throw Errors.hasDependencies('vpc', id);
  if (dryRun) throw Errors.dryRun();
  for (const g of groups) {
    delete ctx.region.securityGroups[g.id];
    ctx.emit({ type: 'security-group-deleted', resourceId: g.id, groupId: g.id, vpcId: id });
  }
  delete ctx.region.vpcs[id];
  ctx.emit({ type: 'vpc-deleted', resourceId: id, vpcId: id });
  return {};
}
