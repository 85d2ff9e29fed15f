/**
 * What a resource module (instances.ts, images.ts, network.ts...) gets to work with for one call in one
 * region. The model builds it; resource modules never reach into the model class itself.
 */
import type { Catalog } from './catalog.ts';
import type { ModelClock } from './clock.ts';
import type { NewModelEvent } from './events.ts';
import type { IdPrefix } from './ids.ts';
import type { ModelState, RegionState } from './state.ts';
import type { VcpuBucket } from './resources/vcpu-limits.ts';

export interface Ctx {
  readonly state: ModelState;
  readonly regionName: string;
  readonly region: RegionState;
  /** Simulated time of this call. */
  readonly now: number;
  readonly accountId: string;
  /** The next ID from the seeded generator. */
  newId(prefix: IdPrefix): string;
  /** Records an event stamped with this region and `time` (default: now). */
  emit(event: NewModelEvent, time?: number): void;
  /** Queues a state change of an instance or image; returns the order number to store in the record. */
  schedule(kind: 'instance' | 'image', regionName: string, id: string, at: number): number;
  catalog(regionName: string): Catalog;
  /** vCPUs of this region's pending and running instances in one limit bucket (resources/vcpu-limits.ts). */
  vcpusInUse(bucket: VcpuBucket): number;
  /** Tells the model that `delta` vCPUs of a bucket started counting (launch, start) or stopped (stop, terminate). */
  adjustVcpus(bucket: VcpuBucket, delta: number): void;
  regionState(regionName: string): RegionState | undefined;
}

/** The metadata every answer carries, as the SDK's `$metadata`. */
export interface ResponseMetadata {
  httpStatusCode: number;
  requestId: string;
  attempts: number;
  totalRetryDelay: number;
}

/**
 * What the model hands each client (client.ts): the clock, one way to run a call, and one way to catch
 * up after a real-time wait. The client depends on this, not on the model class, so the two do not
 * import each other and the model keeps running calls and settling transitions private.
 * @internal Left out of the editor types: learner code gets clients from `model.client(region)`.
 */
export interface ClientBackend {
  readonly clock: ModelClock;
  /** Runs one API operation in a region (as `accountId`, default the model's account); `op` must validate before it mutates anything. */
  run<T extends object>(region: string, op: (ctx: Ctx) => T, accountId?: string): T & { $metadata: ResponseMetadata };
  /** Applies every timed transition that is due at the clock's current time. */
  settle(): void;
}

/**
 * @internal What the model's SDK-shaped clients (MiniEc2Client, MiniSsmClient) do in `[SLEEP](ms)`, the
 * waiters' sleep: advance a manual clock by `ms`, or wait `ms` of scaled real time and catch up.
 */
export async function sleepOnModelClock(backend: ClientBackend, ms: number): Promise<void> {
  const clock = backend.clock;
  const wait = Number.isFinite(ms) && ms > 0 ? ms : 0;
  if (clock.mode === 'manual') {
    clock.advance(wait);
  } else {
    await new Promise((resolve) => setTimeout(resolve, clock.realDelayFor(wait)));
    backend.settle();
  }
}

/** @internal The SDK client's `config` as the model's clients mirror it: `config.region()`. */
export const sdkConfig = (region: string) => ({ region: async () => region });
