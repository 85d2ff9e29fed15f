/**
 * Waiters with the SDK's signature and results: waitUntilX({ client, maxWaitTime }, input) polls a
 * describe call until every resource is in the wanted state (SUCCESS), one is in a state it can no
 * longer leave for the wanted one (FAILURE), or maxWaitTime (seconds) runs out (TIMEOUT). Like the
 * SDK's waitUntil*, they throw on anything but SUCCESS and return { state: 'SUCCESS', reason } otherwise.
 * Acceptors, defaults (minDelay 15 s, maxDelay 120 s) and option checks are those of @aws-sdk/client-ec2.
 *
 * They work with any client that has the describe method: the model's client, a real SDK `EC2` client,
 * or a proxy. A client with an async method under Symbol.for('mini-ec2.sleep') is asked to "sleep"
 * through it (the model's client advances the model's clock, or waits scaled real time in realtime
 * mode) and time is counted in those sleeps; any other client waits on real timers. Unlike the SDK the
 * backoff has no random jitter, so runs against the model are deterministic.
 */
import type {
  DescribeImagesRequest,
  DescribeImagesResult,
  DescribeInstancesRequest,
  DescribeInstancesResult,
  DescribeInstanceStatusRequest,
  DescribeInstanceStatusResult,
} from './sdk-shapes.ts';

export const SLEEP: unique symbol = Symbol.for('mini-ec2.sleep') as never;

export type WaiterState = 'ABORTED' | 'FAILURE' | 'SUCCESS' | 'RETRY' | 'TIMEOUT';

export interface WaiterResult<R = unknown> {
  state: WaiterState;
  reason?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the SDK types it `any` too
  final?: R;
  observedResponses?: Record<string, number>;
}

interface AbortSignalLike {
  readonly aborted: boolean;
}

export interface WaiterConfiguration<Client> {
  client: Client;
  /** Seconds. */
  maxWaitTime: number;
  abortController?: { signal: AbortSignalLike };
  abortSignal?: AbortSignalLike;
  minDelay?: number;
  maxDelay?: number;
}

export interface InstancesWaiterClient {
  describeInstances(args: DescribeInstancesRequest): Promise<DescribeInstancesResult>;
}
export interface InstanceStatusWaiterClient {
  describeInstanceStatus(args: DescribeInstanceStatusRequest): Promise<DescribeInstanceStatusResult>;
}
export interface ImagesWaiterClient {
  describeImages(args: DescribeImagesRequest): Promise<DescribeImagesResult>;
}

/** `_Result` only names the waiter's result type, so that poll() returns a WaiterResult of it. */
type Check<C, I, _Result> = (client: C, input: I) => Promise<{ state: WaiterState; reason: unknown }>;

function describeResponse(reason: unknown): string {
  const r = reason as { $metadata?: { httpStatusCode?: number }; message?: string } | undefined;
  const status = r?.$metadata?.httpStatusCode;
  if (status) return r?.message ? `${status}: ${r.message}` : `${status}: OK`;
  return String(r?.message ?? 'Unknown');
}

function checkOptions(o: { maxWaitTime: number; minDelay: number; maxDelay: number }): void {
  if (!(o.maxWaitTime > 0)) throw new Error('WaiterConfiguration.maxWaitTime must be greater than 0');
  if (!(o.minDelay > 0)) throw new Error('WaiterConfiguration.minDelay must be greater than 0');
  if (!(o.maxDelay > 0)) throw new Error('WaiterConfiguration.maxDelay must be greater than 0');
  if (o.maxWaitTime <= o.minDelay) {
    throw new Error(`WaiterConfiguration.maxWaitTime [${o.maxWaitTime}] must be greater than WaiterConfiguration.minDelay [${o.minDelay}] for this waiter`);
  }
  if (o.maxDelay < o.minDelay) {
    throw new Error(`WaiterConfiguration.maxDelay [${o.maxDelay}] must be greater than WaiterConfiguration.minDelay [${o.minDelay}] for this waiter`);
  }
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function poll<C, I, R>(params: WaiterConfiguration<C>, input: I, check: Check<C, I, R>): Promise<WaiterResult<R>> {
  const options = { minDelay: 15, maxDelay: 120, ...params };
  checkOptions(options);
  const client = params.client as C & { [SLEEP]?: (ms: number) => Promise<unknown> };
  const modelSleep = client && typeof client[SLEEP] === 'function' ? (ms: number) => client[SLEEP]!(ms) : undefined;
  // Time as the waiter sees it: the sum of its sleeps against the model, the wall clock otherwise.
  let slept = 0;
  const start = Date.now();
  const elapsed = () => (modelSleep ? slept : Date.now() - start);
  const maxWaitMs = options.maxWaitTime * 1000;
  const observed: Record<string, number> = {};
  const aborted = () => options.abortController?.signal?.aborted || options.abortSignal?.aborted;

  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) {
      if (aborted()) {
        observed['AbortController signal aborted.'] = (observed['AbortController signal aborted.'] | 0) + 1;
        return { state: 'ABORTED', observedResponses: observed };
      }
      const backoff = Math.min(options.minDelay * 1000 * 2 ** (attempt - 1), options.maxDelay * 1000);
      const remaining = maxWaitMs - elapsed();
      const delay = Math.min(backoff, remaining);
      if (delay <= 0) return { state: 'TIMEOUT', observedResponses: observed };
      if (modelSleep) await modelSleep(delay);
      else await realSleep(delay);
      slept += delay;
    }
    const { state, reason } = await check(params.client, input);
    if (reason !== undefined) {
      const message = describeResponse(reason);
      observed[message] = (observed[message] | 0) + 1;
    }
    if (state !== 'RETRY') return { state, reason, final: reason as R, observedResponses: observed };
  }
}

/** The SDK's checkExceptions: anything but SUCCESS becomes a thrown error with the result as JSON. */
function checkExceptions<R>(result: WaiterResult<R>): WaiterResult<R> {
  const json = (value: unknown) => {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  };
  if (result.state === 'ABORTED') {
    const e = new Error(json({ ...result, reason: 'Request was aborted' }));
    e.name = 'AbortError';
    throw e;
  }
  if (result.state === 'TIMEOUT') {
    const e = new Error(json({ ...result, reason: 'Waiter has timed out' }));
    e.name = 'TimeoutError';
    throw e;
  }
  if (result.state !== 'SUCCESS') throw new Error(json(result));
  return result;
}

const instanceStates = (result: DescribeInstancesResult): string[] =>
  (result.Reservations ?? []).flatMap((r) => (r.Instances ?? []).map((i) => i.State?.Name ?? ''));

function instancesCheck(success: string, failures: string[]): Check<InstancesWaiterClient, DescribeInstancesRequest, DescribeInstancesResult> {
  return async (client, input) => {
    try {
      const result = await client.describeInstances(input);
      const states = instanceStates(result);
      if (states.length > 0 && states.every((s) => s === success)) return { state: 'SUCCESS', reason: result };
      if (states.some((s) => failures.includes(s))) return { state: 'FAILURE', reason: result };
      return { state: 'RETRY', reason: result };
    } catch (exception) {
      // The SDK's EC2 waiters retry on every error (InvalidInstanceID.NotFound included).
      return { state: 'RETRY', reason: exception };
    }
  };
}

const imagesCheck: Check<ImagesWaiterClient, DescribeImagesRequest, DescribeImagesResult> = async (client, input) => {
  try {
    const result = await client.describeImages(input);
    const states = (result.Images ?? []).map((i) => i.State ?? '');
    if (states.length > 0 && states.every((s) => s === 'available')) return { state: 'SUCCESS', reason: result };
    if (states.some((s) => s === 'failed')) return { state: 'FAILURE', reason: result };
    return { state: 'RETRY', reason: result };
  } catch (exception) {
    return { state: 'RETRY', reason: exception };
  }
};

export async function waitUntilInstanceRunning(
  params: WaiterConfiguration<InstancesWaiterClient>,
  input: DescribeInstancesRequest,
): Promise<WaiterResult<DescribeInstancesResult>> {
  return checkExceptions(await poll(params, input, instancesCheck('running', ['shutting-down', 'terminated', 'stopping'])));
}

export async function waitUntilInstanceStopped(
  params: WaiterConfiguration<InstancesWaiterClient>,
  input: DescribeInstancesRequest,
): Promise<WaiterResult<DescribeInstancesResult>> {
  return checkExceptions(await poll(params, input, instancesCheck('stopped', ['pending', 'terminated'])));
}

export async function waitUntilInstanceTerminated(
  params: WaiterConfiguration<InstancesWaiterClient>,
  input: DescribeInstancesRequest,
): Promise<WaiterResult<DescribeInstancesResult>> {
  return checkExceptions(await poll(params, input, instancesCheck('terminated', ['pending', 'stopping'])));
}

export async function waitUntilImageAvailable(
  params: WaiterConfiguration<ImagesWaiterClient>,
  input: DescribeImagesRequest,
): Promise<WaiterResult<DescribeImagesResult>> {
  return checkExceptions(await poll(params, input, imagesCheck));
}

/**
 * The SDK's InstanceStatusOk acceptors (@aws-sdk/client-ec2 waitForInstanceStatusOk, botocore's
 * waiters-2.json): SUCCESS when every listed InstanceStatus.Status is `ok` (and at least one is listed),
 * RETRY on InvalidInstanceID.NotFound and on anything else; it has no FAILURE acceptor.
 */
const instanceStatusCheck: Check<InstanceStatusWaiterClient, DescribeInstanceStatusRequest, DescribeInstanceStatusResult> = async (client, input) => {
  try {
    const result = await client.describeInstanceStatus(input);
    const statuses = (result.InstanceStatuses ?? []).map((s) => s.InstanceStatus?.Status);
    if (statuses.length > 0 && statuses.every((s) => s === 'ok')) return { state: 'SUCCESS', reason: result };
    return { state: 'RETRY', reason: result };
  } catch (exception) {
    return { state: 'RETRY', reason: exception };
  }
};

export async function waitUntilInstanceStatusOk(
  params: WaiterConfiguration<InstanceStatusWaiterClient>,
  input: DescribeInstanceStatusRequest,
): Promise<WaiterResult<DescribeInstanceStatusResult>> {
  return checkExceptions(await poll(params, input, instanceStatusCheck));
}
