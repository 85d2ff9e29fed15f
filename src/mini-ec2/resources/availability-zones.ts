/** DescribeRegions and DescribeAvailabilityZones, answered from the fixed table in regions.ts. */
import type { Ctx } from '../context.ts';
import { Errors } from '../errors.ts';
import { compileFilters, matchesAll, type FilterTable } from '../filters.ts';
import { regionInfo, REGIONS } from '../regions.ts';
import type { AvailabilityZone, DescribeAvailabilityZonesRequest, DescribeRegionsRequest, Region } from '../sdk-shapes.ts';

const REGION_FILTERS: FilterTable<Region> = {
  'region-name': (r) => r.RegionName,
  endpoint: (r) => r.Endpoint,
  'opt-in-status': (r) => r.OptInStatus,
};

export function describeRegions(input: DescribeRegionsRequest): { Regions: Region[] } {
  const filters = compileFilters(input.Filters, REGION_FILTERS);
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
