// Issue 13's "done when", over the wire against the real `ec2-lab mini-ec2` command: the golden-image
// chain with boto3 (EC2 Query + SSM JSON 1.1 on one endpoint), the same SSM calls with the AWS CLI and
// with @aws-sdk/client-ssm. A machine without python3/boto3 or the CLI FAILS with a message.
// Sources: EC2 user guide (what an AMI holds; user data runs at first boot), Systems Manager API
// reference and botocore's ssm service-2.json (JSON 1.1, X-Amz-Target AmazonSSM.*, error codes).
import { spawnSync } from 'node:child_process';
import { SSM } from '@aws-sdk/client-ssm';
import { EC2 } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { ROOT, requireProgram, useCommandServer } from './helpers.ts';

const AL2023 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
const noConfig = { ...process.env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };

/** What golden_chain_boto3.py prints. */
type ChainResult = {
  parameter: { name: string; value: string; type: string };
  console: string;
  clone: { type: string; key: string; tags: unknown[]; userData: object; status: string; code: number; stdout: string; invocations: string[] };
  plain: { imageId: string; status: string; code: number; stdout: string };
  west: { status: string; stdout: string };
  errors: Record<string, string>;
  invalidParameters: string[];
};
type SdkError = { name: string; $metadata: { httpStatusCode: number }; $fault: string };

const server = useCommandServer(['--speed', '200']);

describe('the golden-image chain over the wire', () => {
  it('boto3: user data builds, the image carries the disk, clones carry only their own launch', () => {
    requireProgram('python3', ['-c', 'import boto3'], 'python3 with boto3');
    const run = spawnSync('python3', [`${ROOT}tests/protocol/golden_chain_boto3.py`, server.url], { encoding: 'utf8', timeout: 55_000, env: noConfig });
    expect(run.status, `boto3 chain failed:\n${run.stderr}\n${run.stdout}`).toBe(0);
    const r = JSON.parse(run.stdout) as ChainResult;
    expect(r.parameter).toMatchObject({ name: AL2023, type: 'String' });
    expect(r.parameter.value).toMatch(/^ami-[0-9a-f]{17}$/);
    expect(r.console).toContain('Complete!');
    expect(r.console).toContain("Cloud-init v. 22.2.2 running 'init'");
    expect(r.clone).toMatchObject({ type: 't3.micro', key: 'clone-key', tags: [], userData: {}, status: 'Success', code: 0 });
    expect(r.clone.stdout).toMatch(/^httpd-2\.4\.\S+\.x86_64\nactive\nbuilt by user data\n$/);
    expect(r.clone.invocations).toEqual(['Success']);
    expect(r.plain).toMatchObject({ imageId: r.parameter.value, status: 'Failed', code: 1, stdout: 'package httpd is not installed\n' });
    expect(r.west).toMatchObject({ status: 'Success', stdout: 'active\n' });
    expect(r.errors).toEqual({ missingParameter: 'ParameterNotFound', unknownDocument: 'InvalidDocument', notManaged: 'InvalidInstanceId', noInvocation: 'InvocationDoesNotExist' });
    expect(r.invalidParameters).toEqual(['/nope']);
  }, 60_000);

  it('the AWS CLI: aws ssm get-parameter, get-parameters-by-path and a missing parameter', () => {
    requireProgram('aws', ['--version'], 'the AWS CLI');
    const aws = (...args: string[]) => spawnSync('aws', [...args, '--endpoint-url', server.url, '--region', 'eu-west-1', '--output', 'json'], { encoding: 'utf8', timeout: 30_000, env: noConfig });
    const got = aws('ssm', 'get-parameter', '--name', AL2023);
    expect(got.status, got.stderr).toBe(0);
    expect((JSON.parse(got.stdout) as { Parameter: object }).Parameter).toMatchObject({ Name: AL2023, Type: 'String', DataType: 'text', ARN: `arn:aws:ssm:eu-west-1::parameter${AL2023}` });
    const byPath = aws('ssm', 'get-parameters-by-path', '--path', '/aws/service/ami-windows-latest');
    expect(byPath.status, byPath.stderr).toBe(0);
    expect((JSON.parse(byPath.stdout) as { Parameters: { Name: string }[] }).Parameters.map((p) => p.Name)).toContain('/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base');
    const missing = aws('ssm', 'get-parameter', '--name', '/no/such');
    expect([254, 255]).toContain(missing.status); // CLI v2 exits 254 on a service error, v1 255
    expect(missing.stderr).toContain('An error occurred (ParameterNotFound) when calling the GetParameter operation');
  }, 60_000);

  it('@aws-sdk/client-ssm: Run Command on an instance launched with resolve:ssm:, and typed errors', async () => {
    const config = { endpoint: server.url, region: 'ap-southeast-2', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 };
    const ec2 = new EC2(config);
    const ssm = new SSM(config);
    const { Parameter } = await ssm.getParameter({ Name: AL2023 });
    expect(Parameter!.LastModifiedDate).toBeInstanceOf(Date);
    const launched = await ec2.runInstances({ ImageId: `resolve:ssm:${AL2023}`, MinCount: 1, MaxCount: 1 });
    const id = launched.Instances![0].InstanceId!;
    expect(launched.Instances![0].ImageId).toBe(Parameter!.Value);
    for (let i = 0; i < 100 && (await ec2.describeInstances({ InstanceIds: [id] })).Reservations![0].Instances![0].State!.Name !== 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const sent = await ssm.sendCommand({ DocumentName: 'AWS-RunShellScript', InstanceIds: [id], Parameters: { commands: ['echo hello', 'nosuch'] } });
    expect(sent.Command!.RequestedDateTime).toBeInstanceOf(Date);
    let inv = await ssm.getCommandInvocation({ CommandId: sent.Command!.CommandId!, InstanceId: id });
    for (let i = 0; i < 100 && (inv.Status === 'Pending' || inv.Status === 'InProgress'); i++) {
      await new Promise((r) => setTimeout(r, 20));
      inv = await ssm.getCommandInvocation({ CommandId: sent.Command!.CommandId!, InstanceId: id });
    }
    expect(inv).toMatchObject({ Status: 'Failed', ResponseCode: 127, StandardOutputContent: 'hello\n' });
    expect(inv.StandardErrorContent).toMatch(/line 2: nosuch: command not found\n$/);
    const error = await ssm.getParameter({ Name: '/no/such' }).catch((e: unknown) => e as SdkError);
    const e = error as SdkError;
    expect([e.name, e.$metadata.httpStatusCode, e.$fault]).toEqual(['ParameterNotFound', 400, 'client']);
  }, 60_000);
});
