// The shell subset shared by user data and Run Command (spec 6b; README "The shell subset").
// Sources for the wording: bash's "<script>: line N: <cmd>: command not found" with exit status 127
// (bash manual, "Exit Status"); dnf 4 on AL2023 / RHEL 9 ("No match for argument: X", "Error: Unable to
// find a match: X", exit 1); apt ("E: Unable to locate package X", exit 100); systemctl(1) exit codes
// (is-active: 3 when inactive; start of a missing unit: 5, "Unit X.service not found."); coreutils' cat
// and mkdir messages; dpkg-query's "package 'X' is not installed and no information is available".
import { describe, expect, test } from 'vitest';
import { basePicture, type Distro, type DiskContents } from '../../src/mini-ec2/disk/contents.ts';
import { runShell, type ShellEnv } from '../../src/mini-ec2/disk/shell/run.ts';

function shellOn(distro: Distro): { env: ShellEnv; disk: () => DiskContents } {
  const disk = basePicture(distro);
  return { env: { read: () => disk, write: () => disk, arch: 'x86_64', scriptPath: 'bash' }, disk: () => disk };
}

describe('the shell subset', () => {
  test('an unknown command fails as bash does: exit 127, "<script>: line N: X: command not found"', () => {
    const { env } = shellOn('al2023');
    const r = runShell(env, '#!/bin/bash\n# a comment\ncurl https://example.com\n');
    expect(r.code).toBe(127);
    expect(r.stderr).toBe('bash: line 3: curl: command not found\n');
  });

  test('the wrong package manager for the distribution is not there: apt-get on AL2023, dnf on Ubuntu', () => {
    expect(runShell(shellOn('al2023').env, 'apt-get install -y nginx')).toEqual({ code: 127, stdout: '', stderr: 'bash: line 1: apt-get: command not found\n' });
    expect(runShell(shellOn('ubuntu').env, 'dnf install -y nginx').code).toBe(127);
    expect(runShell(shellOn('amazon-linux-2').env, 'dnf install -y httpd').code).toBe(127); // AL2 has yum only
    expect(runShell(shellOn('amazon-linux-2').env, 'yum install -y httpd').code).toBe(0);
  });

  test('dnf installs from the index; an unknown package fails the whole transaction with dnf\'s messages', () => {
    const { env, disk } = shellOn('al2023');
    const bad = runShell(env, 'dnf install -y httpd no-such-pkg');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('No match for argument: no-such-pkg\n');
    expect(bad.stderr).toBe('Error: Unable to find a match: no-such-pkg\n');
    expect(disk().packages.httpd).toBeUndefined();
    const good = runShell(env, 'sudo yum install -y httpd');
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('httpd-2.4.62-1.amzn2023.x86_64');
    expect(good.stdout).toMatch(/Complete!\n$/);
    expect(disk().services.httpd).toEqual({ enabled: false, active: false }); // RPM installs leave services off
  });

  test('dnf without -y does not install (no one answers its question)', () => {
    const { env, disk } = shellOn('al2023');
    expect(runShell(env, 'dnf install httpd').code).toBe(1);
    expect(disk().packages.httpd).toBeUndefined();
  });

  test('apt-get: packages are unknown until apt-get update; then installed and, on Ubuntu, started and enabled', () => {
    const { env, disk } = shellOn('ubuntu');
    const before = runShell(env, 'apt-get install -y nginx');
    expect(before.code).toBe(100);
    expect(before.stderr).toBe('E: Unable to locate package nginx\n');
    const after = runShell(env, 'apt-get update && apt-get install -y nginx');
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('Setting up nginx (1.24.0-2ubuntu7.1) ...');
    expect(disk().services.nginx).toEqual({ enabled: true, active: true });
    expect(runShell(env, 'apt-get install -y no-such-pkg').stderr).toBe('E: Unable to locate package no-such-pkg\n');
  });

  test('systemctl enable --now, is-active, is-enabled, stop, and a unit that does not exist', () => {
    const { env } = shellOn('al2023');
    runShell(env, 'dnf install -y httpd');
    expect(runShell(env, 'systemctl is-active httpd')).toEqual({ code: 3, stdout: 'inactive\n', stderr: '' });
    const enable = runShell(env, 'systemctl enable --now httpd.service');
    expect(enable.code).toBe(0);
    expect(enable.stderr).toContain('Created symlink /etc/systemd/system/multi-user.target.wants/httpd.service');
    expect(runShell(env, 'systemctl is-active httpd')).toEqual({ code: 0, stdout: 'active\n', stderr: '' });
    expect(runShell(env, 'systemctl is-enabled httpd').stdout).toBe('enabled\n');
    runShell(env, 'systemctl stop httpd');
    expect(runShell(env, 'systemctl is-active httpd').code).toBe(3);
    expect(runShell(env, 'systemctl start nosuch')).toEqual({ code: 5, stdout: '', stderr: 'Failed to start nosuch.service: Unit nosuch.service not found.\n' });
  });

  test('rpm -q and dpkg -s answer for installed packages; the SSM agent on Ubuntu is a snap, not a deb', () => {
    const al = shellOn('al2023');
    expect(runShell(al.env, 'rpm -q amazon-ssm-agent').stdout).toMatch(/^amazon-ssm-agent-3\.3\.\S+\.x86_64\n$/);
    expect(runShell(al.env, 'rpm -q httpd')).toEqual({ code: 1, stdout: 'package httpd is not installed\n', stderr: '' });
    const ub = shellOn('ubuntu');
    expect(runShell(ub.env, 'dpkg -s openssh-server').stdout).toContain('Status: install ok installed');
    const agent = runShell(ub.env, 'dpkg -s amazon-ssm-agent');
    expect(agent.code).toBe(1);
    expect(agent.stderr).toContain("dpkg-query: package 'amazon-ssm-agent' is not installed and no information is available");
  });

  test('echo and cat with > and >>, here-documents, mkdir -p and test -f', () => {
    const { env, disk } = shellOn('al2023');
    const r = runShell(env, [
      'mkdir -p /opt/app/conf',
      "cat > /opt/app/conf/app.ini <<'EOF'",
      'port=8080',
      'EOF',
      'echo "one" > /opt/app/log.txt',
      'echo two >> /opt/app/log.txt',
      'test -f /opt/app/conf/app.ini && echo present',
      'cat /opt/app/log.txt',
    ].join('\n'));
    expect(r).toEqual({ code: 0, stdout: 'present\none\ntwo\n', stderr: '' });
    expect(disk().files['/opt/app/conf/app.ini']).toBe('port=8080\n');
    expect(disk().directories).toContain('/opt/app/conf');
  });

  test('writing into a directory that does not exist fails as bash does (e.g. before httpd is installed)', () => {
    const { env } = shellOn('al2023');
    const r = runShell(env, 'echo hi > /var/www/html/index.html');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('bash: line 1: /var/www/html/index.html: No such file or directory\n');
    expect(runShell(env, 'cat /nope').stderr).toBe('cat: /nope: No such file or directory\n');
  });

  test('&& skips after a failure; without set -e the script goes on; with set -e it stops', () => {
    const { env } = shellOn('al2023');
    expect(runShell(env, 'false && echo no\necho yes')).toEqual({ code: 0, stdout: 'yes\n', stderr: '' });
    const stopped = runShell(env, 'set -e\nnosuch\necho never');
    expect(stopped.code).toBe(127);
    expect(stopped.stdout).toBe('');
  });

  test('pipes are outside the subset and say so', () => {
    const r = runShell(shellOn('al2023').env, 'echo hi | tee /tmp/x');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('pipes are not simulated');
  });
});
