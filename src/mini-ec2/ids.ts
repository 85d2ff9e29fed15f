/**
 * IDs: a seeded generator (so the same seed and calls give the same IDs) and the ID grammar of EC2.
 *
 * An ID is `<prefix>-<hex>`: new resources get 17 lowercase hex digits; 8 digits (older resources) are
 * valid too. "Malformed" and "not found" are different errors, so the grammar lives here, apart from lookups.
 */

export type IdPrefix = 'ami' | 'i' | 'r' | 'snap' | 'vol' | 'sg' | 'subnet' | 'vpc' | 'key' | 'sgr' | 'igw' | 'rtb' | 'acl' | 'lt';

const ID_PATTERN = /^([a-z]+)-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** True when `id` has the form `<prefix>-` + 8 or 17 lowercase hex digits. */
export function isWellFormedId(id: unknown, prefix: IdPrefix): id is string {
  if (typeof id !== 'string' || id.length > 40) return false;
  const m = ID_PATTERN.exec(id);
  return m !== null && m[1] === prefix;
}

/** The prefix of a well-formed ID of any kind, or undefined. */
export function prefixOf(id: string): string | undefined {
  const m = ID_PATTERN.exec(id);
  return m ? m[1] : undefined;
}

/**
 * sfc32: a small, fast, well-tested 32-bit generator. Its whole state is four numbers, which is what
 * makes the model's state exportable and the sequence resumable after an import.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(state: readonly number[]) {
    [this.a, this.b, this.c, this.d] = state.map((n) => n >>> 0);
  }

  /** Initial state for a seed (a splitmix-style scramble, then 12 warm-up rounds). */
  static fromSeed(seed: number): SeededRandom {
    const s = Math.floor(Number.isFinite(seed) ? seed : 0) >>> 0;
    const r = new SeededRandom([0x9e3779b9, 0x243f6a88 ^ s, 0xb7e15162, s ^ 0x85ebca6b]);
    for (let i = 0; i < 12; i++) r.nextUint32();
    return r;
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  state(): number[] {
    return [this.a >>> 0, this.b >>> 0, this.c >>> 0, this.d >>> 0];
  }

  /** `count` lowercase hex digits. */
  hex(count: number): string {
    let out = '';
    while (out.length < count) out += this.nextUint32().toString(16).padStart(8, '0');
    return out.slice(0, count);
  }

  /** A new `<prefix>-` + 17 hex ID. */
  id(prefix: IdPrefix): string {
    return `${prefix}-${this.hex(17)}`;
  }

  /** A version-4-shaped UUID (request IDs). */
  uuid(): string {
    const h = this.hex(32);
    const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

/**
 * A stable hash of a string to `count` hex digits (FNV-1a over two lanes). Used where an ID must depend
 * only on a name (the catalog: the same entry gets the same ID in a region for every seed, and a
 * different ID in each region) without drawing from the seeded sequence.
 */
export function stableHex(text: string, count: number): string {
  let out = '';
  let lane = 0;
  while (out.length < count) {
    let h = 0x811c9dc5;
    const input = `${lane}:${text}`;
    for (let i = 0; i < input.length; i++) {
      h ^= input.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    out += (h >>> 0).toString(16).padStart(8, '0');
    lane++;
  }
  return out.slice(0, count);
}
