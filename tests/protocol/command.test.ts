// `ec2-lab mini-ec2` as a user runs it: options, what it prints, and --state FILE (loaded at start, saved
// atomically after every change and at SIGINT/SIGTERM, so stopping the server loses nothing).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EC2 } from '@aws-sdk/client-ec2';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, startCommandServer } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'mini-ec2-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const client = (url: string) =>
  new EC2({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });

async function launchOne(ec2: EC2): Promise<string> {
  const images = await ec2.describeImages({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: ['al2023-ami-2023.*-x86_64'] }] });
  const out = await ec2.runInstances({ ImageId: images.Images![0].ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 });
  return out.Instances![0].InstanceId!;
}

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('ec2-lab mini-ec2', () => {
  it('explains its options with --help, and refuses bad ones with exit code 2', () => {
    const help = spawnSync(process.execPath, [BIN, 'mini-ec2', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(help.status).toBe(0);
    for (const option of ['--port', '--host', '--seed', '--speed', '--state']) expect(help.stdout).toContain(option);
    expect(help.stdout).toContain('Signatures are not verified');
    for (const args of [['--port', 'abc'], ['--speed', '0'], ['--colour', 'red']]) {
      const bad = spawnSync(process.execPath, [BIN, 'mini-ec2', ...args], { cwd: ROOT, encoding: 'utf8' });
      expect([args.join(' '), bad.status]).toEqual([args.join(' '), 2]);
      expect(bad.stderr).toContain('ec2-lab mini-ec2:');
    }
  });

  it('prints the endpoint and how to point the AWS CLI, boto3 and the SDK at it', async () => {
    const server = await startCommandServer();
    try {
      const text = server.output();
      expect(text).toContain(`aws ec2 describe-images --owners amazon --endpoint-url ${server.url} --region us-east-1`);
      expect(text).toContain('export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test');
      expect(text).toContain(`endpoint_url='${server.url}'`);
      expect(text).toContain(`endpoint: '${server.url}'`);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('with --state FILE, saves every change atomically and at SIGTERM, and loads it back at start', async () => {
    const file = join(dir, 'lab.json');
    const first = await startCommandServer(['--state', file, '--speed', '100']);
    const ec2 = client(first.url);
    const id = await launchOne(ec2);
    // Saved after the change, without stopping the server.
    await until(() => existsSync(file) && readFileSync(file, 'utf8').includes(id));
    await ec2.createTags({ Resources: [id], Tags: [{ Key: 'Name', Value: 'kept' }] });
    expect(await first.stop()).toBe(0);
    expect(first.output()).toContain('state saved to');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]); // no temporary file left behind

    const second = await startCommandServer(['--state', file]);
    try {
      const again = client(second.url);
      const found = await again.describeInstances({ InstanceIds: [id] });
      const instance = found.Reservations![0].Instances![0];
      expect(instance.Tags).toEqual([{ Key: 'Name', Value: 'kept' }]);
      expect(instance.State!.Name).toBe('running'); // pending -> running happened under x100 before the stop
      const next = await launchOne(again);
      expect(next).not.toBe(id); // the ID generator continues where it stopped
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it('saves on SIGINT too', async () => {
    const file = join(dir, 'sigint.json');
    const server = await startCommandServer(['--state', file]);
    const id = await launchOne(client(server.url));
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain(id);
  });

  it('refuses a corrupt state file with a clear message, and leaves it untouched', () => {
    const file = join(dir, 'corrupt.json');
    writeFileSync(file, '{ not json');
    const run = spawnSync(process.execPath, [BIN, 'mini-ec2', '--port', '0', '--state', file], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`cannot load ${file}`);
    expect(readFileSync(file, 'utf8')).toBe('{ not json');
  });
});
