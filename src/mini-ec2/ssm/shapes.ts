/**
 * The request and response types of the Systems Manager calls the model serves: a subset of
 * @aws-sdk/client-ssm's, field for field (tests/mini-ec2/types/ssm-types.check.ts proves they fit).
 */
import type { MetadataBearer } from '../sdk-shapes.ts';

export type CommandInvocationStatus = 'Pending' | 'InProgress' | 'Delayed' | 'Success' | 'Cancelled' | 'TimedOut' | 'Failed' | 'Cancelling';

export interface Parameter {
  Name?: string;
  Type?: 'String' | 'StringList' | 'SecureString';
  Value?: string;
  Version?: number;
  LastModifiedDate?: Date;
  ARN?: string;
  DataType?: string;
}

export interface GetParameterRequest {
  Name: string | undefined;
  WithDecryption?: boolean;
}
export interface GetParameterResult extends MetadataBearer {
  Parameter?: Parameter;
}
export interface GetParametersRequest {
  Names: string[] | undefined;
  WithDecryption?: boolean;
}
export interface GetParametersResult extends MetadataBearer {
  Parameters?: Parameter[];
  InvalidParameters?: string[];
}
export interface GetParametersByPathRequest {
  Path: string | undefined;
  Recursive?: boolean;
  WithDecryption?: boolean;
  MaxResults?: number;
  NextToken?: string;
}
export interface GetParametersByPathResult extends MetadataBearer {
  Parameters?: Parameter[];
  NextToken?: string;
}

export interface SendCommandRequest {
  DocumentName: string | undefined;
  InstanceIds?: string[];
  Parameters?: Record<string, string[]>;
  Comment?: string;
  TimeoutSeconds?: number;
}
export interface Command {
  CommandId?: string;
  DocumentName?: string;
  DocumentVersion?: string;
  Comment?: string;
  ExpiresAfter?: Date;
  Parameters?: Record<string, string[]>;
  InstanceIds?: string[];
  RequestedDateTime?: Date;
  Status?: 'Pending' | 'InProgress' | 'Success' | 'Cancelled' | 'Failed' | 'TimedOut' | 'Cancelling';
  StatusDetails?: string;
  TargetCount?: number;
  CompletedCount?: number;
  ErrorCount?: number;
  DeliveryTimedOutCount?: number;
  TimeoutSeconds?: number;
}
export interface SendCommandResult extends MetadataBearer {
  Command?: Command;
}

export interface GetCommandInvocationRequest {
  CommandId: string | undefined;
  InstanceId: string | undefined;
  PluginName?: string;
}
export interface GetCommandInvocationResult extends MetadataBearer {
  CommandId?: string;
  InstanceId?: string;
  Comment?: string;
  DocumentName?: string;
  DocumentVersion?: string;
  PluginName?: string;
  ResponseCode?: number;
  ExecutionStartDateTime?: string;
  ExecutionElapsedTime?: string;
  ExecutionEndDateTime?: string;
  Status?: CommandInvocationStatus;
  StatusDetails?: string;
  StandardOutputContent?: string;
  StandardOutputUrl?: string;
  StandardErrorContent?: string;
  StandardErrorUrl?: string;
}

export interface CommandPlugin {
  Name?: string;
  Status?: 'Pending' | 'InProgress' | 'Success' | 'TimedOut' | 'Cancelled' | 'Failed';
  StatusDetails?: string;
  ResponseCode?: number;
  ResponseStartDateTime?: Date;
  ResponseFinishDateTime?: Date;
  Output?: string;
  StandardOutputUrl?: string;
  StandardErrorUrl?: string;
}
export interface CommandInvocation {
  CommandId?: string;
  InstanceId?: string;
  InstanceName?: string;
  Comment?: string;
  DocumentName?: string;
  DocumentVersion?: string;
  RequestedDateTime?: Date;
  Status?: CommandInvocationStatus;
  StatusDetails?: string;
  StandardOutputUrl?: string;
  StandardErrorUrl?: string;
  CommandPlugins?: CommandPlugin[];
}
export interface ListCommandInvocationsRequest {
  CommandId?: string;
  InstanceId?: string;
  MaxResults?: number;
  NextToken?: string;
  Details?: boolean;
}
export interface ListCommandInvocationsResult extends MetadataBearer {
  CommandInvocations?: CommandInvocation[];
  NextToken?: string;
}
