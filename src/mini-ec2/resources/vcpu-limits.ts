/**
 * On-Demand instance limits as EC2 counts them today: in vCPUs of running instances, per instance-family
 * bucket and region, not as a number of instances (EC2 user guide, "On-Demand Instance quotas"; Service
 * Quotas names them "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances", "... G and VT
 * instances", "... P instances", "... X instances", ...). A launch that needs more than the bucket's
 * remaining vCPUs fails with VcpuLimitExceeded. The model counts pending and running instances and
 * gives every bucket the same limit (`vcpuLimit`, default 32, a common limit of new accounts).
 */
import type { InstanceRecord } from '../state.ts';
import { instanceTypeSpec } from './instance-types.ts';

export type VcpuBucket = 'standard' | 'f' | 'g-vt' | 'inf' | 'p' | 'x' | 'dl' | 'trn' | 'high-memory' | 'hpc' | 'mac';

export const DEFAULT_VCPU_LIMIT = 32;

/** The bucket of an instance type, by its family prefix (t3.micro -> standard, g5.xlarge -> g-vt). */
export function vcpuBucket(instanceType: string): VcpuBucket {
  const family = instanceType.split('.')[0].toLowerCase();
  if (family.startsWith('u-') || family.startsWith('u7')) return 'high-memory';
  if (family.startsWith('mac')) return 'mac';
  if (family.startsWith('hpc')) return 'hpc';
  if (family.startsWith('trn')) return 'trn';
  if (family.startsWith('inf')) return 'inf';
  if (family.startsWith('dl')) return 'dl';
  if (family.startsWith('vt') || family.startsWith('g')) return 'g-vt';
  if (family.startsWith('p')) return 'p';
  if (family.startsWith('x')) return 'x';
  if (family.startsWith('f')) return 'f';
  return 'standard'; // A, C, D, H, I, M, R, T, Z
}

/** Instances whose vCPUs count against the limit: the ones pending or running. */
const countsAgainstLimit = (i: InstanceRecord) => i.state === 'pending' || i.state === 'running';

export const vcpusOf = (instanceType: string): number => instanceTypeSpec(instanceType)?.vcpus ?? 0;

/** vCPUs in use per bucket in a region's instances (the model caches this; see Ctx.vcpusInUse). */
export function vcpusInUse(instances: Record<string, InstanceRecord>): Map<VcpuBucket, number> {
  const used = new Map<VcpuBucket, number>();
  for (const id in instances) {
    const i = instances[id];
    if (!countsAgainstLimit(i)) continue;
    const bucket = vcpuBucket(i.instanceType);
    used.set(bucket, (used.get(bucket) ?? 0) + vcpusOf(i.instanceType));
  }
  return used;
}
