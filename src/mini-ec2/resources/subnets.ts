/**
 * Subnets: choosing a default subnet for a launch, handing out private addresses, DescribeSubnets.
 * Instances without a subnet land in the default subnet of the first AZ with room (or of the AZ asked
 * for in Placement). (CreateSubnet belongs here when it comes.)
 */
import type { Ctx } from '../context.ts';
import { Errors } from '../errors.ts';
import { compileFilters, matchesAll, selectByIds, type FilterTable } from '../filters.ts';
import type { RegionState, SubnetRecord } from '../state.ts';
import type { DescribeSubnetsRequest, Subnet } from '../sdk-shapes.ts';
import { paginate } from '../input-parser.ts';
import { tagsOut } from './tags.ts';
import { defaultVpc } from './vpcs.ts';

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
