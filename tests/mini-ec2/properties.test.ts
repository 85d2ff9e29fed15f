// Property-based tests (fast-check): random sequences of valid and invalid calls against a fresh model,
// with invariants checked after every step:
// - IDs are unique and well formed;
// - instance states move only along legal transitions (checked on the event stream);
// - a failed call changes nothing (exportState before and after are identical);
// - instances and images never vanish before their time;
// - exportState -> fromState -> exportState is lossless, and the loaded model behaves the same.
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { isWellFormedId, LEGAL_TRANSITIONS, MiniEc2, type ModelEvent, type ModelState } from '../../src/mini-ec2/index.ts';

const REGIONS = ['us-east-1', 'eu-west-1'] as const;
let totalSteps = 0;

type Action =
  | { kind: 'launch'; region: number; image: number; type: number; count: number; min: number; tagged: boolean }
  | { kind: 'start' | 'stop' | 'reboot' | 'terminate'; region: number; pick: number[]; bogus: number }
  | { kind: 'createImage'; region: number; pick: number; name: number; noReboot: boolean }
  | { kind: 'deregister'; region: number; pick: number }
  | { kind: 'copy'; region: number; pick: number; name: number }
  | { kind: 'tag'; region: number; pick: number; key: string }
  | { kind: 'describe'; region: number; which: number; pick: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'garbage'; region: number; method: number; input: unknown };

const TYPES = ['t3.micro', 't4g.micro', 'm5.large', 'c7g.large', 'x9.huge', undefined];
const NAMES = ['web-v1', 'web-v2', 'golden', 'db (x86)', 'x', 'bad#name', 'web-v1'];
const BOGUS_IDS = ['i-12345678', 'i-nope', 'i-0123456789abcdef0', '', 'ami-12345678'];
const METHODS = ['runInstances', 'describeInstances', 'stopInstances', 'createImage', 'describeImages', 'createTags', 'copyImage', 'deregisterImage', 'terminateInstances', 'createSecurityGroup'] as const;

const region = fc.nat({ max: REGIONS.length - 1 });
const pick = fc.nat({ max: 50 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('launch' as const), region, image: fc.nat({ max: 6 }), type: fc.nat({ max: TYPES.length - 1 }), count: fc.integer({ min: -1, max: 4 }), min: fc.integer({ min: 0, max: 3 }), tagged: fc.boolean() }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constantFrom('start' as const, 'stop' as const, 'reboot' as const, 'terminate' as const), region, pick: fc.array(pick, { minLength: 0, maxLength: 3 }), bogus: fc.nat({ max: 9 }) }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('createImage' as const), region, pick, name: fc.nat({ max: NAMES.length - 1 }), noReboot: fc.boolean() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('deregister' as const), region, pick }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('copy' as const), region, pick, name: fc.nat({ max: NAMES.length - 1 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('tag' as const), region, pick, key: fc.constantFrom('Name', 'software:nginx', 'aws:x', 'env') }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('describe' as const), region, which: fc.nat({ max: 3 }), pick }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.oneof(fc.integer({ min: 0, max: 40_000 }), fc.constant(3_600_000)) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('garbage' as const), region, method: fc.nat({ max: METHODS.length - 1 }), input: fc.anything({ maxDepth: 2 }) }), weight: 2 },
);

/** Every ID in a snapshot, by the map it lives in. */
function allIds(state: ModelState): string[] {
  const ids: string[] = [];
  for (const r of Object.values(state.regions)) {
    ids.push(...Object.keys(r.instances), ...Object.keys(r.reservations), ...Object.keys(r.images), ...Object.keys(r.snapshots));
    ids.push(...Object.keys(r.volumes), ...Object.keys(r.securityGroups), ...Object.keys(r.vpcs), ...Object.keys(r.subnets));
    ids.push(...Object.values(r.keyPairs).map((k) => k.id));
  }
  return ids;
}

const PREFIX: Record<string, Parameters<typeof isWellFormedId>[1]> = {
  instances: 'i', reservations: 'r', images: 'ami', snapshots: 'snap', volumes: 'vol', securityGroups: 'sg', vpcs: 'vpc', subnets: 'subnet',
};

class World {
  model: MiniEc2;
  events: ModelEvent[] = [];
  /** Last known state of every instance ever launched, from events. */
  instanceState = new Map<string, string>();
  terminatedAt = new Map<string, number>();
  deregisteredAt = new Map<string, number>();
  expired = new Set<string>();
  ownImages = new Map<string, string>(); // id -> region
  /** Live IDs per region, kept from events so steps need no snapshot to pick a target. */
  liveInstances = new Map<string, string[]>(REGIONS.map((r) => [r, []]));
  liveImages = new Map<string, string[]>(REGIONS.map((r) => [r, []]));

  constructor(seed: number) {
    this.model = new MiniEc2({ seed, vcpuLimit: 24 });
    this.model.subscribe((e) => this.observe(e));
  }

  /** A World watching `model` (a loaded copy of this one's), with a copy of what this one has seen. */
  trackingCopy(model: MiniEc2): World {
    const other = Object.create(World.prototype) as World;
    other.model = model;
    other.failures = [];
    other.events = [...this.events];
    other.instanceState = new Map(this.instanceState);
    other.terminatedAt = new Map(this.terminatedAt);
    other.deregisteredAt = new Map(this.deregisteredAt);
    other.expired = new Set(this.expired);
    other.ownImages = new Map(this.ownImages);
    other.liveInstances = new Map([...this.liveInstances].map(([k, v]) => [k, [...v]]));
    other.liveImages = new Map([...this.liveImages].map(([k, v]) => [k, [...v]]));
    model.subscribe((e) => other.observe(e));
    return other;
  }

  /** Checks made inside a listener would be swallowed by the model: record failures, rethrow later. */
  failures: string[] = [];

  observe(e: ModelEvent) {
    try {
      this.observeChecked(e);
    } catch (error) {
      this.failures.push(`${e.type} ${e.resourceId}: ${(error as Error).message}`);
    }
  }

  observeChecked(e: ModelEvent) {
    this.events.push(e);
    if (e.type === 'instance-launched') {
      this.instanceState.set(e.instanceId, 'pending');
      this.liveInstances.get(e.region)!.push(e.instanceId);
    }
    if (e.type === 'instance-state-changed') {
      const known = this.instanceState.get(e.instanceId);
      expect(known, `state change of unknown ${e.instanceId}`).toBe(e.from);
      expect(LEGAL_TRANSITIONS[e.from], `${e.from} -> ${e.to}`).toContain(e.to);
      this.instanceState.set(e.instanceId, e.to);
      if (e.to === 'terminated') this.terminatedAt.set(e.instanceId, e.time);
    }
    if (e.type === 'instance-expired') {
      expect(e.time - this.terminatedAt.get(e.instanceId)!).toBe(3_600_000);
      this.expired.add(e.instanceId);
      this.liveInstances.set(e.region, this.liveInstances.get(e.region)!.filter((id) => id !== e.instanceId));
    }
    if (e.type === 'image-created') {
      this.ownImages.set(e.imageId, e.region);
      this.liveImages.get(e.region)!.push(e.imageId);
    }
    if (e.type === 'image-deregistered') this.deregisteredAt.set(e.imageId, e.time);
    if (e.type === 'image-expired') {
      expect(e.time - this.deregisteredAt.get(e.imageId)!).toBe(3_600_000);
      this.expired.add(e.imageId);
      this.liveImages.set(e.region, this.liveImages.get(e.region)!.filter((id) => id !== e.imageId));
    }
  }

  checkInvariants(state: ModelState) {
    expect(this.failures, 'event checks').toEqual([]);
    const ids = allIds(state);
    expect(new Set(ids).size, 'IDs are unique').toBe(ids.length);
    for (const r of Object.values(state.regions)) {
      for (const [map, prefix] of Object.entries(PREFIX)) {
        for (const id of Object.keys((r as unknown as Record<string, Record<string, unknown>>)[map])) expect(isWellFormedId(id, prefix), id).toBe(true);
      }
      for (const i of Object.values(r.instances)) expect(this.instanceState.get(i.id)).toBe(i.state);
    }
    // Nothing vanished before its time.
    for (const [id, s] of this.instanceState) {
      const present = REGIONS.some((name) => state.regions[name].instances[id]);
      if (!present) expect(this.expired.has(id), `instance ${id} (${s}) vanished early`).toBe(true);
    }
    for (const [id, regionName] of this.ownImages) {
      if (!state.regions[regionName].images[id]) expect(this.expired.has(id), `image ${id} vanished early`).toBe(true);
    }
  }
}

const quickStart = new Map<string, string[]>();
function latestQuickStart(model: MiniEc2, regionName: string): string[] {
  let ids = quickStart.get(regionName);
  if (!ids) {
    ids = model.catalog(regionName, 'quick-start').filter((m) => m.latest).map((m) => m.imageId);
    quickStart.set(regionName, ids);
  }
  return ids;
}

async function step(world: World, a: Action): Promise<void> {
  const model = world.model;
  if (a.kind === 'advance') {
    model.clock.advance(a.ms);
    return;
  }
  const ec2 = model.client(REGIONS[a.region]);
  const instanceIds = world.liveInstances.get(REGIONS[a.region])!;
  const imageIds = world.liveImages.get(REGIONS[a.region])!;
  const chooseInstance = (n: number) => (instanceIds.length ? instanceIds[n % instanceIds.length] : BOGUS_IDS[n % BOGUS_IDS.length]);
  const chooseImage = (n: number) => (imageIds.length ? imageIds[n % imageIds.length] : 'ami-0000000000000000a');
  switch (a.kind) {
    case 'launch': {
      const images = [...latestQuickStart(model, REGIONS[a.region]), ...imageIds];
      const imageId = a.image === 6 ? 'ami-bogus' : images[(a.image * 7) % images.length];
      await ec2.runInstances({
        ImageId: imageId,
        InstanceType: TYPES[a.type],
        MinCount: a.min,
        MaxCount: a.count,
        ...(a.tagged ? { TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'p' }] }] } : {}),
      });
      return;
    }
    case 'start':
    case 'stop':
    case 'reboot':
    case 'terminate': {
      const ids = a.pick.map(chooseInstance);
      if (a.bogus === 0) ids.push(BOGUS_IDS[a.pick.length % BOGUS_IDS.length]);
      const input = { InstanceIds: ids };
      if (a.kind === 'start') await ec2.startInstances(input);
      else if (a.kind === 'stop') await ec2.stopInstances(input);
      else if (a.kind === 'reboot') await ec2.rebootInstances(input);
      else await ec2.terminateInstances(input);
      return;
    }
    case 'createImage':
      await ec2.createImage({ InstanceId: chooseInstance(a.pick), Name: NAMES[a.name], NoReboot: a.noReboot });
      return;
    case 'deregister':
      await ec2.deregisterImage({ ImageId: chooseImage(a.pick) });
      return;
    case 'copy': {
      const other = REGIONS[(a.region + 1) % REGIONS.length];
      const source = world.liveImages.get(other)!;
      await ec2.copyImage({ SourceImageId: source.length ? source[a.pick % source.length] : 'ami-12345678', SourceRegion: other, Name: NAMES[a.name] });
      return;
    }
    case 'tag':
      await ec2.createTags({ Resources: [a.pick % 2 ? chooseInstance(a.pick) : chooseImage(a.pick)], Tags: [{ Key: a.key, Value: 'v' }] });
      return;
    case 'describe': {
      if (a.which === 0) await ec2.describeInstances({ InstanceIds: [chooseInstance(a.pick)] });
      else if (a.which === 1) await ec2.describeImages({ Owners: ['self'], Filters: [{ Name: 'state', Values: ['pending', 'available'] }] });
      else if (a.which === 2) await ec2.describeImages({ ImageIds: [chooseImage(a.pick)] });
      else await ec2.describeVolumes();
      return;
    }
    case 'garbage':
      await (ec2[METHODS[a.method]] as (input: unknown) => Promise<unknown>)(a.input);
      return;
  }
}

/** Runs a sequence, checking every invariant after each step. Returns how many calls failed. */
async function runSequence(seed: number, actions: Action[]): Promise<World> {
  const world = new World(seed);
  for (const a of actions) {
    const before = world.model.exportStateJson();
    let failed = false;
    try {
      await step(world, a);
    } catch (e) {
      failed = true;
      expect((e as { $fault?: string }).$fault, `${a.kind}: ${(e as Error).message}`).toBe('client');
    }
    const afterJson = world.model.exportStateJson();
    if (failed) expect(afterJson, `a failed ${a.kind} changed the state`).toBe(before);
    world.checkInvariants(JSON.parse(afterJson) as ModelState);
    totalSteps++;
  }
  return world;
}

describe('property-based: random call sequences', () => {
  test('invariants hold after every step of random valid and invalid calls', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), fc.array(action, { minLength: 30, maxLength: 70 }), async (seed, actions) => {
        await runSequence(seed, actions);
      }),
      { numRuns: 130 },
    );
  }, 120_000);

  test('export/import is lossless and a loaded model behaves exactly like the original', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(action, { minLength: 20, maxLength: 50 }),
        fc.array(action, { minLength: 5, maxLength: 20 }),
        async (seed, first, rest) => {
          const world = await runSequence(seed, first);
          const state = world.model.exportState();
          const loaded = MiniEc2.fromState(JSON.parse(JSON.stringify(state)));
          expect(loaded.exportState()).toEqual(state);
          // Same calls on both from here on give the same state, byte for byte.
          const other = world.trackingCopy(loaded);
          for (const a of rest) {
            const results = await Promise.allSettled([step(world, a), step(other, a)]);
            expect(results[0].status).toBe(results[1].status);
            totalSteps += 2;
          }
          expect(JSON.stringify(loaded.exportState())).toBe(JSON.stringify(world.model.exportState()));
          other.checkInvariants(loaded.exportState());
        },
      ),
      { numRuns: 80 },
    );
  }, 120_000);

  afterAll(() => {
    console.log(`property-based steps run: ${totalSteps}`);
    // The suite's budget of random steps (spec: at least 10,000 in total).
    expect(totalSteps).toBeGreaterThanOrEqual(10_000);
  });
});
