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
