/**
 * dnf / yum, apt-get / apt, rpm -q and dpkg -s over the disk picture and the package index.
 * Messages follow the real tools' (dnf 4 as on Amazon Linux 2023 and RHEL 9, apt 2.x as on Ubuntu 24.04),
 * shortened: the lines that matter for a learner (what was installed, what was not found) are exact.
 */
import { findPackage, startsServiceOnInstall } from '../packages.ts';
import type { CommandResult, ShellEnv } from './types.ts';

const ok = (stdout: string, stderr = ''): CommandResult => ({ code: 0, stdout, stderr });

/** dnf's and rpm's name for an installed package: name-version.arch. */
const rpmName = (name: string, version: string, arch: string) => `${name}-${version}.${arch === 'arm64' ? 'aarch64' : 'x86_64'}`;

export function dnf(env: ShellEnv, args: string[]): CommandResult {
  const [sub, ...rest] = args;
  const yes = rest.includes('-y') || rest.includes('--assumeyes');
  const names = rest.filter((a) => !a.startsWith('-'));
  const header = 'Last metadata expiration check: 0:00:04 ago.\n';
  if (sub === 'update' || sub === 'upgrade' || sub === 'makecache' || sub === 'check-update') {
    return ok(`${header}Dependencies resolved.\nNothing to do.\nComplete!\n`);
  }
  if (sub !== 'install') {
    return { code: 1, stdout: '', stderr: `No such command: ${sub ?? ''}. Please use /usr/bin/dnf --help\n` };
  }
  const disk = env.read();
  const missing = names.filter((n) => !findPackage(disk.distro, n) && !disk.packages[n]);
  if (missing.length) {
    // dnf refuses the whole transaction when one argument matches nothing.
    return { code: 1, stdout: header + missing.map((n) => `No match for argument: ${n}\n`).join(''), stderr: `Error: Unable to find a match: ${missing.join(' ')}\n` };
  }
  const already = names.filter((n) => disk.packages[n]);
  const todo = names.filter((n) => !disk.packages[n]);
  let out = header + already.map((n) => `Package ${rpmName(n, disk.packages[n].version, env.arch)} is already installed.\n`).join('');
  if (!todo.length) return ok(`${out}Dependencies resolved.\nNothing to do.\nComplete!\n`);
  if (!yes) return { code: 1, stdout: `${out}Dependencies resolved.\nIs this ok [y/N]: `, stderr: 'Operation aborted.\n' };
  const w = env.write();
  for (const n of todo) {
    const p = findPackage(w.distro, n)!;
    w.packages[n] = { version: p.version, source: 'rpm' };
    if (p.service) w.services[p.service] ??= { enabled: false, active: false };
    for (const d of p.directories ?? []) if (!w.directories.includes(d)) w.directories.push(d);
  }
  out += `Dependencies resolved.\nInstalled:\n${todo.map((n) => `  ${rpmName(n, findPackage(w.distro, n)!.version, env.arch)}\n`).join('')}\nComplete!\n`;
  return ok(out);
}

export function aptGet(env: ShellEnv, args: string[], command: 'apt-get' | 'apt'): CommandResult {
  const [sub, ...rest] = args;
  const warn = command === 'apt' ? '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n' : '';
  const reading = 'Reading package lists...\n';
  if (sub === 'update') {
    env.write().aptListsFresh = true;
    return ok(`Hit:1 http://archive.ubuntu.com/ubuntu noble InRelease\n${reading}`, warn);
  }
  if (sub === 'upgrade') return ok(`${reading}Building dependency tree...\nReading state information...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n`, warn);
  if (sub !== 'install') return { code: 100, stdout: '', stderr: `${warn}E: Invalid operation ${sub ?? ''}\n` };
  const yes = rest.some((a) => a === '-y' || a === '--yes' || a === '--assume-yes');
  const names = rest.filter((a) => !a.startsWith('-'));
  const disk = env.read();
  const preamble = `${reading}Building dependency tree...\nReading state information...\n`;
  // Ubuntu and Debian AMIs ship without package lists: nothing is found before `apt-get update`.
  const missing = names.filter((n) => !disk.packages[n] && (!disk.aptListsFresh || !findPackage(disk.distro, n)));
  if (missing.length) return { code: 100, stdout: preamble, stderr: `${warn}E: Unable to locate package ${missing[0]}\n` };
  const todo = names.filter((n) => !disk.packages[n]);
  const already = names.filter((n) => disk.packages[n]).map((n) => `${n} is already the newest version (${disk.packages[n].version}).\n`).join('');
  if (!todo.length) return ok(`${preamble}${already}0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n`, warn);
  if (!yes) return { code: 1, stdout: `${preamble}${already}Do you want to continue? [Y/n] Abort.\n`, stderr: warn };
  const w = env.write();
  let out = `${preamble}${already}The following NEW packages will be installed:\n  ${todo.join(' ')}\n`;
  for (const n of todo) {
    const p = findPackage(w.distro, n)!;
    w.packages[n] = { version: p.version, source: 'dpkg' };
    if (p.service) w.services[p.service] = startsServiceOnInstall(w.distro) ? { enabled: true, active: true } : { enabled: false, active: false };
    for (const d of p.directories ?? []) if (!w.directories.includes(d)) w.directories.push(d);
    out += `Setting up ${n} (${p.version}) ...\n`;
  }
  return ok(out, warn);
}

export function rpmQuery(env: ShellEnv, args: string[]): CommandResult {
  if (args[0] !== '-q') return { code: 1, stdout: '', stderr: 'rpm: only `rpm -q` is simulated by mini-EC2\n' };
  const disk = env.read();
  let stdout = '';
  let code = 0;
  for (const n of args.slice(1)) {
    const p = disk.packages[n];
    if (p && p.source === 'rpm') stdout += rpmName(n, p.version, env.arch) + '\n';
    else {
      stdout += `package ${n} is not installed\n`;
      code = 1;
    }
  }
  return { code, stdout, stderr: '' };
}

export function dpkgStatus(env: ShellEnv, args: string[]): CommandResult {
  if (args[0] !== '-s' && args[0] !== '--status') return { code: 2, stdout: '', stderr: 'dpkg: only `dpkg -s` is simulated by mini-EC2\n' };
  const disk = env.read();
  let stdout = '';
  let stderr = '';
  let code = 0;
  for (const n of args.slice(1)) {
    const p = disk.packages[n];
    if (p && p.source === 'dpkg') stdout += `Package: ${n}\nStatus: install ok installed\nVersion: ${p.version}\n\n`;
    else {
      stderr += `dpkg-query: package '${n}' is not installed and no information is available\n`;
      code = 1;
    }
  }
  if (code) stderr += 'Use dpkg --info (= dpkg-deb --info) to examine archive files.\n';
  return { code, stdout, stderr };
}
