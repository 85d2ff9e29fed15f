/**
 * The seeded image catalog of every region (BEHAVIOUR.md ("The image catalog")), built lazily per region and shared by all
 * models (it never changes: the account cannot modify images it does not own).
 *
 * - Quick Start: Amazon Linux 2023 and 2, Ubuntu LTS, Debian, Red Hat, SUSE and Windows Server, each with
 *   older versions and their creation dates, so "the newest" needs sorting. Images older than two years
 *   are deprecated (hidden from describe calls unless IncludeDeprecated or asked for by ID).
 * - AWS Marketplace: three vendor products (a web stack, a database, a firewall) with product codes.
 * - Community: public images from unknown accounts, including look-alikes of Quick Start names.
 * The same entry has a different ami- ID in each region (a stable hash of region and entry key), and the
 * IDs do not depend on the model's seed, so lessons can show them.
 * "Quick Start" is a console notion, not an API field: it is exposed here as metadata (catalogEntries()).
 */
import { stableHex } from './ids.ts';
import type { ImageRecord } from './state.ts';
import type { ArchitectureValues, VolumeType } from './sdk-shapes.ts';

/** quick-start: the console's Quick Start list; amazon: other AWS-provided images; then Marketplace and community. */
export type CatalogGroup = 'quick-start' | 'amazon' | 'marketplace' | 'community';

/** Console metadata about a catalog image (not visible through the API). */
export interface CatalogEntryMeta {
  imageId: string;
  key: string;
  group: CatalogGroup;
  /** e.g. 'amazon-linux-2023', 'ubuntu-24.04', 'windows-server-2022'. */
  family: string;
  /** A human label for the console ("Amazon Linux 2023 AMI"). */
  label: string;
  /** The newest version of its family and architecture. */
  latest: boolean;
}

export interface Catalog {
  region: string;
  images: readonly ImageRecord[];
  byId: ReadonlyMap<string, ImageRecord>;
  meta: readonly CatalogEntryMeta[];
  metaById: ReadonlyMap<string, CatalogEntryMeta>;
}

export const OWNERS = {
  amazon: '137112412989',
  windows: '801119661308',
  canonical: '099720109477',
  debian: '136693071363',
  redhat: '309956199498',
  suse: '013907871322',
  marketplace: '679593333241',
} as const;

const DAY = 86_400_000;
const TWO_YEARS = 730 * DAY;

interface EntrySpec {
  key: string;
  group: CatalogGroup;
  family: string;
  label: string;
  name: string;
  description: string;
  ownerId: string;
  alias?: 'amazon' | 'aws-marketplace';
  architecture: ArchitectureValues;
  platform?: 'windows';
  platformDetails: string;
  usageOperation: string;
  rootDeviceName: string;
  sizeGiB: number;
  volumeType: VolumeType;
  creationDate: number;
  deprecate: boolean;
  productCode?: string;
  bootMode?: 'legacy-bios' | 'uefi' | 'uefi-preferred';
}

const ymd = (t: number) => new Date(t).toISOString().slice(0, 10).replace(/-/g, '');
const dotted = (t: number) => new Date(t).toISOString().slice(0, 10).replace(/-/g, '.');

/** Release dates going back from `latest` every `everyDays` days (with a small per-family wobble). */
function releases(latest: string, count: number, everyDays: number): number[] {
  const end = Date.parse(latest + 'T00:00:00Z');
  return Array.from({ length: count }, (_, i) => end - i * everyDays * DAY - ((i * 7) % 5) * DAY);
}

const LINUX = { platformDetails: 'Linux/UNIX', usageOperation: 'RunInstances' };

function quickStart(): EntrySpec[] {
  const out: EntrySpec[] = [];
  const both: ArchitectureValues[] = ['x86_64', 'arm64'];

  const family = (
    fam: string,
    label: string,
    dates: number[],
    archs: ArchitectureValues[],
    make: (date: number, arch: ArchitectureValues, i: number) => Omit<EntrySpec, 'key' | 'group' | 'family' | 'label' | 'architecture' | 'creationDate' | 'deprecate'>,
    group: CatalogGroup = 'quick-start',
  ) => {
    dates.forEach((date, i) => {
      for (const arch of archs) {
        out.push({ key: `${fam}/${ymd(date)}/${arch}`, group, family: fam, label, architecture: arch, creationDate: date + 3_600_000 * (3 + (i % 5)), deprecate: true, ...make(date, arch, i) });
      }
    });
  };

  family('amazon-linux-2023', 'Amazon Linux 2023 AMI', releases('2026-01-08', 13, 30), both, (d, arch) => ({
    name: `al2023-ami-2023.9.${ymd(d)}.0-kernel-6.1-${arch}`,
    description: `Amazon Linux 2023 AMI 2023.9.${ymd(d)}.0 ${arch} HVM kernel-6.1`,
    ownerId: OWNERS.amazon, alias: 'amazon', ...LINUX, rootDeviceName: '/dev/xvda', sizeGiB: 8, volumeType: 'gp3', bootMode: 'uefi-preferred',
  }));
  family('amazon-linux-2023-minimal', 'Amazon Linux 2023 AMI (minimal)', releases('2026-01-08', 8, 45), both, (d, arch) => ({
    name: `al2023-ami-minimal-2023.9.${ymd(d)}.0-kernel-6.1-${arch}`,
    description: `Amazon Linux 2023 AMI 2023.9.${ymd(d)}.0 ${arch} Minimal HVM kernel-6.1`,
    ownerId: OWNERS.amazon, alias: 'amazon', ...LINUX, rootDeviceName: '/dev/xvda', sizeGiB: 2, volumeType: 'gp3', bootMode: 'uefi-preferred',
  }), 'amazon');
  family('amazon-linux-2', 'Amazon Linux 2 AMI', releases('2026-01-05', 12, 90), both, (d, arch) => ({
    name: `amzn2-ami-kernel-5.10-hvm-2.0.${ymd(d)}.0-${arch}-gp2`,
    description: `Amazon Linux 2 Kernel 5.10 AMI 2.0.${ymd(d)}.0 ${arch} HVM gp2`,
    ownerId: OWNERS.amazon, alias: 'amazon', ...LINUX, rootDeviceName: '/dev/xvda', sizeGiB: 8, volumeType: 'gp2',
  }));
  const ubuntu: [string, string, string, string, number][] = [
    ['24.04', 'noble', 'hvm-ssd-gp3', '2026-01-10', 30],
    ['22.04', 'jammy', 'hvm-ssd', '2026-01-06', 45],
    ['20.04', 'focal', 'hvm-ssd', '2025-05-28', 75],
  ];
  for (const [version, codename, volume, latest, every] of ubuntu) {
    family(`ubuntu-${version}`, `Ubuntu Server ${version} LTS`, releases(latest, 9, every), both, (d, arch) => {
      const a = arch === 'arm64' ? 'arm64' : 'amd64';
      return {
        name: `ubuntu/images/${volume}/ubuntu-${codename}-${version}-${a}-server-${ymd(d)}`,
        description: `Canonical, Ubuntu, ${version}, ${a} ${codename} image`,
        ownerId: OWNERS.canonical, ...LINUX, rootDeviceName: '/dev/sda1', sizeGiB: 8, volumeType: volume === 'hvm-ssd-gp3' ? 'gp3' : 'gp2',
      };
    });
  }
  for (const [version, latest, build] of [['12', '2026-01-12', 2200], ['11', '2025-12-01', 1900]] as const) {
    family(`debian-${version}`, `Debian ${version}`, releases(latest, 8, 40), both, (d, arch, i) => {
      const a = arch === 'arm64' ? 'arm64' : 'amd64';
      return {
        name: `debian-${version}-${a}-${ymd(d)}-${build - i * 37}`,
        description: `Debian ${version} (${ymd(d)}-${build - i * 37})`,
        ownerId: OWNERS.debian, ...LINUX, rootDeviceName: '/dev/xvda', sizeGiB: 8, volumeType: 'gp2',
      };
    });
  }
  for (const [version, latest] of [['9.6.0', '2025-12-09'], ['8.10.0', '2025-11-18']] as const) {
    family(`rhel-${version.split('.')[0]}`, `Red Hat Enterprise Linux ${version.split('.')[0]}`, releases(latest, 6, 60), both, (d, arch) => ({
      name: `RHEL-${version}_HVM-${ymd(d)}-${arch}-0-Hourly2-GP3`,
      description: `Provided by Red Hat, Inc.`,
      ownerId: OWNERS.redhat, platformDetails: 'Red Hat Enterprise Linux', usageOperation: 'RunInstances:0010', rootDeviceName: '/dev/sda1', sizeGiB: 10, volumeType: 'gp3',
    }));
  }
  for (const [sp, latest] of [['sp7', '2026-01-09'], ['sp6', '2025-10-20']] as const) {
    family(`suse-sles-15-${sp}`, `SUSE Linux Enterprise Server 15 ${sp.toUpperCase()}`, releases(latest, 6, 50), both, (d, arch) => ({
      name: `suse-sles-15-${sp}-v${ymd(d)}-hvm-ssd-${arch}`,
      description: `SUSE Linux Enterprise Server 15 ${sp.toUpperCase()} (HVM, 64-bit, SSD-Backed)`,
      ownerId: OWNERS.suse, alias: 'amazon', platformDetails: 'SUSE Linux', usageOperation: 'RunInstances:000g', rootDeviceName: '/dev/sda1', sizeGiB: 10, volumeType: 'gp3',
    }));
  }
  for (const [version, edition] of [['2025', 'Full'], ['2022', 'Full'], ['2022', 'Core'], ['2019', 'Full']] as const) {
    family(`windows-server-${version}-${edition.toLowerCase()}`, `Microsoft Windows Server ${version} ${edition === 'Core' ? 'Core ' : ''}Base`, releases('2026-01-14', 8, 30), ['x86_64'], (d) => ({
      name: `Windows_Server-${version}-English-${edition}-Base-${dotted(d)}`,
      description: `Microsoft Windows Server ${version} ${edition === 'Core' ? 'Core ' : 'Full '}Locale English AMI provided by Amazon`,
      ownerId: OWNERS.windows, alias: 'amazon', platform: 'windows', platformDetails: 'Windows', usageOperation: 'RunInstances:0002', rootDeviceName: '/dev/sda1', sizeGiB: 30, volumeType: 'gp2', bootMode: 'legacy-bios',
    }));
  }
  return out;
}

/** A 25-character product code, like AWS Marketplace's. */
const productCode = (product: string) => {
  const hex = stableHex(`product:${product}`, 25);
  return Array.from(hex, (c, i) => (i % 3 === 1 ? String.fromCharCode(97 + (parseInt(c, 16) % 26)) : c)).join('');
};

function marketplace(): EntrySpec[] {
  const products: { product: string; label: string; archs: ArchitectureValues[]; versions: string[]; name: (v: string, arch: string, d: number) => string; description: string }[] = [
    {
      product: 'webstack', label: 'NimbusWorks LAMP Web Stack', archs: ['x86_64', 'arm64'], versions: ['8.3.16', '8.3.14', '8.3.12', '8.2.27', '8.2.24', '8.1.31'],
      name: (v, arch, d) => `nimbusworks-lampstack-${v}-r0-debian-12-${arch === 'arm64' ? 'arm64' : 'amd64'}-${ymd(d)}`,
      description: 'NimbusWorks LAMP stack: Apache, MySQL, PHP, ready to serve',
    },
    {
      product: 'database', label: 'Quarry PostgreSQL Server', archs: ['x86_64', 'arm64'], versions: ['17.2.0', '17.0.1', '16.6.0', '16.4.0', '15.10.0'],
      name: (v, arch, d) => `quarry-postgresql-${v}-${arch}-${ymd(d)}`,
      description: 'Quarry PostgreSQL, tuned for EBS',
    },
    {
      product: 'firewall', label: 'Bastion Next-Gen Firewall (BYOL)', archs: ['x86_64'], versions: ['7.6.1', '7.4.5', '7.4.3', '7.2.10', '7.2.8', '7.0.15'],
      name: (v, _arch, d) => `bastion-ngfw-${v}-build${ymd(d)}-x86_64`,
      description: 'Bastion Next-Gen Firewall virtual appliance',
    },
  ];
  const out: EntrySpec[] = [];
  for (const p of products) {
    const dates = releases('2025-12-20', p.versions.length, 55);
    p.versions.forEach((v, i) => {
      for (const arch of p.archs) {
        out.push({
          key: `marketplace/${p.product}/${v}/${arch}`, group: 'marketplace', family: `marketplace-${p.product}`, label: p.label,
          name: p.name(v, arch, dates[i]), description: `${p.description} (${v})`, ownerId: OWNERS.marketplace, alias: 'aws-marketplace',
          architecture: arch, ...LINUX, rootDeviceName: '/dev/xvda', sizeGiB: 20, volumeType: 'gp3', creationDate: dates[i] + 11 * 3_600_000,
          deprecate: false, productCode: productCode(p.product),
        });
      }
    });
  }
  return out;
}

/** Public images from accounts nobody vetted, many named like Quick Start images. */
function community(): EntrySpec[] {
  const out: EntrySpec[] = [];
  const owners = Array.from({ length: 12 }, (_, i) => String(parseInt(stableHex(`owner:${i}`, 10), 16)).padStart(12, '7').slice(-12));
  const names = [
    (d: number, a: string) => `al2023-ami-2023.9.${ymd(d)}.0-kernel-6.1-${a}`,
    (d: number, a: string) => `amzn2-ami-kernel-5.10-hvm-2.0.${ymd(d)}.0-${a}-gp2`,
    (d: number, a: string) => `ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-${a === 'arm64' ? 'arm64' : 'amd64'}-server-${ymd(d)}`,
    (d: number, a: string) => `ubuntu-noble-24.04-${a === 'arm64' ? 'arm64' : 'amd64'}-server-${ymd(d)}-hardened`,
    (d: number, a: string) => `debian-12-${a === 'arm64' ? 'arm64' : 'amd64'}-${ymd(d)}-custom`,
    (d: number) => `Windows_Server-2022-English-Full-Base-${dotted(d)}-tools`,
    (d: number, a: string) => `golden-webserver-nginx-${ymd(d)}-${a}`,
    (d: number, a: string) => `k8s-node-1.31-${a}-${ymd(d)}`,
    (d: number, a: string) => `jenkins-agent-${ymd(d)}-${a}`,
    (d: number, a: string) => `rhel-9-cis-level1-${ymd(d)}-${a}`,
  ];
  // Look-alikes reuse the release dates of the family they imitate, so their names match exactly.
  const imitated = [
    releases('2026-01-08', 4, 30),
    releases('2026-01-05', 4, 90),
    releases('2026-01-10', 4, 30),
    releases('2026-01-10', 4, 30),
    releases('2026-01-12', 4, 40),
    releases('2026-01-14', 4, 30),
  ];
  names.forEach((make, n) => {
    (imitated[n] ?? releases('2026-01-11', 4, 23)).forEach((d, i) => {
      for (const arch of ['x86_64', 'arm64'] as const) {
        const windows = n === 5;
        if (windows && arch === 'arm64') continue;
        const owner = owners[(n * 5 + i * 3 + (arch === 'arm64' ? 1 : 0)) % owners.length];
        out.push({
          key: `community/${n}/${ymd(d)}/${arch}`, group: 'community', family: `community-${n}`, label: 'Community AMI',
          name: make(d, arch), description: n < 6 ? '' : `Shared by account ${owner}`, ownerId: owner, architecture: arch,
          ...(windows ? { platform: 'windows' as const, platformDetails: 'Windows', usageOperation: 'RunInstances:0002', rootDeviceName: '/dev/sda1', sizeGiB: 30 } : { ...LINUX, rootDeviceName: '/dev/xvda', sizeGiB: 8 }),
          volumeType: 'gp2', creationDate: d + (n + 1) * 3_600_000, deprecate: false,
        });
      }
    });
  });
  return out;
}

let entrySpecs: EntrySpec[] | undefined;
const catalogs = new Map<string, Catalog>();

function toRecord(region: string, e: EntrySpec, latestKeys: Set<string>): { record: ImageRecord; meta: CatalogEntryMeta } {
  const id = `ami-${stableHex(`${region}/${e.key}`, 17)}`;
  const record: ImageRecord = {
    id,
    name: e.name,
    ...(e.description ? { description: e.description } : {}),
    ownerId: e.ownerId,
    ...(e.alias ? { alias: e.alias } : {}),
    state: 'available',
    creationDate: e.creationDate,
    public: true,
    architecture: e.architecture,
    ...(e.platform ? { platform: e.platform } : {}),
    platformDetails: e.platformDetails,
    usageOperation: e.usageOperation,
    virtualizationType: 'hvm',
    rootDeviceName: e.rootDeviceName,
    blockDevices: [
      {
        device: e.rootDeviceName,
        snapshotId: `snap-${stableHex(`${region}/${e.key}/snap`, 17)}`,
        sizeGiB: e.sizeGiB,
        volumeType: e.volumeType,
        deleteOnTermination: true,
        encrypted: false,
        ...(e.volumeType === 'gp3' ? { iops: 3000, throughput: 125 } : {}),
      },
    ],
    tags: [],
    productCodes: e.productCode ? [e.productCode] : [],
    enaSupport: true,
    ...(e.bootMode ? { bootMode: e.bootMode } : {}),
    ...(e.deprecate ? { deprecationTime: e.creationDate + TWO_YEARS } : {}),
    imageLocation: e.alias ? `${e.alias}/${e.name}` : `${e.ownerId}/${e.name}`,
  };
  return {
    record,
    meta: { imageId: id, key: e.key, group: e.group, family: e.family, label: e.label, latest: latestKeys.has(e.key) },
  };
}

/** The catalog of one region (built on first use, then cached). */
export function catalogFor(region: string): Catalog {
  let catalog = catalogs.get(region);
  if (catalog) return catalog;
  entrySpecs ??= [...quickStart(), ...marketplace(), ...community()];
  const newest = new Map<string, EntrySpec>();
  for (const e of entrySpecs) {
    const k = `${e.family}/${e.architecture}`;
    const cur = newest.get(k);
    if (!cur || e.creationDate > cur.creationDate) newest.set(k, e);
  }
  const latestKeys = new Set([...newest.values()].map((e) => e.key));
  const images: ImageRecord[] = [];
  const meta: CatalogEntryMeta[] = [];
  for (const e of entrySpecs) {
    const r = toRecord(region, e, latestKeys);
    images.push(r.record);
    meta.push(r.meta);
  }
  catalog = {
    region,
    images,
    byId: new Map(images.map((i) => [i.id, i])),
    meta,
    metaById: new Map(meta.map((m) => [m.imageId, m])),
  };
  catalogs.set(region, catalog);
  return catalog;
}

/** Console metadata of a region's catalog, optionally one group (e.g. the Quick Start list). */
export function catalogEntries(region: string, group?: CatalogGroup): CatalogEntryMeta[] {
  return catalogFor(region).meta.filter((m) => !group || m.group === group).map((m) => ({ ...m }));
}
