/**
 * Run Command: SendCommand with the AWS-RunShellScript document, GetCommandInvocation and
 * ListCommandInvocations. The commands run through the same shell subset as user data, as root, on the
 * instance's root disk.
 *
 * What the model simplifies: real SSM needs the agent running AND an instance profile with the
 * AmazonSSMManagedInstanceCore policy (and a network path to SSM); the model asks only for a running
 * instance whose disk has the agent running. The script runs when SendCommand is received; its
 * invocation then shows Pending, InProgress, then Success or Failed as simulated time passes
 * (PENDING_MS, RUN_MS). Output is cut at 24,000 characters as GetCommandInvocation cuts it.
 */
import type { Ctx } from '../context.ts';
import type { CommandRecord, InstanceRecord, InvocationRecord, RegionState } from '../state.ts';
import { agentRunning } from '../disk/contents.ts';
import { readDisk, rootVolume, writeDisk } from '../disk/volume-disk.ts';
import { runShell } from '../disk/shell/run.ts';
import { SsmErrors } from './errors.ts';
import type {
  Command,
  CommandInvocation,
  CommandInvocationStatus,
  GetCommandInvocationResult,
  ListCommandInvocationsRequest,
  SendCommandRequest,
} from './shapes.ts';

/** Simulated time from SendCommand until the agent picks the command up, and until it finishes. */
const PENDING_MS = 500;
const RUN_MS = 1_500;
const OUTPUT_LIMIT = 24_000;
const DOCUMENT = 'AWS-RunShellScript';
const PLUGIN = 'aws:runShellScript';

/** The region's Run Command history (kept in the state snapshot; made on first use). */
function commandsOf(region: RegionState): Record<string, CommandRecord> {
  return (region.ssmCommands ??= {});
}

/** Instances SSM can reach: running, with the agent running on the disk. */
function managed(region: RegionState, id: string): InstanceRecord | undefined {
  const instance = Object.prototype.hasOwnProperty.call(region.instances, id) ? region.instances[id] : undefined;
  if (!instance || instance.state !== 'running') return undefined;
  return agentRunning(readDisk(rootVolume(region, instance))) ? instance : undefined;
}

function checkSendCommand(ctx: Ctx, input: SendCommandRequest): { instances: InstanceRecord[]; commands: string[] } {
  if (input.DocumentName !== DOCUMENT) throw SsmErrors.invalidDocument(input.DocumentName ?? '');
  const ids = input.InstanceIds ?? [];
  if (ids.length === 0) throw SsmErrors.validation('Either InstanceIds or Targets must be given (the model supports InstanceIds only).');
  if (ids.length > 50) throw SsmErrors.validation("1 validation error detected: Value at 'instanceIds' failed to satisfy constraint: Member must have length less than or equal to 50");
  if (new Set(ids).size !== ids.length) throw SsmErrors.duplicateInstance();
  const unreachable = ids.filter((id) => !managed(ctx.region, id));
  if (unreachable.length) throw SsmErrors.invalidInstance(unreachable, ctx.accountId);
  const instances = ids.map((id) => ctx.region.instances[id]);
  if (instances.some((i) => i.platform === 'windows')) throw SsmErrors.unsupportedPlatform();
  const params = input.Parameters ?? {};
  for (const key of Object.keys(params)) {
    if (key !== 'commands' && key !== 'workingDirectory' && key !== 'executionTimeout') throw SsmErrors.invalidParameters(`Parameter "${key}" is not a parameter of AWS-RunShellScript.`);
  }
  const commands = params.commands;
  if (!Array.isArray(commands) || commands.length === 0) throw SsmErrors.invalidParameters('Parameter "commands" is required.');
  return { instances, commands };
}

export function sendCommand(ctx: Ctx, input: SendCommandRequest): { Command: Command } {
  const { instances, commands } = checkSendCommand(ctx, input);
  const id = uuidFrom(ctx);
  const startAt = ctx.now + PENDING_MS;
  const record: CommandRecord = {
    id,
    documentName: DOCUMENT,
    ...(input.Comment !== undefined ? { comment: input.Comment } : {}),
    parameters: { commands: [...commands] },
    instanceIds: instances.map((i) => i.id),
    requestedAt: ctx.now,
    timeoutSeconds: input.TimeoutSeconds ?? 3600,
    invocations: instances.map((instance) => {
      const volume = rootVolume(ctx.region, instance)!;
      const scriptPath = `/var/lib/amazon/ssm/${instance.id}/document/orchestration/${id}/awsrunShellScript/0.awsrunShellScript/_script.sh`;
      const result = runShell({ read: () => readDisk(volume), write: () => writeDisk(volume), arch: instance.architecture, scriptPath }, commands.join('\n'));
      return { instanceId: instance.id, startAt, endAt: startAt + RUN_MS, responseCode: result.code, stdout: result.stdout, stderr: result.stderr };
    }),
  };
  commandsOf(ctx.region)[id] = record;
  ctx.emit({ type: 'command-sent', resourceId: id, commandId: id, instanceIds: [...record.instanceIds] });
  return { Command: commandOut(record, ctx.now) };
}

/** A command ID: a UUID from the model's seeded generator (deterministic, like every other ID). */
function uuidFrom(ctx: Ctx): string {
  const hex = (ctx.newId('i').slice(2) + ctx.newId('i').slice(2)).slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function statusAt(inv: InvocationRecord, now: number): CommandInvocationStatus {
  if (now < inv.startAt) return 'Pending';
  if (now < inv.endAt) return 'InProgress';
  return inv.responseCode === 0 ? 'Success' : 'Failed';
}

function commandOut(c: CommandRecord, now: number): Command {
  const statuses = c.invocations.map((i) => statusAt(i, now));
  const done = statuses.filter((s) => s === 'Success' || s === 'Failed').length;
  const failed = statuses.filter((s) => s === 'Failed').length;
  const status = done < statuses.length ? (statuses.includes('InProgress') ? 'InProgress' : 'Pending') : failed ? 'Failed' : 'Success';
  return {
    CommandId: c.id,
    DocumentName: c.documentName,
    DocumentVersion: '$DEFAULT',
    Comment: c.comment ?? '',
    ExpiresAfter: new Date(c.requestedAt + c.timeoutSeconds * 1000),
    Parameters: { commands: [...(c.parameters.commands ?? [])] },
    InstanceIds: [...c.instanceIds],
    RequestedDateTime: new Date(c.requestedAt),
    Status: status,
    StatusDetails: status,
    TargetCount: c.invocations.length,
    CompletedCount: done,
    ErrorCount: failed,
    DeliveryTimedOutCount: 0,
    TimeoutSeconds: c.timeoutSeconds,
  };
}

const cut = (text: string) => (text.length > OUTPUT_LIMIT ? text.slice(0, OUTPUT_LIMIT) : text);
const isoSeconds = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
const elapsed = (ms: number) => `PT${(ms / 1000).toFixed(3)}S`;

export function getCommandInvocation(ctx: Ctx, commandId: string, instanceId: string, pluginName: string | undefined): Omit<GetCommandInvocationResult, '$metadata'> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(commandId)) throw SsmErrors.invalidCommandId();
  if (!/^(i|mi)-[0-9a-f]{8,17}$/.test(instanceId)) throw SsmErrors.invalidInstance([instanceId], ctx.accountId);
  if (pluginName !== undefined && pluginName !== PLUGIN) throw SsmErrors.invalidPluginName();
  const command = commandsOf(ctx.region)[commandId];
  const inv = command?.invocations.find((i) => i.instanceId === instanceId);
  if (!command || !inv) throw SsmErrors.invocationDoesNotExist();
  const status = statusAt(inv, ctx.now);
  const finished = status === 'Success' || status === 'Failed';
  return {
    CommandId: command.id,
    InstanceId: inv.instanceId,
    Comment: command.comment ?? '',
    DocumentName: command.documentName,
    DocumentVersion: '$DEFAULT',
    PluginName: PLUGIN,
    ResponseCode: finished ? inv.responseCode : -1,
    ExecutionStartDateTime: status === 'Pending' ? '' : isoSeconds(inv.startAt),
    ExecutionElapsedTime: finished ? elapsed(inv.endAt - inv.startAt) : '',
    ExecutionEndDateTime: finished ? isoSeconds(inv.endAt) : '',
    Status: status,
    StatusDetails: status,
    StandardOutputContent: finished ? cut(inv.stdout) : '',
    StandardOutputUrl: '',
    StandardErrorContent: finished ? cut(inv.stderr) : '',
    StandardErrorUrl: '',
  };
}

export function listCommandInvocations(ctx: Ctx, input: ListCommandInvocationsRequest): { CommandInvocations: CommandInvocation[]; NextToken?: string } {
  if (input.CommandId !== undefined && !/^[0-9a-f-]{36}$/.test(input.CommandId)) throw SsmErrors.invalidCommandId();
  const max = input.MaxResults ?? 50;
  if (!Number.isInteger(max) || max < 1 || max > 50) throw SsmErrors.validation(`1 validation error detected: Value '${max}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50`);
  const all: CommandInvocation[] = [];
  const commands = Object.values(commandsOf(ctx.region)).sort((a, b) => b.requestedAt - a.requestedAt);
  for (const c of commands) {
    if (input.CommandId !== undefined && c.id !== input.CommandId) continue;
    for (const inv of c.invocations) {
      if (input.InstanceId !== undefined && inv.instanceId !== input.InstanceId) continue;
      all.push(invocationOut(c, inv, ctx.now, input.Details === true));
    }
  }
  const start = input.NextToken === undefined ? 0 : Number(/^n(\d+)$/.exec(input.NextToken)?.[1] ?? NaN);
  if (!Number.isInteger(start) || start < 0 || start > all.length) throw SsmErrors.invalidNextToken();
  const next = start + max < all.length ? `n${start + max}` : undefined;
  return { CommandInvocations: all.slice(start, start + max), ...(next ? { NextToken: next } : {}) };
}

function invocationOut(c: CommandRecord, inv: InvocationRecord, now: number, details: boolean): CommandInvocation {
  const status = statusAt(inv, now);
  const finished = status === 'Success' || status === 'Failed';
  const out: CommandInvocation = {
    CommandId: c.id,
    InstanceId: inv.instanceId,
    InstanceName: '',
    Comment: c.comment ?? '',
    DocumentName: c.documentName,
    DocumentVersion: '$DEFAULT',
    RequestedDateTime: new Date(c.requestedAt),
    Status: status,
    StatusDetails: status,
    StandardOutputUrl: '',
    StandardErrorUrl: '',
    CommandPlugins: [],
  };
  if (details) {
    out.CommandPlugins = [{
      Name: PLUGIN,
      Status: status === 'Pending' ? 'Pending' : status === 'InProgress' ? 'InProgress' : status === 'Success' ? 'Success' : 'Failed',
      StatusDetails: status,
      ResponseCode: finished ? inv.responseCode : -1,
      ...(status !== 'Pending' ? { ResponseStartDateTime: new Date(inv.startAt) } : {}),
      ...(finished ? { ResponseFinishDateTime: new Date(inv.endAt) } : {}),
      // ListCommandInvocations shows the first 2,500 characters of the output.
      Output: finished ? (inv.stdout + inv.stderr).slice(0, 2500) : '',
      StandardOutputUrl: '',
      StandardErrorUrl: '',
    }];
  }
  return out;
}
