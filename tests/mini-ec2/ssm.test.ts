// Systems Manager in the model (spec 13; BEHAVIOUR.md "Systems Manager").
// Sources: AWS Systems Manager API reference (SendCommand, GetCommandInvocation, ListCommandInvocations,
// GetParameter, GetParameters, GetParametersByPath) and botocore's ssm service-2.json for the error codes
// each operation declares; real answers quoted in issue threads: aws/aws-cli#2412 and
// aws-samples/eks-security-compromised-cluster-remediation#12 ("Instances [[i-...]] not in a valid state
// for account ..."), awslabs/aws-simple-cicd#10 (ParameterNotFound with an empty message); EC2 user guide,
// "Reference AMIs using Systems Manager parameters" (public parameter names, resolve:ssm: in RunInstances,
// the instance shows the resolved AMI ID).
import { describe, expect, test } from 'vitest';
import { launch, newestAl2023, setup } from './helpers.ts';

const AL2023 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

async function managedInstance(extra: Record<string, unknown> = {}) {
  const s = setup();
  const id = await launch(s.ec2, extra);
  s.model.clock.advance(5000);
  return { ...s, ssm: s.model.ssmClient('us-east-1'), id };
}

async function run(s: Awaited<ReturnType<typeof managedInstance>>, commands: string[]) {
  const sent = await s.ssm.sendCommand({ DocumentName: 'AWS-RunShellScript', InstanceIds: [s.id], Parameters: { commands } });
  s.model.clock.advance(2000);
  return s.ssm.getCommandInvocation({ CommandId: sent.Command!.CommandId, InstanceId: s.id });
}

describe('Run Command', () => {
  test('SendCommand runs the script; the invocation goes Pending, InProgress, then Success with its output', async () => {
    const s = await managedInstance();
    const sent = await s.ssm.sendCommand({ DocumentName: 'AWS-RunShellScript', InstanceIds: [s.id], Parameters: { commands: ['dnf install -y httpd', 'systemctl enable --now httpd', 'systemctl is-active httpd'] } });
    expect(sent.Command!.CommandId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sent.Command!.Status).toBe('Pending');
    const get = () => s.ssm.getCommandInvocation({ CommandId: sent.Command!.CommandId, InstanceId: s.id });
    expect((await get()).Status).toBe('Pending');
    expect((await get()).ResponseCode).toBe(-1);
    s.model.clock.advance(600);
    expect((await get()).Status).toBe('InProgress');
    s.model.clock.advance(1500);
    const done = await get();
    expect(done.Status).toBe('Success');
    expect(done.ResponseCode).toBe(0);
    expect(done.StandardOutputContent).toMatch(/Complete!\n[\s\S]*active\n$/);
    expect(done.PluginName).toBe('aws:runShellScript');
    expect(s.model.instanceDisk('us-east-1', s.id)!.services.httpd.active).toBe(true);
  });

  test('a failing script ends Failed with its exit code and standard error', async () => {
    const s = await managedInstance();
    const inv = await run(s, ['apt-get install -y nginx']);
    expect(inv.Status).toBe('Failed');
    expect(inv.ResponseCode).toBe(127);
    expect(inv.StandardErrorContent).toMatch(/_script\.sh: line 1: apt-get: command not found\n$/);
  });

  test('ListCommandInvocations lists the invocations, newest first, with plugin details on request', async () => {
    const s = await managedInstance();
    await run(s, ['echo first']);
    const second = await run(s, ['echo second']);
    const { CommandInvocations = [] } = await s.ssm.listCommandInvocations({ InstanceId: s.id, Details: true });
    expect(CommandInvocations.map((c) => c.CommandId)[0]).toBe(second.CommandId);
    expect(CommandInvocations).toHaveLength(2);
    expect(CommandInvocations[0].CommandPlugins![0]).toMatchObject({ Name: 'aws:runShellScript', Status: 'Success', ResponseCode: 0, Output: 'second\n' });
  });

  test('an instance without a running agent, not running, or unknown is InvalidInstanceId', async () => {
    const s = await managedInstance();
    const send = (id: string) => s.ssm.sendCommand({ DocumentName: 'AWS-RunShellScript', InstanceIds: [id], Parameters: { commands: ['echo hi'] } });
    await run(s, ['systemctl stop amazon-ssm-agent']);
    await expect(send(s.id)).rejects.toMatchObject({ name: 'InvalidInstanceId', message: `Instances [[${s.id}]] not in a valid state for account 123456789012` });
    const pending = await launch(s.ec2);
    await expect(send(pending)).rejects.toMatchObject({ name: 'InvalidInstanceId' });
    await expect(send('i-0123456789abcdef0')).rejects.toMatchObject({ name: 'InvalidInstanceId', $metadata: { httpStatusCode: 400 } });
  });

  test('the AL2023 minimal image and Debian have no SSM agent: not managed', async () => {
    const s = setup();
    const { Images = [] } = await s.ec2.describeImages({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: ['al2023-ami-minimal-*'] }] });
    const id = await launch(s.ec2, { ImageId: Images[0].ImageId });
    s.model.clock.advance(5000);
    await expect(s.model.ssmClient('us-east-1').sendCommand({ DocumentName: 'AWS-RunShellScript', InstanceIds: [id], Parameters: { commands: ['true'] } })).rejects.toMatchObject({ name: 'InvalidInstanceId' });
  });

  test('an unknown document is InvalidDocument; missing commands are InvalidParameters; a Windows instance is UnsupportedPlatformType', async () => {
    const s = await managedInstance();
    await expect(s.ssm.sendCommand({ DocumentName: 'AWS-RunPowerShellScript2', InstanceIds: [s.id], Parameters: { commands: ['x'] } })).rejects.toMatchObject({ name: 'InvalidDocument' });
    await expect(s.ssm.sendCommand({ DocumentName: 'AWS-RunShellScript', InstanceIds: [s.id], Parameters: {} })).rejects.toMatchObject({ name: 'InvalidParameters' });
    const { Parameter } = await s.ssm.getParameter({ Name: '/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base' });
    const win = await launch(s.ec2, { ImageId: Parameter!.Value });
    s.model.clock.advance(5000);
    await expect(s.ssm.sendCommand({ DocumentName: 'AWS-RunShellScript', InstanceIds: [win], Parameters: { commands: ['echo'] } })).rejects.toMatchObject({ name: 'UnsupportedPlatformType' });
  });

  test('GetCommandInvocation of an unknown command or instance is InvocationDoesNotExist', async () => {
    const s = await managedInstance();
    const inv = await run(s, ['echo hi']);
    await expect(s.ssm.getCommandInvocation({ CommandId: '11111111-2222-4333-a444-555555555555', InstanceId: s.id })).rejects.toMatchObject({ name: 'InvocationDoesNotExist' });
    await expect(s.ssm.getCommandInvocation({ CommandId: inv.CommandId, InstanceId: 'i-0123456789abcdef0' })).rejects.toMatchObject({ name: 'InvocationDoesNotExist' });
  });
});

describe('public parameters', () => {
  test('GetParameter gives the newest catalog AMI of the region; another region gives its own ID', async () => {
    const { model, ec2 } = setup();
    const east = await model.ssmClient('us-east-1').getParameter({ Name: AL2023 });
    expect(east.Parameter).toMatchObject({ Name: AL2023, Type: 'String', DataType: 'text', Value: await newestAl2023(ec2), ARN: `arn:aws:ssm:us-east-1::parameter${AL2023}` });
    const west = await model.ssmClient('us-west-2').getParameter({ Name: AL2023 });
    expect(west.Parameter!.Value).toBe(await newestAl2023(model.client('us-west-2')));
    expect(west.Parameter!.Value).not.toBe(east.Parameter!.Value);
    const arm = await model.ssmClient('us-east-1').getParameter({ Name: AL2023.replace('x86_64', 'arm64') });
    expect(arm.Parameter!.Value).toBe(await newestAl2023(ec2, 'arm64'));
  });

  test('Ubuntu and Windows parameters name images of the right family', async () => {
    const { model } = setup();
    const ssm = model.ssmClient('eu-west-1');
    const ubuntu = await ssm.getParameter({ Name: '/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id' });
    const windows = await ssm.getParameter({ Name: '/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base' });
    const west = model.client('eu-west-1');
    const [u] = (await west.describeImages({ ImageIds: [ubuntu.Parameter!.Value!] })).Images!;
    const [w] = (await west.describeImages({ ImageIds: [windows.Parameter!.Value!] })).Images!;
    expect(u.Name).toMatch(/^ubuntu\/images\/hvm-ssd-gp3\/ubuntu-noble-24\.04-amd64-server-/);
    expect(w.Name).toMatch(/^Windows_Server-2022-English-Full-Base-/);
  });

  test('an unknown parameter is ParameterNotFound; GetParameters lists it under InvalidParameters', async () => {
    const { model } = setup();
    const ssm = model.ssmClient('us-east-1');
    await expect(ssm.getParameter({ Name: '/aws/service/ami-amazon-linux-latest/no-such' })).rejects.toMatchObject({ name: 'ParameterNotFound', $metadata: { httpStatusCode: 400 } });
    const both = await ssm.getParameters({ Names: [AL2023, '/nope'] });
    expect(both.Parameters!.map((p) => p.Name)).toEqual([AL2023]);
    expect(both.InvalidParameters).toEqual(['/nope']);
  });

  test('GetParametersByPath: one level below the path, or all with Recursive, ten at a time', async () => {
    const { model } = setup();
    const ssm = model.ssmClient('us-east-1');
    const first = await ssm.getParametersByPath({ Path: '/aws/service/ami-amazon-linux-latest' });
    expect(first.Parameters).toHaveLength(8);
    expect(first.NextToken).toBeUndefined();
    expect((await ssm.getParametersByPath({ Path: '/aws/service/canonical/ubuntu/server' })).Parameters).toEqual([]);
    const page = await ssm.getParametersByPath({ Path: '/aws/service/canonical', Recursive: true });
    expect(page.Parameters).toHaveLength(10);
    const rest = await ssm.getParametersByPath({ Path: '/aws/service/canonical', Recursive: true, NextToken: page.NextToken });
    expect(rest.Parameters!.length).toBe(2);
  });

  test('RunInstances accepts resolve:ssm:<name> and the instance shows the resolved AMI ID', async () => {
    const { ec2 } = setup();
    const r = await ec2.runInstances({ ImageId: `resolve:ssm:${AL2023}`, MinCount: 1, MaxCount: 1 });
    expect(r.Instances![0].ImageId).toBe(await newestAl2023(ec2));
    await expect(ec2.runInstances({ ImageId: 'resolve:ssm:/aws/service/nothing/here', MinCount: 1, MaxCount: 1 })).rejects.toMatchObject({ name: 'InvalidParameterValue' });
  });
});
