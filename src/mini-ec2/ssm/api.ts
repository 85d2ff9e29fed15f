/**
 * SsmApi: the Systems Manager methods learner code uses, typed so that both the model's SSM client and a
 * real `SSM` client from @aws-sdk/client-ssm fit it (tests/mini-ec2/types/sdk-types.check.ts proves
 * both). Method syntax on purpose, as in Ec2Api: parameters compare bivariantly.
 */
import type * as S from './shapes.ts';

export interface SsmApi {
  getParameter(args: S.GetParameterRequest): Promise<S.GetParameterResult>;
  getParameters(args: S.GetParametersRequest): Promise<S.GetParametersResult>;
  getParametersByPath(args: S.GetParametersByPathRequest): Promise<S.GetParametersByPathResult>;
  sendCommand(args: S.SendCommandRequest): Promise<S.SendCommandResult>;
  getCommandInvocation(args: S.GetCommandInvocationRequest): Promise<S.GetCommandInvocationResult>;
  listCommandInvocations(args?: S.ListCommandInvocationsRequest): Promise<S.ListCommandInvocationsResult>;
}
