/** VPCs: the region's default VPC and DescribeVpcs. (CreateVpc belongs here when it comes.) */
import type { Ctx } from '../context.ts';
import { Errors } from '../errors.ts';
import { compileFilters, matchesAll, selectByIds, type FilterTable } from '../filters.ts';
import type { RegionState, VpcRecord } from '../state.ts';
import type { DescribeVpcsRequest, Vpc } from '../sdk-shapes.ts';
import { paginate } from '../input-parser.ts';
import { tagsOut } from './tags.ts';

export function defaultVpc(region: RegionState): VpcRecord {
  for (const id in region.vpcs) if (region.vpcs[id].isDefault) return region.vpcs[id];
  throw Errors.internal('The region has no default VPC');
}

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
