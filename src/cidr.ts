/** IPv4 CIDR helpers over ipaddr.js (parsing, canonical form, containment). */
import ipaddr from "ipaddr.js";

export interface Cidr {
  readonly text: string;
  readonly addr: ipaddr.IPv4;
  readonly prefix: number;
}

export type CidrProblem = { kind: "syntax" } | { kind: "ipv6" } | { kind: "host-bits"; network: string };

/** Parses an IPv4 CIDR in canonical form (network address, four decimal parts). */
export function parseCidr(text: string): Cidr | CidrProblem {
  const m = /^([0-9.]+)\/(\d{1,2})$/.exec(text);
  if (!m) return text.includes(":") ? { kind: "ipv6" } : { kind: "syntax" };
  if (!ipaddr.IPv4.isValidFourPartDecimal(m[1])) return { kind: "syntax" };
  const prefix = Number(m[2]);
  if (prefix > 32) return { kind: "syntax" };
  const addr = ipaddr.IPv4.parse(m[1]);
  const network = ipaddr.IPv4.networkAddressFromCIDR(text).toString();
  if (network !== m[1]) return { kind: "host-bits", network: `${network}/${prefix}` };
  return { text, addr, prefix };
}

export function isCidr(x: Cidr | CidrProblem): x is Cidr {
  return (x as Cidr).addr !== undefined;
}

/** True when `inner` lies entirely inside `outer`. */
export function contains(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && inner.addr.match(outer.addr, outer.prefix);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return contains(a, b) || contains(b, a);
}

/** Number of addresses in the block. */
export function size(c: Cidr): number {
  return 2 ** (32 - c.prefix);
}

/** Sort key: numeric address, then prefix. */
export function compareCidrs(a: Cidr, b: Cidr): number {
  const x = a.addr.toByteArray();
  const y = b.addr.toByteArray();
  for (let i = 0; i < 4; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return a.prefix - b.prefix;
}

function toInt(c: Cidr): number {
  const b = c.addr.toByteArray();
  return ((b[0] << 24) >>> 0) + (b[1] << 16) + (b[2] << 8) + b[3];
}

function fromInt(n: number, prefix: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}/${prefix}`;
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
    .map((c) => ({ start: toInt(c), prefix: c.prefix }));
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
