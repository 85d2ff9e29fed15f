/**
 * What a volume holds: a small, visible picture of the software on a disk (spec 6b). Not a file system:
 * packages (name, version, which tool installed them), systemd services (enabled at boot, active now),
 * files (path and a short content) and directories. Only the root volume holds an operating system.
 *
 * Catalog images start their root volume with their distribution's base picture (BASE_PICTURES). A
 * volume launched from a catalog image stores only the distribution's name until something is written
 * to it (copy on write: launching stays cheap and an untouched instance costs a few bytes). CreateImage
 * copies the picture into the image's snapshots; launching from that image copies it back.
 */
import type { DiskContents, Distro, PackageEntry, ServiceEntry } from '../state.ts';

export type { DiskContents, Distro, PackageEntry, ServiceEntry };

/** The longest file content kept; longer writes are cut (and the README says so). */
export const FILE_CONTENT_LIMIT = 4096;

/** How each distribution installs software (what the shell subset accepts). */
export const PACKAGE_MANAGER: Record<Distro, 'dnf' | 'yum' | 'apt' | 'zypper' | 'none'> = {
  al2023: 'dnf',
  'al2023-minimal': 'dnf',
  'amazon-linux-2': 'yum',
  ubuntu: 'apt',
  debian: 'apt',
  rhel: 'dnf',
  suse: 'zypper',
  windows: 'none',
};

/** The name of the SSM agent's systemd service on each distribution that ships it, as AWS documents it. */
const SSM_AGENT_SERVICE: Partial<Record<Distro, string>> = {
  al2023: 'amazon-ssm-agent',
  'amazon-linux-2': 'amazon-ssm-agent',
  // Ubuntu installs the agent as a snap; systemd names snap services snap.<snap>.<app>.
  ubuntu: 'snap.amazon-ssm-agent.amazon-ssm-agent',
  suse: 'amazon-ssm-agent',
  windows: 'AmazonSSMAgent',
};

const on: ServiceEntry = { enabled: true, active: true };

const rpm = (version: string): PackageEntry => ({ version, source: 'rpm' });
const deb = (version: string): PackageEntry => ({ version, source: 'dpkg' });

/**
 * Each distribution's base picture: a handful of packages that show which tools exist, and the services
 * running after boot. Versions are those of the catalog's newest release (close, not exact).
 * Sources: the AL2023 release notes package list, Ubuntu's noble manifest, AWS Systems Manager's
 * "AMIs with SSM Agent preinstalled" (AL2023 standard, AL2, Ubuntu via snap, SLES, Windows; not the
 * AL2023 minimal AMI, Debian or RHEL).
 */
const BASE_PICTURES: Record<Distro, DiskContents> = {
  al2023: {
    distro: 'al2023',
    packages: {
      bash: rpm('5.2.15-1.amzn2023.0.2'), dnf: rpm('4.14.0-1.amzn2023.0.6'), systemd: rpm('252.23-2.amzn2023'),
      'openssh-server': rpm('8.7p1-8.amzn2023.0.13'), 'cloud-init': rpm('22.2.2-1.amzn2023.1.14'),
      'amazon-ssm-agent': rpm('3.3.1957.0-1.amzn2023'), chrony: rpm('4.6-1.amzn2023.0.1'),
    },
    services: { sshd: on, 'amazon-ssm-agent': on, chronyd: on },
    files: { '/etc/os-release': 'NAME="Amazon Linux"\nVERSION="2023"\nID="amzn"\n' },
    directories: [],
  },
  'al2023-minimal': {
    distro: 'al2023-minimal',
    packages: { bash: rpm('5.2.15-1.amzn2023.0.2'), dnf: rpm('4.14.0-1.amzn2023.0.6'), systemd: rpm('252.23-2.amzn2023'), 'cloud-init': rpm('22.2.2-1.amzn2023.1.14') },
    services: {},
    files: { '/etc/os-release': 'NAME="Amazon Linux"\nVERSION="2023"\nID="amzn"\n' },
    directories: [],
  },
  'amazon-linux-2': {
    distro: 'amazon-linux-2',
    packages: {
      bash: rpm('4.2.46-34.amzn2'), yum: rpm('3.4.3-158.amzn2.0.7'), systemd: rpm('219-78.amzn2.0.22'),
      'openssh-server': rpm('7.4p1-22.amzn2.0.9'), 'cloud-init': rpm('19.3-46.amzn2.0.5'), 'amazon-ssm-agent': rpm('3.3.1957.0-1.amzn2'),
    },
    services: { sshd: on, 'amazon-ssm-agent': on },
    files: { '/etc/os-release': 'NAME="Amazon Linux"\nVERSION="2"\nID="amzn"\n' },
    directories: [],
  },
  ubuntu: {
    distro: 'ubuntu',
    packages: {
      bash: deb('5.2.21-2ubuntu4'), apt: deb('2.7.14build2'), systemd: deb('255.4-1ubuntu8.6'), 'openssh-server': deb('1:9.6p1-3ubuntu13.8'),
      'cloud-init': deb('24.4.1-0ubuntu0~24.04.1'), snapd: deb('2.67.1+24.04'), 'amazon-ssm-agent': { version: '3.3.1957.0', source: 'snap' },
    },
    services: { ssh: on, snapd: on, 'snap.amazon-ssm-agent.amazon-ssm-agent': on },
    files: { '/etc/os-release': 'NAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\n' },
    directories: [],
  },
  debian: {
    distro: 'debian',
    packages: { bash: deb('5.2.15-2+b7'), apt: deb('2.6.1'), systemd: deb('252.33-1~deb12u1'), 'openssh-server': deb('1:9.2p1-2+deb12u4'), 'cloud-init': deb('22.4.2-1+deb12u2') },
    services: { ssh: on },
    files: { '/etc/os-release': 'NAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n' },
    directories: [],
  },
  rhel: {
    distro: 'rhel',
    packages: { bash: rpm('5.1.8-9.el9'), dnf: rpm('4.14.0-17.el9'), systemd: rpm('252-46.el9_5.2'), 'openssh-server': rpm('8.7p1-43.el9'), 'cloud-init': rpm('23.4-19.el9') },
    services: { sshd: on },
    files: { '/etc/os-release': 'NAME="Red Hat Enterprise Linux"\nVERSION_ID="9.6"\nID="rhel"\n' },
    directories: [],
  },
  suse: {
    distro: 'suse',
    packages: { bash: rpm('4.4-150400.27.3.2'), zypper: rpm('1.14.77-150400.3.61.1'), systemd: rpm('254.24-150600.4.28.1'), 'amazon-ssm-agent': rpm('3.3.1957.0-150000.5.48.1') },
    services: { sshd: on, 'amazon-ssm-agent': on },
    files: { '/etc/os-release': 'NAME="SLES"\nVERSION_ID="15.7"\nID="sles"\n' },
    directories: [],
  },
  windows: {
    distro: 'windows',
    packages: { 'Amazon SSM Agent': { version: '3.3.1957.0', source: 'windows' } },
    services: { AmazonSSMAgent: on },
    files: {},
    directories: [],
  },
};

/** The distribution of a catalog image, from its family (Marketplace and community images: from their name). */
export function distroOfCatalogImage(image: { platform?: string; name: string }, catalogFamily: string | undefined): Distro {
  if (image.platform === 'windows') return 'windows';
  const family = catalogFamily ?? '';
  const name = image.name.toLowerCase();
  if (family === 'amazon-linux-2023-minimal') return 'al2023-minimal';
  if (family.startsWith('amazon-linux-2023') || name.startsWith('al2023')) return 'al2023';
  if (family === 'amazon-linux-2' || name.startsWith('amzn2')) return 'amazon-linux-2';
  if (family.startsWith('ubuntu') || name.includes('ubuntu')) return 'ubuntu';
  if (family.startsWith('debian') || name.startsWith('debian')) return 'debian';
  if (family.startsWith('rhel') || name.startsWith('rhel')) return 'rhel';
  if (family.startsWith('suse') || name.startsWith('suse')) return 'suse';
  return 'al2023'; // Marketplace and community Linux images are built on Amazon Linux in this catalog.
}

/** A fresh, private copy of a distribution's base picture. */
export function basePicture(distro: Distro): DiskContents {
  return copyContents(BASE_PICTURES[distro]);
}

/** The base picture itself, shared: read it, never change it. */
export function sharedBasePicture(distro: Distro): Readonly<DiskContents> {
  return BASE_PICTURES[distro];
}

export function copyContents(c: DiskContents): DiskContents {
  const packages: Record<string, PackageEntry> = {};
  for (const name in c.packages) packages[name] = { ...c.packages[name] };
  const services: Record<string, ServiceEntry> = {};
  for (const name in c.services) services[name] = { ...c.services[name] };
  return {
    distro: c.distro,
    packages,
    services,
    files: { ...c.files },
    directories: [...c.directories],
    ...(c.aptListsFresh ? { aptListsFresh: true } : {}),
  };
}

/** What a boot does to services: those enabled start, the others are not running. */
export function boot(c: DiskContents): void {
  for (const name in c.services) c.services[name].active = c.services[name].enabled;
}

/** Whether Systems Manager can reach the instance: its agent is installed, and running. */
export function agentRunning(c: Readonly<DiskContents>): boolean {
  const service = SSM_AGENT_SERVICE[c.distro];
  return service !== undefined && c.services[service]?.active === true;
}
