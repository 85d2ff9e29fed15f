// Compile-time proof that the model's Systems Manager shapes match @aws-sdk/client-ssm's own types
// (src/mini-ec2/BEHAVIOUR.md, "Systems Manager"). Compiled by sdk-types.test.ts with the EC2 checks.
import type * as Sdk from '@aws-sdk/client-ssm';
import type { SSM } from '@aws-sdk/client-ssm';
import { MiniEc2, type SsmApi } from '../../../src/mini-ec2/index.ts';
import type * as S from '../../../src/mini-ec2/ssm/shapes.ts';

type Assignable<A, B> = [A] extends [B] ? true : false;
type KeysKnownTo<Mine, Sdk> = [Exclude<keyof Mine, keyof Sdk>] extends [never] ? true : false;

/** SDK input fits ours, our keys are SDK keys, and outputs fit both ways (a `false` is a drift). */
function operation<MyIn, MyOut, SdkIn, SdkOut>(checks: {
  sdkInputFitsModel: Assignable<SdkIn, MyIn>;
  modelKeysExistInSdk: KeysKnownTo<MyIn, SdkIn>;
  modelOutputFitsSdk: Assignable<MyOut, SdkOut>;
  sdkOutputFitsModel: Assignable<SdkOut, MyOut>;
}): typeof checks {
  return checks;
}
const ok = { sdkInputFitsModel: true, modelKeysExistInSdk: true, modelOutputFitsSdk: true, sdkOutputFitsModel: true } as const;

export const checks = [
  operation<S.GetParameterRequest, S.GetParameterResult, Sdk.GetParameterCommandInput, Sdk.GetParameterCommandOutput>(ok),
  operation<S.GetParametersRequest, S.GetParametersResult, Sdk.GetParametersCommandInput, Sdk.GetParametersCommandOutput>(ok),
  operation<S.GetParametersByPathRequest, S.GetParametersByPathResult, Sdk.GetParametersByPathCommandInput, Sdk.GetParametersByPathCommandOutput>(ok),
  operation<S.SendCommandRequest, S.SendCommandResult, Sdk.SendCommandCommandInput, Sdk.SendCommandCommandOutput>(ok),
  operation<S.GetCommandInvocationRequest, S.GetCommandInvocationResult, Sdk.GetCommandInvocationCommandInput, Sdk.GetCommandInvocationCommandOutput>(ok),
  operation<S.ListCommandInvocationsRequest, S.ListCommandInvocationsResult, Sdk.ListCommandInvocationsCommandInput, Sdk.ListCommandInvocationsCommandOutput>(ok),
];

// Both clients satisfy SsmApi.
declare const real: SSM;
export const fromSdk: SsmApi = real;
export const fromModel: SsmApi = new MiniEc2().ssmClient('us-east-1');

// Learner-style code: find the latest AMI through a public parameter, run a command, read its output.
export async function webServerStatus(ssm: SsmApi, instanceId: string): Promise<string | undefined> {
  const { Parameter } = await ssm.getParameter({ Name: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64' });
  const sent = await ssm.sendCommand({ DocumentName: 'AWS-RunShellScript', InstanceIds: [instanceId], Parameters: { commands: ['systemctl is-active httpd'] } });
  const inv = await ssm.getCommandInvocation({ CommandId: sent.Command?.CommandId, InstanceId: instanceId });
  return inv.Status === 'Success' ? `${Parameter?.Value}: ${inv.StandardOutputContent}` : undefined;
}
export const both = [webServerStatus(real, 'i-12345678'), webServerStatus(new MiniEc2().ssmClient('eu-west-1'), 'i-12345678')];
