/**
 * The SDK-shaped Systems Manager client of one region: the method names and shapes of
 * @aws-sdk/client-ssm's aggregated `SSM` client, for the calls the model serves. Made by
 * `model.ssmClient(region)`; it runs its calls through the same model as the EC2 client.
 */
import { sdkConfig, sleepOnModelClock, type ClientBackend, type Ctx } from '../context.ts';
import { SLEEP } from '../waiters.ts';
import { SsmErrors } from './errors.ts';
import { getParameter, getParameters, getParametersByPath } from './parameters.ts';
import { getCommandInvocation, listCommandInvocations, sendCommand } from './run-command.ts';
import type * as S from './shapes.ts';

/** A plain object with only `allowed` keys, or SSM's validation error naming the first unknown one. */
function input<T extends object>(args: unknown, allowed: readonly string[]): T {
  if (args === undefined) return {} as T;
  if (typeof args !== 'object' || args === null || Array.isArray(args)) throw SsmErrors.validation('The request must be an object.');
  for (const key of Object.keys(args)) {
    if (!allowed.includes(key)) throw SsmErrors.validation(`Unknown field '${key}' (expected one of: ${allowed.join(', ')}).`);
  }
  return args as T;
}

function text(value: unknown, field: string, required: boolean): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.length === 0) throw SsmErrors.validation(`1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must not be null`);
  return value;
}

function texts(value: unknown, field: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw SsmErrors.validation(`Value at '${field}' must be a list of strings.`);
  return [...value];
}

function integer(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw SsmErrors.validation(`Value at '${field}' must be an integer.`);
  return value;
}

function commandParameters(value: unknown): Record<string, string[]> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw SsmErrors.invalidParameters('Parameters must be a map of names to lists of strings.');
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(value)) out[k] = texts(v, `parameters.${k}`) ?? [];
  return out;
}

export class MiniSsmClient {
  readonly region: string;
  readonly #backend: ClientBackend;
  /** Mirrors the SDK client's `config.region`. */
  readonly config: { region: () => Promise<string> };

  /** @internal Made by `MiniEc2.ssmClient(region)`, never by learner code. */
  constructor(backend: ClientBackend, region: string) {
    this.#backend = backend;
    this.region = region;
    this.config = sdkConfig(region);
  }

  /** Waiters "sleep" through this, as with the EC2 client. */
  async [SLEEP](ms: number): Promise<void> {
    return sleepOnModelClock(this.#backend, ms);
  }

  #run<R extends object>(op: (ctx: Ctx) => R) {
    return this.#backend.run(this.region, op);
  }

  async getParameter(args: S.GetParameterRequest): Promise<S.GetParameterResult> {
    return this.#run(() => {
      const a = input<S.GetParameterRequest>(args, ['Name', 'WithDecryption']);
      return { Parameter: getParameter(this.region, text(a.Name, 'name', true)!) };
    });
  }

  async getParameters(args: S.GetParametersRequest): Promise<S.GetParametersResult> {
    return this.#run(() => {
      const a = input<S.GetParametersRequest>(args, ['Names', 'WithDecryption']);
      return getParameters(this.region, texts(a.Names, 'names') ?? []);
    });
  }

  async getParametersByPath(args: S.GetParametersByPathRequest): Promise<S.GetParametersByPathResult> {
    return this.#run(() => {
      const a = input<S.GetParametersByPathRequest>(args, ['Path', 'Recursive', 'WithDecryption', 'MaxResults', 'NextToken']);
      return getParametersByPath(this.region, text(a.Path, 'path', true)!, a.Recursive === true, integer(a.MaxResults, 'maxResults'), text(a.NextToken, 'nextToken', false));
    });
  }

  async sendCommand(args: S.SendCommandRequest): Promise<S.SendCommandResult> {
    return this.#run((ctx) => {
      const a = input<S.SendCommandRequest>(args, ['DocumentName', 'InstanceIds', 'Parameters', 'Comment', 'TimeoutSeconds']);
      return sendCommand(ctx, {
        DocumentName: text(a.DocumentName, 'documentName', true),
        InstanceIds: texts(a.InstanceIds, 'instanceIds'),
        Parameters: commandParameters(a.Parameters),
        Comment: text(a.Comment, 'comment', false),
        TimeoutSeconds: integer(a.TimeoutSeconds, 'timeoutSeconds'),
      });
    });
  }

  async getCommandInvocation(args: S.GetCommandInvocationRequest): Promise<S.GetCommandInvocationResult> {
    return this.#run((ctx) => {
      const a = input<S.GetCommandInvocationRequest>(args, ['CommandId', 'InstanceId', 'PluginName']);
      return getCommandInvocation(ctx, text(a.CommandId, 'commandId', true)!, text(a.InstanceId, 'instanceId', true)!, text(a.PluginName, 'pluginName', false));
    });
  }

  async listCommandInvocations(args: S.ListCommandInvocationsRequest = {}): Promise<S.ListCommandInvocationsResult> {
    return this.#run((ctx) => {
      const a = input<S.ListCommandInvocationsRequest>(args, ['CommandId', 'InstanceId', 'MaxResults', 'NextToken', 'Details']);
      return listCommandInvocations(ctx, {
        CommandId: text(a.CommandId, 'commandId', false),
        InstanceId: text(a.InstanceId, 'instanceId', false),
        MaxResults: integer(a.MaxResults, 'maxResults'),
        NextToken: text(a.NextToken, 'nextToken', false),
        Details: a.Details === true,
      });
    });
  }
}
