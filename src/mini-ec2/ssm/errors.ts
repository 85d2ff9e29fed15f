/**
 * Systems Manager's errors, shaped like @aws-sdk/client-ssm's service exceptions (`name` is the error
 * code, `$fault`, `$metadata.httpStatusCode`). They extend the model's Ec2ServiceException so the model
 * runs SSM calls exactly as EC2 calls (a service error passes through, anything else is a bug).
 * Codes: botocore's ssm service-2.json (the errors each operation declares). Messages: as quoted from
 * real answers in public issue threads where known (aws/aws-cli#2412, awslabs/aws-simple-cicd#10).
 */
import { Ec2ServiceException } from '../errors.ts';

export class SsmServiceException extends Ec2ServiceException {}

const err = (code: string, message: string) => new SsmServiceException(code, message, 400);

export const SsmErrors = {
  /** SSM's generic input check (the JSON protocol's framework error). */
  validation: (message: string) => err('ValidationException', message),
  /** Real SSM answers an unknown parameter with an empty message. */
  parameterNotFound: () => err('ParameterNotFound', ''),
  parameterVersionNotFound: (name: string, version: string) =>
    err('ParameterVersionNotFound', `Systems Manager could not find version ${version} of ${name}. Verify the version and try again.`),
  /** Not running, no agent, not in this region or account: SSM says the same for each. */
  invalidInstance: (ids: readonly string[], accountId: string) =>
    err('InvalidInstanceId', `Instances [[${ids.join(', ')}]] not in a valid state for account ${accountId}`),
  invalidDocument: (name: string) => err('InvalidDocument', `Document with name ${name} does not exist.`),
  invalidParameters: (message: string) => err('InvalidParameters', message),
  unsupportedPlatform: () => err('UnsupportedPlatformType', 'The document does not support the platform type of the given instance ID(s).'),
  invocationDoesNotExist: () => err('InvocationDoesNotExist', ''),
  invalidCommandId: () => err('InvalidCommandId', ''),
  invalidPluginName: () => err('InvalidPluginName', ''),
  duplicateInstance: () => err('DuplicateInstanceId', 'Instance IDs must be unique.'),
  invalidNextToken: () => err('InvalidNextToken', 'The specified token is not valid.'),
};
