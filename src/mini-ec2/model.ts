/**
 * MiniEc2: one model of EC2 holding several regions. It owns the state (state.ts), the seeded ID
 * generator, the clock, the queue of timed transitions and the event listeners; the resource modules
 * (instances.ts, images.ts, network.ts, tags.ts) do the work of each call through a Ctx.
 *
 * Every API call goes through the private invoke(): apply the transitions that are due, run the operation (which
 * validates everything before it mutates anything, so a failed call changes nothing), stamp the
 * response metadata. Transitions are applied lazily, when a call or the clock looks, but each event
 * carries the simulated time it really happened at.
 */
import { catalogEntries, catalogFor, type CatalogEntryMeta, type CatalogGroup } from './catalog.ts';
import { DEFAULT_START_TIME, ModelClock, type ClockOptions } from './clock.ts';
import { MiniEc2Client } from './client.ts';
import { OtherAccountClient } from './other-account.ts';
import type { ClientBackend, Ctx, ResponseMetadata } from './context.ts';
import { Ec2ServiceException, Errors } from './errors.ts';
import type { ModelEvent, ModelEventListener, NewModelEvent } from './events.ts';
import { SeededRandom, type IdPrefix } from './ids.ts';
import { applyImageTransition, findImage } from './resources/images.ts';
import { applyInstanceTransition } from './resources/instances.ts';
import { DEFAULT_VCPU_LIMIT, vcpusInUse, type VcpuBucket } from './resources/vcpu-limits.ts';
import { imageDiskView, instanceDiskView } from './disk/volume-disk.ts';
import type { DiskContents } from './disk/contents.ts';
import { MiniSsmClient } from './ssm/client.ts';
import { createDefaultNetwork } from './resources/default-network.ts';
import { REGION_NAMES, regionInfo } from './regions.ts';
import { ChangeQueue } from './scheduler.ts';
import {
  assertModelState,
  DEFAULT_TIMING,
  deepCopy,
  emptyRegion,
  STATE_FORMAT,
  STATE_VERSION,
  type ModelState,
  type RegionState,
  type Timing,
} from './state.ts';

export interface MiniEc2Options {
  /** Seed of the ID generator (default 1). The same seed and calls give the same state. */
  seed?: number;
  /** The learner's 12-digit account ID (default 123456789012). */
  accountId?: string;
  /** vCPUs of running On-Demand instances allowed per instance-family bucket and region (default 32). */
  vcpuLimit?: number;
  timing?: Partial<Timing>;
  clock?: ClockOptions;
  /** Simulated start time (ms since epoch, a Date or an ISO string); default 2026-01-15T09:00:00Z. */
  startTime?: number | Date | string;
}

/** Events kept for events(); older ones are dropped (subscribers still see every event). */
const EVENT_LOG_LIMIT = 50_000;

export class MiniEc2 {
  readonly clock: ModelClock;
  readonly accountId: string;
  private state: ModelState;
  private rng: SeededRandom;
  private requestIds: SeededRandom;
  private queue = new ChangeQueue();
  private listeners = new Set<ModelEventListener>();
  private log: ModelEvent[] = [];
  private clients = new Map<string, MiniEc2Client>();
  private ssmClients = new Map<string, MiniSsmClient>();
  private settling = false;
  /** Per region: vCPUs in use per limit bucket (derived from the state, kept to avoid a scan per launch). */
  private vcpus = new Map<string, Map<VcpuBucket, number>>();
  private contexts = new Map<string, Ctx>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** What clients get of the model (see ClientBackend): they never hold the model itself. */
  readonly #backend: ClientBackend;

  constructor(options: MiniEc2Options = {}, loaded?: ModelState) {
    if (loaded) {
      this.state = loaded;
    } else {
      const accountId = options.accountId ?? '123456789012';
      if (!/^\d{12}$/.test(accountId)) throw Errors.invalidParameterValue(`Account IDs are 12 digits, got '${accountId}'`);
      const limit = options.vcpuLimit ?? DEFAULT_VCPU_LIMIT;
      if (!Number.isInteger(limit) || limit < 0) throw Errors.invalidParameterValue('vcpuLimit must be a whole number');
      const timing = { ...DEFAULT_TIMING, ...(options.timing ?? {}) };
      for (const [k, v] of Object.entries(timing)) {
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw Errors.invalidParameterValue(`timing.${k} must be a number of milliseconds`);
      }
      const start = options.startTime === undefined ? DEFAULT_START_TIME : new Date(options.startTime).getTime();
      if (!Number.isFinite(start)) throw Errors.invalidParameterValue('startTime is not a valid time');
      const seed = options.seed ?? 1;
      const rng = SeededRandom.fromSeed(seed);
      const regions: Record<string, RegionState> = {};
      for (const name of REGION_NAMES) {
        regions[name] = emptyRegion();
        createDefaultNetwork(regions[name], name, rng);
      }
      this.state = {
        format: STATE_FORMAT,
        version: STATE_VERSION,
        seed,
        accountId,
        vcpuLimit: limit,
        timing,
        startTime: start,
        now: start,
        rng: rng.state(),
        seq: 0,
        order: 0,
        marketplaceSubscriptions: [],
        regions,
      };
    }
    this.accountId = this.state.accountId;
    this.rng = new SeededRandom(this.state.rng);
    this.requestIds = SeededRandom.fromSeed(this.state.seed ^ 0x5eed ^ this.state.seq);
    this.clock = new ModelClock(this.state.now, options.clock);
    this.clock.onAdvance = () => this.#settle();
    this.#backend = { clock: this.clock, run: (region, op, accountId) => this.#invoke(region, op, accountId), settle: () => this.#settle() };
    this.rebuildQueue();
  }

  /**
   * Loads a snapshot made by exportState() (deep-copied: the snapshot stays the caller's), or its JSON
   * text from exportStateJson() (parsed here, so no second copy is needed).
   */
  static fromState(state: unknown, options: { clock?: ClockOptions } = {}): MiniEc2 {
    if (typeof state === 'string') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(state);
      } catch {
        throw Errors.invalidParameterValue('Not a mini-ec2 state snapshot: the text is not JSON');
      }
      assertModelState(parsed);
      return new MiniEc2(options, parsed);
    }
    assertModelState(state);
    return new MiniEc2(options, deepCopy(state));
  }

  /** The names of the regions this model holds. */
  get regions(): string[] {
    return [...REGION_NAMES];
  }

  /**
   * An SDK-shaped client bound to one region (the same object for the same region). With another
   * `accountId`: that account's view of the model's images (other-account.ts), to see what sharing does.
   */
  client(region: string, as: { accountId: string }): MiniEc2Client | OtherAccountClient;
  client(region: string): MiniEc2Client;
  client(region: string, as?: { accountId: string }): MiniEc2Client | OtherAccountClient {
    if (!regionInfo(region)) {
      throw Errors.invalidParameterValue(`Unknown region '${String(region).slice(0, 64)}'. Known regions: ${REGION_NAMES.join(', ')}`);
    }
    if (as !== undefined && as.accountId !== this.accountId) {
      if (typeof as.accountId !== 'string' || !/^\d{12}$/.test(as.accountId)) throw Errors.invalidParameterValue(`Account IDs are 12 digits, got '${String(as.accountId).slice(0, 64)}'`);
      return new OtherAccountClient(this.#backend, region, as.accountId);
    }
    let c = this.clients.get(region);
    if (!c) {
      c = new MiniEc2Client(this.#backend, region);
      this.clients.set(region, c);
    }
    return c;
  }

  /** An SDK-shaped Systems Manager client bound to one region (the same object for the same region). */
  ssmClient(region: string): MiniSsmClient {
    this.client(region); // checks the region name the same way
    let c = this.ssmClients.get(region);
    if (!c) {
      c = new MiniSsmClient(this.#backend, region);
      this.ssmClients.set(region, c);
    }
    return c;
  }

  /** Calls `listener` with every event from now on; returns a function that unsubscribes. */
  subscribe(listener: ModelEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Events recorded so far with seq > sinceSeq (the last 50,000 at most). Fresh copies. */
  events(sinceSeq = 0): ModelEvent[] {
    const out: ModelEvent[] = [];
    for (const e of this.log) if (e.seq > sinceSeq) out.push(deepCopy(e));
    return out;
  }

  /** The whole state as plain JSON, as of the clock's current time. */
  exportState(): ModelState {
    this.#settle();
    this.state.now = this.clock.now();
    this.state.rng = this.rng.state();
    return deepCopy(this.state);
  }

  /** The same snapshot as exportState(), already serialised (cheaper when the goal is a string or a file). */
  exportStateJson(): string {
    this.#settle();
    this.state.now = this.clock.now();
    this.state.rng = this.rng.state();
    return JSON.stringify(this.state);
  }

  /** An independent model in the same state (manual clock at the same time); listeners are not copied. */
  clone(): MiniEc2 {
    return new MiniEc2({}, this.exportState()); // exportState() is already a fresh copy
  }

  /** Subscribes the account to an AWS Marketplace product (what the console's "Subscribe" does). */
  subscribeToMarketplaceProduct(productCode: string): void {
    if (typeof productCode !== 'string' || !/^[a-z0-9]{1,64}$/.test(productCode)) throw Errors.invalidValue(productCode, 'ProductCode');
    if (this.state.marketplaceSubscriptions.includes(productCode)) return;
    this.#settle();
    this.state.marketplaceSubscriptions.push(productCode);
    this.emit(REGION_NAMES[0], { type: 'marketplace-subscribed', resourceId: productCode, productCode }, this.clock.now());
  }

  /** Console metadata of a region's catalog (Quick Start membership and families); not part of the API. */
  catalog(region: string, group?: CatalogGroup): CatalogEntryMeta[] {
    if (!regionInfo(region)) throw Errors.regionUnknown(region);
    return catalogEntries(region, group);
  }

  /**
   * What is on an instance's root disk now (packages, services, files): a copy, for views and graders.
   * Not an EC2 API (EC2 cannot see inside an instance): learner code asks through Run Command.
   */
  instanceDisk(region: string, instanceId: string): DiskContents | undefined {
    if (!regionInfo(region)) throw Errors.regionUnknown(region);
    this.#settle();
    return instanceDiskView(this.state.regions[region], instanceId);
  }

  /** What an image's root snapshot holds (an Amazon or catalog image: its distribution's base picture). */
  imageDisk(region: string, imageId: string): DiskContents | undefined {
    if (!regionInfo(region)) throw Errors.regionUnknown(region);
    this.#settle();
    const ctx = this.context(region, this.clock.now());
    const image = findImage(ctx, region, imageId);
    return image ? imageDiskView(ctx, image) : undefined;
  }

  /** Applies every transition due at the clock's current time, in time order. */
  #settle(): void {
    if (this.settling) return;
    this.settling = true;
    try {
      const now = this.clock.now();
      for (let next = this.queue.peek(); next && next.at <= now; next = this.queue.peek()) {
        this.queue.pop();
        const region = this.state.regions[next.region];
        const record = next.kind === 'instance' ? region?.instances[next.id] : region?.images[next.id];
        if (!record || record.transition?.order !== next.order) continue; // superseded
        // A context of its own: settle() may run while a call's context is in use (a listener calling back).
        const ctx = this.makeContext(next.region);
        (ctx as { now: number }).now = next.at;
        if (next.kind === 'instance') applyInstanceTransition(ctx, region.instances[next.id], next.at);
        else applyImageTransition(ctx, region.images[next.id], next.at);
      }
    } finally {
      this.settling = false;
    }
    this.armTimer();
  }

  /** Runs one API operation in a region for a client; `op` must validate before mutating. */
  #invoke<T extends object>(region: string, op: (ctx: Ctx) => T, accountId?: string): T & { $metadata: ResponseMetadata } {
    this.#settle();
    const requestId = this.requestIds.uuid();
    try {
      const result = op(this.context(region, this.clock.now(), accountId));
      this.armTimer();
      const withMetadata = result as T & { $metadata: ResponseMetadata };
      withMetadata.$metadata = { httpStatusCode: 200, requestId, attempts: 1, totalRetryDelay: 0 };
      return withMetadata;
    } catch (e) {
      if (e instanceof Ec2ServiceException) {
        e.$metadata.requestId = requestId;
        throw e;
      }
      // A bug of ours, never the caller's: report it as EC2 would, without a stack full of internals.
      throw Errors.internal(`An internal error has occurred (${e instanceof Error ? e.message : String(e)})`);
    }
  }

  // ---- internals --------------------------------------------------------------------------------------

  /**
   * The Ctx for one call in one region. One object per region is kept and only its `now` changes, so a
   * call allocates no closures (runInstances is called tens of thousands of times in benchmarks).
   */
  private context(regionName: string, now: number, accountId?: string): Ctx {
    const key = accountId === undefined ? regionName : `${regionName}/${accountId}`;
    let ctx = this.contexts.get(key);
    if (!ctx) {
      ctx = this.makeContext(regionName, accountId);
      this.contexts.set(key, ctx);
    }
    (ctx as { now: number }).now = now;
    return ctx;
  }

  /** `accountId`: the calling account, when another account looks at the model (other-account.ts). */
  private makeContext(regionName: string, accountId?: string): Ctx {
    const state = this.state;
    const ctx: Ctx = {
      state,
      regionName,
      region: state.regions[regionName],
      now: 0,
      accountId: accountId ?? state.accountId,
      newId: (prefix: IdPrefix) => this.rng.id(prefix),
      emit: (event: NewModelEvent, time?: number) => this.emit(regionName, event, time ?? ctx.now),
      schedule: (kind, region, id, at) => {
        const order = ++state.order;
        this.queue.push({ at, order, kind, region, id });
        return order;
      },
      catalog: (name: string) => catalogFor(name),
      regionState: (name: string) => state.regions[name],
      vcpusInUse: (bucket: VcpuBucket) => this.vcpusOfRegion(regionName).get(bucket) ?? 0,
      adjustVcpus: (bucket: VcpuBucket, delta: number) => {
        const used = this.vcpusOfRegion(regionName);
        used.set(bucket, (used.get(bucket) ?? 0) + delta);
      },
    };
    return ctx;
  }

  private vcpusOfRegion(regionName: string): Map<VcpuBucket, number> {
    let used = this.vcpus.get(regionName);
    if (!used) {
      used = vcpusInUse(this.state.regions[regionName].instances);
      this.vcpus.set(regionName, used);
    }
    return used;
  }

  private emit(region: string, event: NewModelEvent, time: number): void {
    // Stamped in place rather than spread into a new object: emitters always pass a fresh literal, and
    // spreading a dozen differently shaped event types is one of the slowest steps of a launch.
    const full = event as ModelEvent;
    full.seq = ++this.state.seq;
    full.time = time;
    full.region = region;
    this.log.push(full);
    if (this.log.length > EVENT_LOG_LIMIT * 1.2) this.log = this.log.slice(-EVENT_LOG_LIMIT);
    for (const listener of this.listeners) {
      try {
        listener(deepCopy(full));
      } catch {
        // A listener's failure is its own: the model's state must not depend on it.
      }
    }
  }

  private rebuildQueue(): void {
    for (const [name, region] of Object.entries(this.state.regions)) {
      for (const id in region.instances) {
        const t = region.instances[id].transition;
        if (t) this.queue.push({ at: t.at, order: t.order, kind: 'instance', region: name, id });
      }
      for (const id in region.images) {
        const t = region.images[id].transition;
        if (t) this.queue.push({ at: t.at, order: t.order, kind: 'image', region: name, id });
      }
    }
  }

  /** In realtime mode, wake up when the next transition is due so subscribers see it without a call. */
  private armTimer(): void {
    if (this.clock.mode !== 'realtime') return;
    const next = this.queue.peek();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (!next) return;
    const delay = Math.max(0, this.clock.realDelayFor(next.at - this.clock.now())) + 1;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.#settle();
    }, delay);
    (this.timer as { unref?: () => void }).unref?.();
  }
}
