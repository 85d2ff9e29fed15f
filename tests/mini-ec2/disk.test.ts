// What an image holds: disks, not instance settings (spec 6, corrected; BEHAVIOUR.md "What an image holds").
// Sources: EC2 user guide, "Create an Amazon EBS-backed AMI" (CreateImage snapshots each attached EBS
// volume; NoReboot false shuts the instance down and reboots it); EC2 API reference, CreateImage and
// RunInstances (type, key pair, groups, user data and tags are parameters of a launch, not of an image);
// EC2 user guide, "Run commands when you launch an EC2 instance with user data input" (user data runs
// once, at the first boot, through cloud-init); AWS Systems Manager user guide, "Find AMIs with the SSM
// Agent preinstalled" (AL2023 standard AMI, Ubuntu through snap; not Debian, not the AL2023 minimal AMI).
import { describe, expect, test } from 'vitest';
import { launch, newestAl2023, setup } from './helpers.ts';

const script = (text: string) => btoa(text);

const HTTPD_USER_DATA = script(['#!/bin/bash', 'dnf install -y httpd', 'systemctl enable --now httpd', 'echo "hello from the builder" > /var/www/html/index.html'].join('\n'));

async function newest(ec2: ReturnType<typeof setup>['ec2'], namePattern: string, owner: string) {
  const { Images = [] } = await ec2.describeImages({ Owners: [owner], Filters: [{ Name: 'name', Values: [namePattern] }, { Name: 'architecture', Values: ['x86_64'] }] });
  return [...Images].sort((a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? ''))[0].ImageId!;
}

describe('the disk of an instance', () => {
  test('a catalog image starts its instance with the base OS: AL2023 with dnf and the SSM agent running', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    const disk = model.instanceDisk('us-east-1', id)!;
    expect(disk.distro).toBe('al2023');
    expect(disk.packages.dnf.source).toBe('rpm');
    expect(disk.packages['amazon-ssm-agent']).toBeDefined();
    expect(disk.services['amazon-ssm-agent']).toEqual({ enabled: true, active: true });
    expect(disk.packages.httpd).toBeUndefined();
  });

  test('Ubuntu has apt and the SSM agent as a snap; Debian has no SSM agent', async () => {
    const { model, ec2 } = setup();
    const ubuntu = await launch(ec2, { ImageId: await newest(ec2, 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*', '099720109477') });
    const disk = model.instanceDisk('us-east-1', ubuntu)!;
    expect(disk.distro).toBe('ubuntu');
    expect(disk.packages.apt.source).toBe('dpkg');
    expect(disk.packages['amazon-ssm-agent'].source).toBe('snap');
    expect(disk.services['snap.amazon-ssm-agent.amazon-ssm-agent'].active).toBe(true);
    const debian = await launch(ec2, { ImageId: await newest(ec2, 'debian-12-amd64-*', '136693071363') });
    expect(model.instanceDisk('us-east-1', debian)!.packages['amazon-ssm-agent']).toBeUndefined();
  });

  test('user data runs at the first boot: the package is installed, its service enabled and running, the file written', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2, { UserData: HTTPD_USER_DATA });
    expect(model.instanceDisk('us-east-1', id)!.packages.httpd).toBeUndefined(); // pending: not booted yet
    model.clock.advance(5000);
    const disk = model.instanceDisk('us-east-1', id)!;
    expect(disk.packages.httpd.version).toMatch(/^2\.4\./);
    expect(disk.services.httpd).toEqual({ enabled: true, active: true });
    expect(disk.files['/var/www/html/index.html']).toBe('hello from the builder\n');
  });

  test('user data runs once: a stop and start does not run it again', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2, { UserData: script('#!/bin/bash\necho boot >> /var/log/boots.txt\n') });
    model.clock.advance(5000);
    await ec2.stopInstances({ InstanceIds: [id] });
    model.clock.advance(10_000);
    await ec2.startInstances({ InstanceIds: [id] });
    model.clock.advance(5000);
    await ec2.rebootInstances({ InstanceIds: [id] });
    expect(model.instanceDisk('us-east-1', id)!.files['/var/log/boots.txt']).toBe('boot\n');
  });

  test('a boot starts enabled services only: one started without enable is not running after a restart', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2, { UserData: script('#!/bin/bash\ndnf install -y httpd nginx\nsystemctl start httpd\nsystemctl enable --now nginx\n') });
    model.clock.advance(5000);
    expect(model.instanceDisk('us-east-1', id)!.services.httpd.active).toBe(true);
    await ec2.stopInstances({ InstanceIds: [id] });
    model.clock.advance(10_000);
    await ec2.startInstances({ InstanceIds: [id] });
    model.clock.advance(5000);
    const services = model.instanceDisk('us-east-1', id)!.services;
    expect(services.httpd).toEqual({ enabled: false, active: false });
    expect(services.nginx).toEqual({ enabled: true, active: true });
  });

  test('instances of the same catalog image have their own disks (writing to one leaves the other alone)', async () => {
    const { model, ec2 } = setup();
    const a = await launch(ec2, { UserData: HTTPD_USER_DATA });
    const b = await launch(ec2);
    model.clock.advance(5000);
    expect(model.instanceDisk('us-east-1', a)!.packages.httpd).toBeDefined();
    expect(model.instanceDisk('us-east-1', b)!.packages.httpd).toBeUndefined();
    expect(model.imageDisk('us-east-1', await newestAl2023(ec2))!.packages.httpd).toBeUndefined();
  });
});

describe('golden images carry the disk and nothing of the builder\'s launch', () => {
  async function builderImage() {
    const s = setup();
    const { model, ec2 } = s;
    await ec2.createKeyPair({ KeyName: 'builder-key' });
    await ec2.createKeyPair({ KeyName: 'clone-key' });
    const sg = await ec2.createSecurityGroup({ GroupName: 'builder-sg', Description: 'builder only' });
    const builder = await launch(ec2, {
      InstanceType: 't3.small', KeyName: 'builder-key', SecurityGroupIds: [sg.GroupId], UserData: HTTPD_USER_DATA,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Role', Value: 'builder' }] }],
    });
    model.clock.advance(5000);
    const { ImageId } = await ec2.createImage({ InstanceId: builder, Name: 'golden-web' });
    model.clock.advance(30_000);
    return { ...s, builder, imageId: ImageId!, groupId: sg.GroupId! };
  }

  test('a clone launched with another key pair and type has httpd installed and running, without the builder\'s settings', async () => {
    const { model, ec2, imageId, groupId } = await builderImage();
    const clone = (await ec2.runInstances({ ImageId: imageId, InstanceType: 't3.micro', KeyName: 'clone-key', MinCount: 1, MaxCount: 1 })).Instances![0];
    expect(clone.InstanceType).toBe('t3.micro');
    expect(clone.KeyName).toBe('clone-key');
    expect(clone.Tags).toBeUndefined();
    expect(clone.SecurityGroups!.map((g) => g.GroupId)).not.toContain(groupId);
    expect((await ec2.describeInstanceAttribute({ InstanceId: clone.InstanceId, Attribute: 'userData' })).UserData).toEqual({});
    model.clock.advance(5000);
    const disk = model.instanceDisk('us-east-1', clone.InstanceId!)!;
    expect(disk.packages.httpd).toBeDefined();
    expect(disk.services.httpd).toEqual({ enabled: true, active: true });
    expect(disk.files['/var/www/html/index.html']).toBe('hello from the builder\n');
  });

  test('a launch without type or key pair gets the defaults, not the builder\'s', async () => {
    const { ec2, imageId } = await builderImage();
    const clone = (await ec2.runInstances({ ImageId: imageId, MinCount: 1, MaxCount: 1 })).Instances![0];
    expect(clone.InstanceType).toBe('t2.micro');
    expect(clone.KeyName).toBeUndefined();
    expect(clone.SecurityGroups!.map((g) => g.GroupName)).toEqual(['default']);
  });

  test('the clone\'s own user data runs on top of the image\'s disk; the builder\'s does not run again', async () => {
    const { model, ec2, imageId } = await builderImage();
    const id = await launch(ec2, { ImageId: imageId, UserData: script('#!/bin/bash\necho clone >> /var/www/html/index.html\n') });
    model.clock.advance(5000);
    expect(model.instanceDisk('us-east-1', id)!.files['/var/www/html/index.html']).toBe('hello from the builder\nclone\n');
  });

  test('the image\'s snapshots hold the disk: the image disk shows httpd; a plain instance of the base AMI lacks it', async () => {
    const { model, ec2, imageId } = await builderImage();
    expect(model.imageDisk('us-east-1', imageId)!.packages.httpd).toBeDefined();
    const plain = await launch(ec2);
    model.clock.advance(5000);
    expect(model.instanceDisk('us-east-1', plain)!.packages.httpd).toBeUndefined();
  });

  test('a copy in another region carries the disk too', async () => {
    const { model, imageId } = await builderImage();
    const west = model.client('us-west-2');
    const copy = await west.copyImage({ SourceImageId: imageId, SourceRegion: 'us-east-1', Name: 'golden-west' });
    model.clock.advance(30_000);
    const clone = (await west.runInstances({ ImageId: copy.ImageId, MinCount: 1, MaxCount: 1 })).Instances![0];
    model.clock.advance(5000);
    expect(model.instanceDisk('us-west-2', clone.InstanceId!)!.packages.httpd).toBeDefined();
    expect(clone.Tags).toBeUndefined();
  });

  test('a copy of a catalog image keeps its base OS', async () => {
    const { model, ec2 } = setup();
    const west = model.client('us-west-2');
    const copy = await west.copyImage({ SourceImageId: await newestAl2023(ec2), SourceRegion: 'us-east-1', Name: 'al2023-copy' });
    expect(model.imageDisk('us-west-2', copy.ImageId!)!.services['amazon-ssm-agent'].active).toBe(true);
  });

  test('CreateImage without NoReboot reboots: a service started but not enabled is not running afterwards; NoReboot leaves it', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2, { UserData: script('#!/bin/bash\ndnf install -y httpd\nsystemctl start httpd\n') });
    model.clock.advance(5000);
    await ec2.createImage({ InstanceId: id, Name: 'no-reboot', NoReboot: true });
    expect(model.instanceDisk('us-east-1', id)!.services.httpd.active).toBe(true);
    await ec2.createImage({ InstanceId: id, Name: 'with-reboot' });
    expect(model.instanceDisk('us-east-1', id)!.services.httpd.active).toBe(false);
    const state = model.exportState().regions['us-east-1'].instances[id];
    expect(state.consoleOutput).toContain('reboot: Restarting system (requested by CreateImage)');
  });

  test('disks survive a state snapshot round trip', async () => {
    const { model, imageId } = await builderImage();
    const copy = (await import('../../src/mini-ec2/index.ts')).MiniEc2.fromState(model.exportStateJson());
    expect(copy.imageDisk('us-east-1', imageId)!.packages.httpd).toBeDefined();
  });
});

// EC2 API reference, GetConsoleOutput: Output is base64-encoded; InstanceId and Timestamp are returned.
// cloud-init's documentation: a failing user data script is reported as "Failed running <script> [<code>]"
// by util.py and "Failed to run module scripts_user" by cc_scripts_user.
describe('GetConsoleOutput', () => {
  const decode = (b64: string) => new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));

  test('shows cloud-init\'s lines and the user data script\'s output, base64-encoded', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2, { UserData: btoa('#!/bin/bash\ndnf install -y httpd\nnosuch-tool --version\n') });
    const early = await ec2.getConsoleOutput({ InstanceId: id });
    expect(early.InstanceId).toBe(id);
    expect(early.Output).toBeUndefined();
    model.clock.advance(5000);
    const out = await ec2.getConsoleOutput({ InstanceId: id });
    expect(out.Timestamp).toBeInstanceOf(Date);
    const text = decode(out.Output!);
    expect(text).toMatch(/Cloud-init v\. 22\.2\.2 running 'init' at Thu, 15 Jan 2026 09:00:05 \+0000/);
    expect(text).toContain('cloud-init[1523]: Complete!');
    expect(text).toContain('/var/lib/cloud/instance/scripts/part-001: line 3: nosuch-tool: command not found');
    expect(text).toContain('Failed running /var/lib/cloud/instance/scripts/part-001 [127]');
    expect(text).toContain('Failed to run module scripts_user');
  });

  test('#cloud-config: write_files, then packages, then runcmd', async () => {
    const { model, ec2 } = setup();
    const config = [
      '#cloud-config',
      'packages:',
      '  - nginx',
      'write_files:',
      '  - path: /etc/motd',
      '    content: |',
      '      Welcome',
      '      to the fleet',
      'runcmd:',
      '  - systemctl enable --now nginx',
      '  - [ sh, -c, "echo done" ]',
    ].join('\n');
    const id = await launch(ec2, { UserData: btoa(config) });
    model.clock.advance(5000);
    const disk = model.instanceDisk('us-east-1', id)!;
    expect(disk.files['/etc/motd']).toBe('Welcome\nto the fleet\n');
    expect(disk.packages.nginx).toBeDefined();
    expect(disk.services.nginx).toEqual({ enabled: true, active: true });
    const text = decode((await ec2.getConsoleOutput({ InstanceId: id })).Output!);
    expect(text).toContain('/var/lib/cloud/instance/scripts/runcmd: line 2: sh: command not found'); // sh is outside the subset
  });

  test('#cloud-config packages on Ubuntu need no apt-get update (cloud-init refreshes the lists)', async () => {
    const { model, ec2 } = setup();
    const { Images = [] } = await ec2.describeImages({ Owners: ['099720109477'], Filters: [{ Name: 'name', Values: ['ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*'] }] });
    const id = await launch(ec2, { ImageId: Images[0].ImageId, UserData: btoa('#cloud-config\npackages: [apache2]\n') });
    model.clock.advance(5000);
    expect(model.instanceDisk('us-east-1', id)!.services.apache2).toEqual({ enabled: true, active: true });
  });

  test('an unknown instance is InvalidInstanceID.NotFound', async () => {
    const { ec2 } = setup();
    await expect(ec2.getConsoleOutput({ InstanceId: 'i-0123456789abcdef0' })).rejects.toMatchObject({ name: 'InvalidInstanceID.NotFound' });
  });
});

// EC2 user guide, "Run commands when you launch an EC2 instance with user data input": user data is
// limited to 16 KB in raw form, before base64 encoding; real answers quoted in public issue threads
// (dask/dask-cloudprovider#249, kubermatic/kubermatic#144): InvalidParameterValue, "User data is limited to 16384 bytes".
describe('user data size', () => {
  test('16384 bytes before encoding are accepted, one more is InvalidParameterValue', async () => {
    const { ec2 } = setup();
    const script = (n: number) => btoa('#!/bin/bash\n' + '#'.repeat(n - 13) + '\n');
    await launch(ec2, { UserData: script(16_384) });
    await expect(launch(ec2, { UserData: script(16_385) })).rejects.toMatchObject({ name: 'InvalidParameterValue', message: 'User data is limited to 16384 bytes' });
  });
});
