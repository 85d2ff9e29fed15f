/**
 * Each region's default network, made once when the model is created: the default VPC (172.31.0.0/16),
 * one default /20 subnet per Availability Zone and the VPC's `default` security group.
 */
import { type SeededRandom } from '../ids.ts';
import { regionInfo } from '../regions.ts';
import type { RegionState, SecurityGroupRecord, SubnetRecord, VpcRecord } from '../state.ts';

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

/** A VPC's own `default` group: all traffic from its own members in, all traffic out. */
export function makeDefaultGroup(vpcId: string, newId: (prefix: 'sg' | 'sgr') => string): SecurityGroupRecord {
  const id = newId('sg');
  return {
    id,
    name: 'default',
    description: 'default VPC security group',
    vpcId,
    ingress: [{ id: newId('sgr'), protocol: '-1', sourceGroupId: id }],
    egress: [{ id: newId('sgr'), protocol: '-1', cidr: '0.0.0.0/0' }],
    tags: [],
  };
}
