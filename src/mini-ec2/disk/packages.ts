/**
 * The model's small package index: the packages each package manager can install, with the version it
 * installs, the systemd service the package brings and the directories it creates. Anything not listed
 * is "not found", as a name missing from the repositories would be. Versions are those of the
 * distributions' current repositories (close, not exact).
 *
 * One real difference the model keeps: Debian and Ubuntu start and enable a service when its package is
 * installed; Amazon Linux and Red Hat leave it disabled and stopped until `systemctl enable --now`.
 */
import type { Distro } from './contents.ts';

export interface IndexedPackage {
  version: string;
  service?: string;
  directories?: string[];
}

type Index = Record<string, IndexedPackage>;

const AL2023: Index = {
  httpd: { version: '2.4.62-1.amzn2023', service: 'httpd', directories: ['/var/www', '/var/www/html', '/etc/httpd', '/etc/httpd/conf.d'] },
  nginx: { version: '1.26.3-1.amzn2023.0.1', service: 'nginx', directories: ['/usr/share/nginx', '/usr/share/nginx/html', '/etc/nginx', '/etc/nginx/conf.d'] },
  git: { version: '2.47.1-1.amzn2023.0.2' },
  docker: { version: '25.0.8-1.amzn2023.0.1', service: 'docker' },
  'mariadb105-server': { version: '10.5.25-1.amzn2023.0.1', service: 'mariadb' },
  'php8.3': { version: '8.3.16-1.amzn2023.0.1' },
  'python3-pip': { version: '21.3.1-2.amzn2023.0.10' },
  tmux: { version: '3.2a-3.amzn2023.0.2' },
  'amazon-ssm-agent': { version: '3.3.1957.0-1.amzn2023', service: 'amazon-ssm-agent' },
};

const AL2: Index = {
  httpd: { version: '2.4.62-1.amzn2.0.2', service: 'httpd', directories: ['/var/www', '/var/www/html', '/etc/httpd', '/etc/httpd/conf.d'] },
  git: { version: '2.47.1-1.amzn2.0.1' },
  'mariadb-server': { version: '5.5.68-1.amzn2.0.1', service: 'mariadb' },
  'amazon-ssm-agent': { version: '3.3.1957.0-1.amzn2', service: 'amazon-ssm-agent' },
};

const RHEL: Index = {
  httpd: { version: '2.4.62-4.el9', service: 'httpd', directories: ['/var/www', '/var/www/html', '/etc/httpd', '/etc/httpd/conf.d'] },
  nginx: { version: '1.20.1-22.el9', service: 'nginx', directories: ['/usr/share/nginx', '/usr/share/nginx/html', '/etc/nginx', '/etc/nginx/conf.d'] },
  git: { version: '2.47.1-1.el9' },
  'mariadb-server': { version: '10.5.27-1.el9', service: 'mariadb' },
};

const UBUNTU: Index = {
  apache2: { version: '2.4.58-1ubuntu8.5', service: 'apache2', directories: ['/var/www', '/var/www/html', '/etc/apache2'] },
  nginx: { version: '1.24.0-2ubuntu7.1', service: 'nginx', directories: ['/var/www', '/var/www/html', '/etc/nginx', '/etc/nginx/conf.d'] },
  git: { version: '1:2.43.0-1ubuntu7.2' },
  'docker.io': { version: '26.1.3-0ubuntu1~24.04.1', service: 'docker' },
  'mariadb-server': { version: '1:10.11.8-0ubuntu0.24.04.1', service: 'mariadb' },
  'python3-pip': { version: '24.0+dfsg-1ubuntu1.1' },
  tmux: { version: '3.4-1ubuntu0.1' },
};

const DEBIAN: Index = {
  apache2: { version: '2.4.62-1~deb12u2', service: 'apache2', directories: ['/var/www', '/var/www/html', '/etc/apache2'] },
  nginx: { version: '1.22.1-9+deb12u1', service: 'nginx', directories: ['/var/www', '/var/www/html', '/etc/nginx', '/etc/nginx/conf.d'] },
  git: { version: '1:2.39.5-0+deb12u2' },
  'mariadb-server': { version: '1:10.11.11-0+deb12u1', service: 'mariadb' },
};

const INDEX: Partial<Record<Distro, Index>> = {
  al2023: AL2023,
  'al2023-minimal': AL2023,
  'amazon-linux-2': AL2,
  rhel: RHEL,
  ubuntu: UBUNTU,
  debian: DEBIAN,
};

/** The package `name` as the distribution's repositories offer it, if the model's index has it. */
export function findPackage(distro: Distro, name: string): IndexedPackage | undefined {
  const index = INDEX[distro];
  return index && Object.prototype.hasOwnProperty.call(index, name) ? index[name] : undefined;
}

/** Whether installing a package starts and enables its service (Debian's policy, followed by Ubuntu). */
export const startsServiceOnInstall = (distro: Distro) => distro === 'ubuntu' || distro === 'debian';

/** Directories every Linux disk has. */
export const STANDARD_DIRECTORIES = [
  '/', '/etc', '/etc/systemd', '/etc/systemd/system', '/home', '/opt', '/root', '/srv', '/tmp', '/usr', '/usr/share', '/usr/local',
  '/usr/local/bin', '/var', '/var/lib', '/var/log', '/var/tmp',
];
