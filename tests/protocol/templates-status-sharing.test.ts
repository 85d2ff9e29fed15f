/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument -- this file reads the untyped JSON that boto3 and the AWS CLI print */
// Launch templates, status checks, instance attributes, tags, image sharing and snapshots over EC2's wire
// protocol, through boto3 (templates_status_sharing_boto3.py) and the real AWS CLI,
// against the real `ec2-lab mini-ec2` command. A machine without python3/boto3 or the CLI FAILS this test.
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { ROOT, requireProgram, useCommandServer } from './helpers.ts';

const REGION = 'us-east-1';
const server = useCommandServer(['--speed', '50']); // status checks pass 2.4 s after running: boto3's waiters (1 s) see 'initializing' first

it('launch templates, status checks, ModifyInstanceAttribute, DescribeTags, image sharing and DeleteSnapshot through boto3', () => {
  requireProgram('python3', ['-c', 'import boto3'], 'python3 with boto3');
  const run = spawnSync('python3', [`${ROOT}tests/protocol/templates_status_sharing_boto3.py`, server.url, REGION], {
    encoding: 'utf8',
    timeout: 100_000,
    env: { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' },
  });
  expect(run.status, `boto3 failed:\n${run.stderr}\n${run.stdout}`).toBe(0);
  const s = JSON.parse(run.stdout);
  expect(s.templateId).toMatch(/^lt-[0-9a-f]{17}$/);
  expect(s.created).toEqual({ LaunchTemplateName: 'web', DefaultVersionNumber: 1, LatestVersionNumber: 1 });
  expect(s.version2.number).toBe(2);
  expect(s.version2.data).toMatchObject({ InstanceType: 't3.small', TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Role', Value: 'web' }] }] });
  expect(s.versions).toEqual([[1, false], [2, true]]);
  expect(s.described).toEqual([['web', 2, 2, [{ Key: 'team', Value: 'a' }]]]);
  expect(s.launched).toEqual({ type: 't3.small', imageId: s.launched.ami, ami: s.launched.ami }); // the default, version 2
  expect(s.statusRightAfter).toEqual([['running', 'initializing', 'initializing']]);
  expect(s.statusOk).toEqual([['ok', 'passed']]);
  expect(s.tags).toEqual([
    ['Role', 'web', 'instance'],
    ['aws:ec2launchtemplate:id', s.templateId, 'instance'],
    ['aws:ec2launchtemplate:version', '2', 'instance'],
  ]);
  expect(s.modifyRunning).toMatch(/^IncorrectInstanceState: The instance 'i-[0-9a-f]{17}' is not in the 'stopped' state\.$/);
  expect(s.typeAfter).toBe('t3.large');
  expect(s.userDataAfter).toBe('#!/bin/bash\necho changed\n'); // boto3 base64-encodes the blob; the model stores it
  expect(s.allStatuses).toEqual([[expect.stringMatching(/^i-/), 'stopped', 'not-applicable']]);
  expect(s.snapshot.deleteInUse).toMatch(new RegExp(`^InvalidSnapshot.InUse: The snapshot ${s.snapshot.id} is currently in use by ami-[0-9a-f]{17}$`));
  expect(s.sharing).toEqual({ shared: [{ Group: 'all' }, { UserId: '210987654321' }], publicNow: true, afterReset: [] });
  expect(s.snapshot.leftBehind).toEqual([s.snapshot.id]);
  expect(s.snapshot.afterDelete).toEqual([]);
  expect(s.errors.duplicateTemplate).toBe('InvalidLaunchTemplateName.AlreadyExistsException: Launch template name already in use.');
  expect(s.errors.templateGone).toBe(`InvalidLaunchTemplateId.NotFound: The specified launch template, with template ID ${s.templateId}, does not exist.`);
  expect(s.errors.unknownVersion).toMatch(/^InvalidLaunchTemplateId.VersionNotFound: Could not find the specified version 7 for the launch template with ID lt-/);
}, 120_000);

it('the real aws command: create-launch-template, run-instances --launch-template, describe-instance-status, describe-tags', () => {
  requireProgram('aws', ['--version'], 'The AWS CLI (aws)');
  const env = { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_PAGER: '' };
  const aws = (...args: string[]) => {
    const r = spawnSync('aws', ['ec2', ...args, '--endpoint-url', server.url, '--region', REGION, '--output', 'json'], { encoding: 'utf8', env, timeout: 30_000 });
    return { status: r.status, json: r.stdout ? JSON.parse(r.stdout) : undefined, stderr: r.stderr };
  };
  const images = aws('describe-images', '--owners', 'amazon', '--filters', 'Name=name,Values=al2023-ami-2023.*', 'Name=architecture,Values=x86_64');
  expect(images.status, images.stderr).toBe(0);
  const ami = images.json.Images[0].ImageId;
  const created = aws('create-launch-template', '--launch-template-name', 'cli-web', '--launch-template-data', JSON.stringify({ ImageId: ami, InstanceType: 't3.micro' }));
  expect(created.status, created.stderr).toBe(0);
  const id = created.json.LaunchTemplate.LaunchTemplateId;
  const run = aws('run-instances', '--launch-template', 'LaunchTemplateName=cli-web,Version=$Latest', '--count', '1');
  expect(run.status, run.stderr).toBe(0);
  expect(run.json.Instances[0]).toMatchObject({ ImageId: ami, InstanceType: 't3.micro' });
  const instanceId = run.json.Instances[0].InstanceId;
  const status = aws('describe-instance-status', '--instance-ids', instanceId, '--include-all-instances');
  expect(status.status, status.stderr).toBe(0);
  expect(status.json.InstanceStatuses[0].InstanceId).toBe(instanceId);
  const tags = aws('describe-tags', '--filters', `Name=resource-id,Values=${instanceId}`);
  expect(tags.json.Tags).toContainEqual({ Key: 'aws:ec2launchtemplate:id', ResourceId: instanceId, ResourceType: 'instance', Value: id });
  const duplicate = aws('create-launch-template', '--launch-template-name', 'cli-web', '--launch-template-data', '{}');
  expect(duplicate.status).not.toBe(0);
  expect(duplicate.stderr).toContain('(InvalidLaunchTemplateName.AlreadyExistsException)');
}, 120_000);
