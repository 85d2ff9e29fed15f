/**
 * The regions the model knows, with their Availability Zones (names and zone IDs as AWS lists them).
 */
export interface RegionInfo {
  name: string;
  /** AZ letters, e.g. ['a', 'b', 'c']. */
  zones: string[];
  /** The prefix of zone IDs (use1-az1...). */
  zoneIdPrefix: string;
}

export const REGIONS: readonly RegionInfo[] = [
  { name: 'us-east-1', zones: ['a', 'b', 'c', 'd', 'e', 'f'], zoneIdPrefix: 'use1' },
  { name: 'us-west-2', zones: ['a', 'b', 'c', 'd'], zoneIdPrefix: 'usw2' },
  { name: 'eu-west-1', zones: ['a', 'b', 'c'], zoneIdPrefix: 'euw1' },
  { name: 'sa-east-1', zones: ['a', 'b', 'c'], zoneIdPrefix: 'sae1' },
  { name: 'ap-southeast-2', zones: ['a', 'b', 'c'], zoneIdPrefix: 'apse2' },
];

const BY_NAME = new Map(REGIONS.map((r) => [r.name, r]));

export function regionInfo(name: string): RegionInfo | undefined {
  return BY_NAME.get(name);
}

export const REGION_NAMES: readonly string[] = REGIONS.map((r) => r.name);
