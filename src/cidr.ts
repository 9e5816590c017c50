/** IPv4 CIDR helpers (parsing, canonical form, containment); `addr` is ipaddr.js's address for callers. */
import ipaddr from "ipaddr.js";

export interface Cidr {
  readonly text: string;
  readonly addr: ipaddr.IPv4;
  readonly prefix: number;
  /** The network address as an unsigned 32-bit number. */
  readonly start: number;
}

export type CidrProblem = { kind: "syntax" } | { kind: "ipv6" } | { kind: "host-bits"; network: string };

/**
 * Four decimal parts without leading zeros (ipaddr.js's isValidFourPartDecimal: `0` or `[1-9]\d*`, each at most
 * 255), then `/` and one or two digits.
 */
const CIDR_TEXT = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\/(\d{1,2})$/;

/**
 * Parsed blocks by text. The planner asks for the same subnet CIDRs once per endpoint and per tie-break
 * comparison (hundreds of thousands of calls at 100,000 subnets); a parse is immutable, so each text is parsed once
 * per process. Bounded: cleared when it grows past CACHE_LIMIT distinct texts.
 */
const cache = new Map<string, Cidr | CidrProblem>();
const CACHE_LIMIT = 1 << 20;

/** Parses an IPv4 CIDR in canonical form (network address, four decimal parts). */
export function parseCidr(text: string): Cidr | CidrProblem {
  let r = cache.get(text);
  if (r === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    r = parseUncached(text);
    cache.set(text, r);
  }
  return r;
}

function parseUncached(text: string): Cidr | CidrProblem {
  const m = CIDR_TEXT.exec(text);
  // refused: IPv6 told apart from any other text
  if (!m) return text.includes(":") ? { kind: "ipv6" } : { kind: "syntax" };
  const parts = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  const prefix = Number(m[5]);
  if (prefix > 32 || parts.some((p) => p > 255)) return { kind: "syntax" };
  const value = ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
  // the mask as arithmetic, not `<<` (which is modulo 32 and signed)
  const blockSize = 2 ** (32 - prefix);
  const start = value - (value % blockSize);
  if (start !== value) return { kind: "host-bits", network: `${dotted(start)}/${prefix}` };
  return { text, addr: new ipaddr.IPv4(parts), prefix, start };
}

function dotted(n: number): string {
  return `${Math.floor(n / 2 ** 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

export function isCidr(x: Cidr | CidrProblem): x is Cidr {
  return (x as Cidr).addr !== undefined;
}

/** True when `inner` lies entirely inside `outer`. */
export function contains(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && inner.start - (inner.start % size(outer)) === outer.start;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return contains(a, b) || contains(b, a);
}

/** aggregateCidrs, parsed: the blocks sorted by address and disjoint, as indexHolding and overlapsAny take them. */
export function mergedBlocks(texts: readonly string[]): Cidr[] {
  return aggregateCidrs(texts).map((t) => parseCidr(t) as Cidr);
}

/**
 * The index of the block of `blocks` that holds `c`, or -1. `blocks` must be sorted by address and disjoint, as
 * aggregateCidrs returns them: only the last block starting at or before `c` can then hold it, and a binary search
 * finds that one. Why: a hub admits the subnets of every spoke, thousands of blocks asked about thousands of
 * subnets, where a search of every block grew with the square of the spokes.
 */
export function indexHolding(blocks: readonly Cidr[], c: Cidr): number {
  const at = lastStartingBy(blocks, c.start);
  return at >= 0 && contains(blocks[at], c) ? at : -1;
}

/** Whether a block of `blocks` (sorted and disjoint, as for indexHolding) overlaps `c`: holds it or lies in it. */
export function overlapsAny(blocks: readonly Cidr[], c: Cidr): boolean {
  // aligned blocks are nested or apart: one starting at or before `c` overlaps it only by holding it or by
  // starting where it starts; one starting after it overlaps only inside it, and the first such is the one to ask
  const at = lastStartingBy(blocks, c.start);
  if (at >= 0 && overlaps(blocks[at], c)) return true;
  const next = blocks[at + 1];
  return next !== undefined && contains(c, next);
}

/** The index of the last block starting at or before `start` (-1 if none); `blocks` sorted by address. */
function lastStartingBy(blocks: readonly Cidr[], start: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].start <= start) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at;
}

/** Number of addresses in the block. */
export function size(c: Cidr): number {
  return 2 ** (32 - c.prefix);
}

/** Sort key: numeric address, then prefix. */
export function compareCidrs(a: Cidr, b: Cidr): number {
  return a.start - b.start || a.prefix - b.prefix;
}

function fromInt(n: number, prefix: number): string {
  return `${dotted(n)}/${prefix}`;
}

/**
 * The smallest list of blocks covering exactly the same addresses: blocks
 * inside others are dropped and aligned siblings merged (10.0.0.0/24 +
 * 10.0.1.0/24 -> 10.0.0.0/23). Never admits an address the input did not.
 */
export function aggregateCidrs(texts: readonly string[]): string[] {
  let blocks = texts
    .map((t) => parseCidr(t))
    .filter(isCidr)
    .map((c) => ({ start: c.start, prefix: c.prefix }));
  let changed = true;
  while (changed) {
    changed = false;
    blocks.sort((a, b) => a.start - b.start || a.prefix - b.prefix);
    const out: typeof blocks = [];
    for (const b of blocks) {
      const last = out[out.length - 1];
      const lastSize = last ? 2 ** (32 - last.prefix) : 0;
      if (last && b.start >= last.start && b.start + 2 ** (32 - b.prefix) <= last.start + lastSize) {
        changed = true; // inside the previous block
        continue;
      }
      if (
        last &&
        last.prefix === b.prefix &&
        last.prefix > 0 &&
        last.start + lastSize === b.start &&
        last.start % (lastSize * 2) === 0
      ) {
        out[out.length - 1] = { start: last.start, prefix: last.prefix - 1 };
        changed = true;
        continue;
      }
      out.push(b);
    }
    blocks = out;
  }
  return blocks.map((b) => fromInt(b.start, b.prefix));
}
