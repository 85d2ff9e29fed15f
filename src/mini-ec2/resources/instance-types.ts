/**
 * Instance types with their real published figures (vCPUs, memory in MiB, architectures, network
 * performance). Free-tier eligibility follows the classic free tier: t2.micro and t3.micro.
 * `m1.small` is here because it is EC2's documented default when RunInstances names no type; the model
 * itself defaults to t2.micro (see instances.ts).
 */
import { Errors } from '../errors.ts';
import { compileFilters, matchesAll, type FilterTable } from '../filters.ts';
import { paginate } from '../input-parser.ts';
import type { Filter, InstanceTypeInfo, InstanceTypeName } from '../sdk-shapes.ts';

export interface InstanceTypeSpec {
  name: InstanceTypeName;
  vcpus: number;
  cores: number;
  threadsPerCore: number;
  memoryMiB: number;
  architectures: ('x86_64' | 'arm64' | 'i386')[];
  network: string;
  clockGhz: number;
  manufacturer: 'Intel' | 'AWS' | 'AMD';
  freeTier: boolean;
  burstable: boolean;
  currentGeneration: boolean;
  hypervisor: 'nitro' | 'xen';
  maxEnis: number;
  ipv4PerEni: number;
}

const t = (
  name: InstanceTypeName,
  vcpus: number,
  memoryMiB: number,
  architectures: InstanceTypeSpec['architectures'],
  network: string,
  clockGhz: number,
  extra: Partial<InstanceTypeSpec> = {},
): InstanceTypeSpec => {
  const arm = architectures.includes('arm64');
  return {
    name,
    vcpus,
    cores: arm ? vcpus : Math.max(1, vcpus / 2),
    threadsPerCore: arm || vcpus === 1 ? 1 : 2,
    memoryMiB,
    architectures,
    network,
    clockGhz,
    manufacturer: arm ? 'AWS' : 'Intel',
    freeTier: false,
    burstable: name.startsWith('t'),
    currentGeneration: true,
    hypervisor: 'nitro',
    maxEnis: 3,
    ipv4PerEni: vcpus >= 4 ? 15 : 10,
    ...extra,
  };
};

export const INSTANCE_TYPES: readonly InstanceTypeSpec[] = [
  t('m1.small', 1, 1740, ['i386', 'x86_64'], 'Low', 1.8, { currentGeneration: false, hypervisor: 'xen', burstable: false, maxEnis: 2, ipv4PerEni: 4 }),
  t('t2.nano', 1, 512, ['i386', 'x86_64'], 'Low to Moderate', 2.4, { hypervisor: 'xen', maxEnis: 2, ipv4PerEni: 2 }),
  t('t2.micro', 1, 1024, ['i386', 'x86_64'], 'Low to Moderate', 2.5, { hypervisor: 'xen', freeTier: true, maxEnis: 2, ipv4PerEni: 2 }),
  t('t2.small', 1, 2048, ['i386', 'x86_64'], 'Low to Moderate', 2.5, { hypervisor: 'xen', maxEnis: 3, ipv4PerEni: 4 }),
  t('t2.medium', 2, 4096, ['i386', 'x86_64'], 'Low to Moderate', 2.3, { hypervisor: 'xen', cores: 2, threadsPerCore: 1, ipv4PerEni: 6 }),
  t('t3.nano', 2, 512, ['x86_64'], 'Up to 5 Gigabit', 2.5, { maxEnis: 2, ipv4PerEni: 2 }),
  t('t3.micro', 2, 1024, ['x86_64'], 'Up to 5 Gigabit', 2.5, { freeTier: true, maxEnis: 2, ipv4PerEni: 2 }),
  t('t3.small', 2, 2048, ['x86_64'], 'Up to 5 Gigabit', 2.5, { ipv4PerEni: 4 }),
  t('t3.medium', 2, 4096, ['x86_64'], 'Up to 5 Gigabit', 2.5, { ipv4PerEni: 6 }),
  t('t3.large', 2, 8192, ['x86_64'], 'Up to 5 Gigabit', 2.5, { ipv4PerEni: 12 }),
  t('t4g.nano', 2, 512, ['arm64'], 'Up to 5 Gigabit', 2.5, { maxEnis: 2, ipv4PerEni: 2 }),
  t('t4g.micro', 2, 1024, ['arm64'], 'Up to 5 Gigabit', 2.5, { maxEnis: 2, ipv4PerEni: 2 }),
  t('t4g.small', 2, 2048, ['arm64'], 'Up to 5 Gigabit', 2.5, { ipv4PerEni: 4 }),
  t('t4g.medium', 2, 4096, ['arm64'], 'Up to 5 Gigabit', 2.5, { ipv4PerEni: 6 }),
  t('m5.large', 2, 8192, ['x86_64'], 'Up to 10 Gigabit', 3.1),
  t('m5.xlarge', 4, 16384, ['x86_64'], 'Up to 10 Gigabit', 3.1, { maxEnis: 4 }),
  t('m6g.large', 2, 8192, ['arm64'], 'Up to 10 Gigabit', 2.5),
  t('m6i.large', 2, 8192, ['x86_64'], 'Up to 12.5 Gigabit', 3.5),
  t('m7g.large', 2, 8192, ['arm64'], 'Up to 12.5 Gigabit', 2.6),
  t('m7i.large', 2, 8192, ['x86_64'], 'Up to 12.5 Gigabit', 3.2),
  t('m7i-flex.large', 2, 8192, ['x86_64'], 'Up to 12.5 Gigabit', 3.2),
  t('c5.large', 2, 4096, ['x86_64'], 'Up to 10 Gigabit', 3.4),
  t('c6g.large', 2, 4096, ['arm64'], 'Up to 10 Gigabit', 2.5),
  t('c6i.large', 2, 4096, ['x86_64'], 'Up to 12.5 Gigabit', 3.5),
  t('c6i.xlarge', 4, 8192, ['x86_64'], 'Up to 12.5 Gigabit', 3.5, { maxEnis: 4 }),
  t('c7g.large', 2, 4096, ['arm64'], 'Up to 12.5 Gigabit', 2.6),
  t('c7i.large', 2, 4096, ['x86_64'], 'Up to 12.5 Gigabit', 3.2),
  t('c7i-flex.large', 2, 4096, ['x86_64'], 'Up to 12.5 Gigabit', 3.2),
  t('r6g.large', 2, 16384, ['arm64'], 'Up to 10 Gigabit', 2.5),
  t('r6i.large', 2, 16384, ['x86_64'], 'Up to 12.5 Gigabit', 3.5),
];

const BY_NAME = new Map<string, InstanceTypeSpec>(INSTANCE_TYPES.map((s) => [s.name, s]));

export function instanceTypeSpec(name: string): InstanceTypeSpec | undefined {
  return BY_NAME.get(name);
}

/** The API shape of DescribeInstanceTypes for one type (a fresh object each call). */
function toInstanceTypeInfo(s: InstanceTypeSpec): InstanceTypeInfo {
  return {
    InstanceType: s.name,
    CurrentGeneration: s.currentGeneration,
    FreeTierEligible: s.freeTier,
    SupportedUsageClasses: ['on-demand', 'spot'],
    SupportedRootDeviceTypes: s.hypervisor === 'xen' ? ['ebs', 'instance-store'] : ['ebs'],
    SupportedVirtualizationTypes: s.hypervisor === 'xen' ? ['hvm', 'paravirtual'] : ['hvm'],
    BareMetal: false,
    Hypervisor: s.hypervisor,
    ProcessorInfo: {
      SupportedArchitectures: [...s.architectures],
      SustainedClockSpeedInGhz: s.clockGhz,
      Manufacturer: s.manufacturer,
    },
    VCpuInfo: { DefaultVCpus: s.vcpus, DefaultCores: s.cores, DefaultThreadsPerCore: s.threadsPerCore },
    MemoryInfo: { SizeInMiB: s.memoryMiB },
    InstanceStorageSupported: false,
    EbsInfo: {
      EbsOptimizedSupport: s.hypervisor === 'xen' ? 'unsupported' : 'default',
      EncryptionSupport: 'supported',
      NvmeSupport: s.hypervisor === 'xen' ? 'unsupported' : 'required',
    },
    NetworkInfo: {
      NetworkPerformance: s.network,
      MaximumNetworkInterfaces: s.maxEnis,
      Ipv4AddressesPerInterface: s.ipv4PerEni,
      Ipv6Supported: s.hypervisor !== 'xen' || s.name.startsWith('t2'),
      EnaSupport: s.hypervisor === 'xen' ? 'unsupported' : 'required',
    },
    BurstablePerformanceSupported: s.burstable,
    HibernationSupported: !s.architectures.includes('arm64') && s.currentGeneration,
    DedicatedHostsSupported: !s.burstable,
    AutoRecoverySupported: true,
    SupportedBootModes: s.architectures.includes('arm64') ? ['uefi'] : ['legacy-bios', 'uefi'],
  };
}

const INSTANCE_TYPE_FILTERS: FilterTable<InstanceTypeInfo> = {
  'instance-type': (t) => t.InstanceType,
  'current-generation': (t) => String(t.CurrentGeneration),
  'free-tier-eligible': (t) => String(t.FreeTierEligible),
  'burstable-performance-supported': (t) => String(t.BurstablePerformanceSupported),
  'bare-metal': (t) => String(t.BareMetal),
  hypervisor: (t) => t.Hypervisor,
  'processor-info.supported-architecture': (t) => t.ProcessorInfo?.SupportedArchitectures,
  'processor-info.sustained-clock-speed-in-ghz': (t) => String(t.ProcessorInfo?.SustainedClockSpeedInGhz),
  'processor-info.manufacturer': (t) => t.ProcessorInfo?.Manufacturer,
  'vcpu-info.default-vcpus': (t) => String(t.VCpuInfo?.DefaultVCpus),
  'vcpu-info.default-cores': (t) => String(t.VCpuInfo?.DefaultCores),
  'vcpu-info.default-threads-per-core': (t) => String(t.VCpuInfo?.DefaultThreadsPerCore),
  'memory-info.size-in-mib': (t) => String(t.MemoryInfo?.SizeInMiB),
  'network-info.network-performance': (t) => t.NetworkInfo?.NetworkPerformance,
  'network-info.ena-support': (t) => t.NetworkInfo?.EnaSupport,
  'supported-usage-class': (t) => t.SupportedUsageClasses,
  'supported-root-device-type': (t) => t.SupportedRootDeviceTypes,
  'supported-virtualization-type': (t) => t.SupportedVirtualizationTypes,
  'supported-boot-mode': (t) => t.SupportedBootModes,
  'hibernation-supported': (t) => String(t.HibernationSupported),
  'instance-storage-supported': (t) => String(t.InstanceStorageSupported),
};

/** DescribeInstanceTypes over the table above. */
export function describeInstanceTypes(input: { InstanceTypes?: string[]; Filters?: Filter[]; MaxResults?: number; NextToken?: string }) {
  const compiled = compileFilters(input.Filters, INSTANCE_TYPE_FILTERS);
  const all = INSTANCE_TYPES.map(toInstanceTypeInfo);
  let chosen = all;
  if (input.InstanceTypes?.length) {
    const unknown = input.InstanceTypes.filter((name) => !all.some((t) => t.InstanceType === name));
    if (unknown.length) {
      throw Errors.invalidParameterValue(`The following supplied instance types do not exist: [${unknown.slice(0, 20).join(', ')}]`);
    }
    const wanted = new Set(input.InstanceTypes);
    chosen = all.filter((t) => wanted.has(t.InstanceType!));
  }
  const matched = chosen.filter((t) => matchesAll(t, compiled));
  const { page: items, nextToken } = paginate(matched, input.MaxResults, input.NextToken, [5, 100]);
  return { InstanceTypes: items, ...(nextToken ? { NextToken: nextToken } : {}) };
}
