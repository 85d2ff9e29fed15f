/**
 * Each region's default network, made once when the model is created: the default VPC (172.31.0.0/16),
 * one default /20 subnet per Availability Zone and the VPC's `default` security group.
 */
import { type SeededRandom } from '../ids.ts';
import { regionInfo } from '../regions.ts';
import type { RegionState, SubnetRecord, VpcRecord } from '../state.ts';
import { makeDefaultGroup } from './security-groups.ts';

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
  const sg = makeDefaultGroup(vpc.id, (prefix) => rng.id(prefix));
  region.securityGroups[sg.id] = sg;
}
