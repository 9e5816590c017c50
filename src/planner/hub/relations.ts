/**
 * Which stacks hub relations tie together, as a pure function of the specs
 * (SpecModel) or of the plan (StackPlan): both carry per VPC the `useHub`
 * stack. A spoke's stack uses its hub's (the hub's services decide what the
 * spoke plans; a cross-account spoke reads the hub's zone ids from its
 * state), and a hub's stack depends on its spokes (their subnets are admitted
 * and their VPCs associated there).
 */
import { compareStrings } from "../../order";

/** What hub relations are read from: a stack and, per VPC, the stack of the hub it uses. */
export interface HubLinkSource {
  readonly stack: string;
  readonly vpcs: ReadonlyArray<{ readonly useHub?: { readonly stack: string } }>;
}

export interface StackHubLinks {
  /** Stacks whose hubs this stack's VPCs use (apply them first), sorted; never the stack itself. */
  readonly hubs: readonly string[];
  /** Stacks with VPCs that use a hub of this stack, sorted; never the stack itself. */
  readonly spokes: readonly string[];
}

/** The hub relations of every stack, by stack name (stacks without any have empty lists). */
export function hubLinks(stacks: readonly HubLinkSource[]): Map<string, StackHubLinks> {
  const hubs = new Map<string, Set<string>>(stacks.map((s) => [s.stack, new Set<string>()]));
  const spokes = new Map<string, Set<string>>(stacks.map((s) => [s.stack, new Set<string>()]));
  for (const s of stacks)
    for (const v of s.vpcs) {
      const hub = v.useHub?.stack;
      if (hub === undefined || hub === s.stack || !spokes.has(hub)) continue;
      hubs.get(s.stack)?.add(hub);
      spokes.get(hub)?.add(s.stack);
    }
  const sorted = (x: Set<string> | undefined) => [...(x ?? [])].sort(compareStrings);
  return new Map(
    stacks.map((s) => [s.stack, { hubs: sorted(hubs.get(s.stack)), spokes: sorted(spokes.get(s.stack)) }]),
  );
}

/**
 * Stack names ordered so that every hub's stack comes before its spokes' (a cross-account spoke's association
 * needs the hub's authorization applied first); otherwise by name. Stacks tied in a cycle keep name order.
 */
export function hubFirstOrder(stacks: readonly HubLinkSource[]): string[] {
  const links = hubLinks(stacks);
  const names = [...links.keys()].sort(compareStrings);
  const done = new Set<string>();
  const order: string[] = [];
  let progress = true;
  while (order.length < names.length && progress) {
    progress = false;
    for (const n of names) {
      if (done.has(n) || !(links.get(n)?.hubs ?? []).every((h) => done.has(h))) continue;
      done.add(n);
      order.push(n);
      progress = true;
      break;
    }
  }
  return [...order, ...names.filter((n) => !done.has(n))];
}
