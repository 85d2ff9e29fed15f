/** IPv4 CIDR blocks as numbers: parsing, containment, overlap and the address at an offset. */

export interface Ipv4Block {
  /** The first address as an unsigned 32-bit number. */
  readonly base: number;
  readonly prefix: number;
  /** How many addresses the block holds (2^(32 - prefix)). */
  readonly size: number;
}

const CIDR_V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses `a.b.c.d/n`; undefined when malformed or when bits below the prefix are set (`10.0.0.1/16`). */
/** Parsed blocks by text: every launch asks for its subnet's block, and a model holds few distinct ones. */
const parsed = new Map<string, Ipv4Block | undefined>();
const PARSED_KEPT = 1024;

export function parseIpv4Block(text: string): Ipv4Block | undefined {
  if (parsed.has(text)) return parsed.get(text);
  if (parsed.size >= PARSED_KEPT) parsed.clear();
  const block = parseOnce(text);
  parsed.set(text, block);
  return block;
}

function parseOnce(text: string): Ipv4Block | undefined {
  const m = CIDR_V4.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const base = ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
  const size = 2 ** (32 - prefix);
  if (base % size !== 0) return undefined;
  return Object.freeze({ base, prefix, size });
}

export function blockContains(outer: Ipv4Block, inner: Ipv4Block): boolean {
  return inner.base >= outer.base && inner.base + inner.size <= outer.base + outer.size;
}

export function blocksOverlap(a: Ipv4Block, b: Ipv4Block): boolean {
  return a.base < b.base + b.size && b.base < a.base + a.size;
}

/** The dotted address `offset` places after the block's first address. */
export function addressAt(block: Ipv4Block, offset: number): string {
  const n = block.base + offset;
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
