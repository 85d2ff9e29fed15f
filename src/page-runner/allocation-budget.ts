// A memory limit for the learner worker. A page cannot measure or cap a worker's heap (no
// performance.memory in workers; measureUserAgentSpecificMemory needs cross-origin isolation and answers
// in seconds), and a worker that allocates without end takes the whole tab down with it. So the worker
// counts what the usual ways of growing memory hand out (Array, push/unshift/concat/splice, Array.from,
// String repeat/padStart/padEnd) and reports `out-of-memory` once that passes the CLI grader's heap limit.
// An estimate, not a measurement: garbage is counted too, which is harmless at exercise scale.
const ELEMENT_BYTES = 8;
let used = 0;
let limit = Number.POSITIVE_INFINITY;
let onExceeded: () => void = () => {};
let installed = false;

function charge(bytes: number): void {
  used += bytes;
  if (used <= limit) return;
  onExceeded();
  // The page terminates this worker when the message arrives; until then nothing more may run here.
  for (;;) {
    // wait to be terminated
  }
}

function wrap<T extends object>(owner: T, name: keyof T, cost: (self: unknown, args: unknown[], result: unknown) => number): void {
  const original = owner[name] as unknown as (...args: unknown[]) => unknown;
  Object.defineProperty(owner, name, {
    configurable: true,
    writable: true,
    value: function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      charge(cost(this, args, result));
      return result;
    },
  });
}

const lengthOf = (value: unknown) => (typeof value === 'string' || Array.isArray(value) ? value.length : 0);

/** Counts allocations from now on against `limitBytes` (a new run starts from zero). */
export function installAllocationBudget(limitBytes: number, exceeded: () => void): void {
  used = 0;
  limit = limitBytes;
  onExceeded = exceeded;
  if (installed) return;
  installed = true;
  const NativeArray = Array;
  const sized = (args: unknown[]) => (args.length === 1 && typeof args[0] === 'number' ? args[0] * ELEMENT_BYTES : args.length * ELEMENT_BYTES);
  globalThis.Array = new Proxy(NativeArray, {
    construct(target, args, newTarget) {
      charge(sized(args));
      return Reflect.construct(target, args, newTarget) as object;
    },
    apply(target, self, args) {
      charge(sized(args));
      return Reflect.apply(target, self, args) as unknown;
    },
  });
  for (const name of ['push', 'unshift'] as const) wrap(NativeArray.prototype, name, (_s, args) => args.length * ELEMENT_BYTES);
  for (const name of ['concat', 'splice', 'slice', 'map', 'filter'] as const) wrap(NativeArray.prototype, name, (_s, _a, result) => lengthOf(result) * ELEMENT_BYTES);
  wrap(NativeArray, 'from', (_s, _a, result) => lengthOf(result) * ELEMENT_BYTES);
  for (const name of ['repeat', 'padStart', 'padEnd', 'concat'] as const) wrap(String.prototype, name, (_s, _a, result) => lengthOf(result) * 2);
}
