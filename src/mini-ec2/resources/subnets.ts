/**
 * Subnets: choosing a default subnet for a launch, handing out private addresses, CreateSubnet,
 * DescribeSubnets, DeleteSubnet and ModifySubnetAttribute (MapPublicIpOnLaunch). Instances without a
 * subnet land in the default subnet of the first AZ with room (or of the AZ asked for in Placement).
 */
import type { Ctx } from '../context.ts';
import { Errors } from '../errors.ts';
import { compileFilters, matchesAll, selectByIds, type FilterTable } from '../filters.ts';
import { isWellFormedId } from '../ids.ts';
import { regionInfo } from '../regions.ts';
import type { RegionState, SubnetRecord } from '../state.ts';
import type { CreateSubnetRequest, DescribeSubnetsRequest, Subnet } from '../sdk-shapes.ts';
import { paginate, tagsByResourceType } from '../input-parser.ts';
import { tagsOut } from './tags.ts';
import { defaultVpc, vpcById } from './vpcs.ts';
import { addressAt, blockContains, blocksOverlap, parseIpv4Block, type Ipv4Block } from './cidr.ts';

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

/** A subnet's block (its CIDR was checked when the subnet was made). */
function blockOf(s: SubnetRecord): Ipv4Block {
  return parseIpv4Block(s.cidr)!;
}

/**
 * Free addresses of a subnet: its size, minus the 5 AWS reserves (the first four and the last), minus
 * one per instance launched (the model does not hand addresses out again after termination).
 */
export function freeAddresses(s: SubnetRecord): number {
  return blockOf(s).size - 5 - (s.nextHost - 4);
}

/** Hands out the next private address of a subnet (host numbers start at 4: AWS keeps 0-3). */
export function allocatePrivateIp(subnet: SubnetRecord): string {
  return addressAt(blockOf(subnet), subnet.nextHost++);
}

export function privateDnsName(ip: string, regionName: string): string {
  const host = `ip-${ip.replace(/\./g, '-')}`;
  return regionName === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${regionName}.compute.internal`;
}

/** A subnet named in a request: malformed and unknown IDs get EC2's two different errors. */
function subnetById(region: RegionState, id: string): SubnetRecord {
  if (!isWellFormedId(id, 'subnet')) throw Errors.subnetMalformed(id);
  const subnet = region.subnets[id];
  if (!subnet) throw Errors.subnetNotFound(id);
  return subnet;
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

function subnetOut(ctx: Ctx, s: SubnetRecord): Subnet {
  return {
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
  };
}

export function describeSubnets(ctx: Ctx, input: DescribeSubnetsRequest) {
  const filters = compileFilters<SubnetRecord>(input.Filters, { ...SUBNET_FILTERS, 'owner-id': () => ctx.accountId }, (s) => s.tags);
  const subnets = input.SubnetIds?.length
    ? selectByIds(ctx.region.subnets, input.SubnetIds, 'subnet', Errors.subnetMalformed, Errors.subnetNotFound)
    : Object.values(ctx.region.subnets);
  const { page, nextToken } = paginate(subnets.filter((s) => matchesAll(s, filters)), input.MaxResults, input.NextToken, [5, 1000]);
  return { Subnets: page.map((s) => subnetOut(ctx, s)), ...(nextToken ? { NextToken: nextToken } : {}) };
}

/** The zone of a new subnet: the one asked for (by name or ID), else the region's first. */
function zoneFor(ctx: Ctx, input: CreateSubnetRequest): { name: string; id: string } {
  const info = regionInfo(ctx.regionName)!;
  const zones = info.zones.map((letter, i) => ({ name: ctx.regionName + letter, id: `${info.zoneIdPrefix}-az${i + 1}` }));
  if (input.AvailabilityZone !== undefined) {
    const zone = zones.find((z) => z.name === input.AvailabilityZone);
    if (!zone) throw Errors.subnetZone(input.AvailabilityZone, zones.map((z) => z.name));
    return zone;
  }
  if (input.AvailabilityZoneId !== undefined) {
    const zone = zones.find((z) => z.id === input.AvailabilityZoneId);
    if (!zone) throw Errors.invalidParameterValue(`Value (${input.AvailabilityZoneId.slice(0, 64)}) for parameter availabilityZoneId is invalid.`);
    return zone;
  }
  return zones[0];
}

/**
 * CreateSubnet: an IPv4 block from /16 to /28 inside its VPC's block (else InvalidSubnet.Range) that
 * overlaps no other subnet of the VPC (else InvalidSubnet.Conflict), in one Availability Zone. As in EC2,
 * a new subnet does not map public addresses until ModifySubnetAttribute turns MapPublicIpOnLaunch on.
 */
export function createSubnet(ctx: Ctx, input: CreateSubnetRequest & { VpcId: string; CidrBlock: string }, dryRun: boolean) {
  const vpc = vpcById(ctx.region, input.VpcId);
  const cidr = input.CidrBlock;
  const block = parseIpv4Block(cidr);
  if (!block) throw Errors.cidrMalformed(cidr);
  if (block.prefix < 16 || block.prefix > 28 || !blockContains(parseIpv4Block(vpc.cidr)!, block)) throw Errors.subnetRange(cidr);
  for (const id in ctx.region.subnets) {
    const other = ctx.region.subnets[id];
    if (other.vpcId === vpc.id && blocksOverlap(blockOf(other), block)) throw Errors.subnetConflict(cidr);
  }
  const zone = zoneFor(ctx, input);
  const tags = tagsByResourceType(input.TagSpecifications, ['subnet']).subnet ?? [];
  if (dryRun) throw Errors.dryRun();
  const subnet: SubnetRecord = {
    id: ctx.newId('subnet'),
    vpcId: vpc.id,
    availabilityZone: zone.name,
    availabilityZoneId: zone.id,
    cidr,
    defaultForAz: false,
    mapPublicIpOnLaunch: false,
    nextHost: 4,
    tags,
  };
  ctx.region.subnets[subnet.id] = subnet;
  ctx.emit({ type: 'subnet-created', resourceId: subnet.id, subnetId: subnet.id, vpcId: vpc.id, cidrBlock: cidr, availabilityZone: zone.name });
  return { Subnet: subnetOut(ctx, subnet) };
}

/** DeleteSubnet: refused while an instance that is not terminated sits in it. */
export function deleteSubnet(ctx: Ctx, id: string, dryRun: boolean) {
  const subnet = subnetById(ctx.region, id);
  if (subnet.defaultForAz) throw Errors.unsupported('mini-EC2 keeps the default subnets of the default VPC: deleting them is not modelled.');
  const used = Object.values(ctx.region.instances).some((i) => i.subnetId === id && i.state !== 'terminated');
  if (used) throw Errors.hasDependencies('subnet', id);
  if (dryRun) throw Errors.dryRun();
  delete ctx.region.subnets[id];
  ctx.emit({ type: 'subnet-deleted', resourceId: id, subnetId: id, vpcId: subnet.vpcId });
  return {};
}

/** ModifySubnetAttribute for MapPublicIpOnLaunch, the one attribute the model keeps. */
export function modifySubnetAttribute(ctx: Ctx, id: string, mapPublicIpOnLaunch: boolean | undefined) {
  const subnet = subnetById(ctx.region, id);
  if (mapPublicIpOnLaunch === undefined) throw Errors.missingParameter('MapPublicIpOnLaunch');
  subnet.mapPublicIpOnLaunch = mapPublicIpOnLaunch;
  ctx.emit({ type: 'subnet-modified', resourceId: id, subnetId: id, mapPublicIpOnLaunch });
  return {};
}
