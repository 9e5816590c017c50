/**
 * The subnets of a VPC asking for each service: what planVpc plans endpoints for and the hub topology serves a
 * spoke with. One pass over the requests, not one per service.
 */
import type { SubnetModel } from "../input/spec-model";
import type { Requester } from "./plan";
import type { GatewayRouting } from "./decisions/gateway";
import type { Placement } from "./decisions/placement";
import type { Decided } from "./decisions/types";
import { byName, sortInPlace } from "../order";

/**
 * The subnets of a VPC asking for one service, sorted by name, and how each asked (its first request of the key's
 * `via`). Lists alike are one object per VPC (internRequesters), which keeps what depends on the list alone, made
 * on first use (the plan is never changed).
 */
export interface Requesters {
  readonly subnets: SubnetModel[];
  readonly vias: string[];
  /** The plan's requester entries of the list. */
  entries?: readonly Requester[];
  /** The list in a reason's words: `app-a (services), app-b (bundle ecr-pull)`. */
  asked?: string;
  /** The route tables a gateway endpoint of the list's services is attached to. */
  gateway?: Decided<GatewayRouting>;
  /** Where an interface endpoint of the list's services has its ENIs (no region dump's offer, not a hub's). */
  placement?: Decided<Placement>;
}

/** The requesting subnets of each service key of `subnets` (only the keys `keep` takes, when given). */
export function requestersByKey(opts: {
  subnets: readonly SubnetModel[];
  keep?: (key: string) => boolean;
}): Map<string, Requesters> {
  const { keep } = opts;
  const byKey = new Map<string, Requesters>();
  for (const s of sortInPlace([...opts.subnets], byName))
    for (const r of s.requests) {
      if (keep && !keep(r.key)) continue;
      const list = byKey.get(r.key);
      if (!list) byKey.set(r.key, { subnets: [s], vias: [r.via] });
      else if (list.subnets[list.subnets.length - 1] !== s) {
        list.subnets.push(s);
        list.vias.push(r.via);
      }
    }
  return byKey;
}

/** Whether two lists hold the same items in the same order. */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Makes the requester lists of a VPC that are alike (the same subnets, asking the same way) one object: most of a
 * VPC's services are asked for by the same subnets, and their entries, reason text, gateway routing and placement
 * are then made once.
 */
export function internRequesters(lists: Map<string, Requesters>): void {
  const byFirst = new Map<SubnetModel, Requesters[]>();
  for (const [key, list] of lists) {
    const alike = byFirst.get(list.subnets[0]);
    const same = alike?.find((x) => sameItems(x.subnets, list.subnets) && sameItems(x.vias, list.vias));
    if (same) lists.set(key, same);
    else if (alike) alike.push(list);
    else byFirst.set(list.subnets[0], [list]);
  }
}
