import type { DumpAzOffer } from "../../region-dumps/read";
import { compareCidrs, parseCidr, type Cidr } from "../../cidr";
import type { SubnetModel, VpcModel } from "../../input/spec-model";
import type { PlacedSubnet } from "../plan";
import { agree } from "../../text";
import { NO_REASONS, type Decided } from "./types";
import { compareStrings, sortStrings } from "../../order";

/** AZs a service is offered in, from a region dump. Either list may be missing (old dumps have no ids). */
export type AzOffer = DumpAzOffer;

export function azLabel(s: SubnetModel): string {
  return (s.azId ?? s.az) as string;
}

/** Whether the dump offers the service in the subnet's AZ; undefined when the two cannot be compared. */
export function offeredIn(s: SubnetModel, offer: AzOffer): boolean | undefined {
  if (s.azId !== undefined && offer.azIds) return offer.azIds.has(s.azId);
  if (s.az !== undefined && offer.azNames) return offer.azNames.has(s.az);
  return undefined;
}

export interface Placement {
  /** One subnet per AZ, sorted by AZ; none when no candidate zone is left. */
  readonly subnets: PlacedSubnet[];
  /** Candidates are the VPC's endpointSubnets, or every subnet of a hub VPC (not the requesting subnets). */
  readonly dedicated: boolean;
  /** The candidates mixed az and azId: the notation kept, and the subnets left out (sorted). */
  readonly notation?: { readonly kept: "az" | "azId"; readonly dropped: readonly string[] };
}

/**
 * One subnet per AZ for an interface endpoint, chosen deterministically.
 * Candidates are the VPC's `endpointSubnets` when declared, else the
 * requesting subnets (a hub: every subnet of the VPC). Tie-break within an AZ: the largest CIDR block (most
 * free addresses for the ENI), then the subnet name. A subnet list that mixes
 * `az` and `azId` cannot prove two labels are different zones, so only one
 * notation is used for ENIs (the one covering more zones; ids on a tie).
 */
export function placeInterfaceEndpoint(opts: {
  vpc: VpcModel;
  /** The service key, for the reasons. */
  service: string;
  requesters: readonly SubnetModel[];
  /** Where the region dump offers the service, when one was recorded. */
  offer?: AzOffer;
  /**
   * The endpoint is a hub's, serving its spokes from every zone: its ENIs go into the endpointSubnets, else into the
   * VPC's subnets, one per zone of either, whoever asks.
   */
  hub?: boolean;
  /** Write the reasons (default); without, the decision alone (see PlanOptions.explain). */
  explain?: boolean;
}): Decided<Placement> {
  const { vpc, service, requesters, offer } = opts;
  // (`reasons?.push(...)` builds no text at all without reasons)
  const reasons: string[] | undefined = opts.explain === false ? undefined : [];
  let notation: Placement["notation"];
  const { hub } = opts;
  const declared = vpc.endpointSubnets !== undefined;
  // a hub's candidates are never its requesting subnets: its clients are mostly the spokes'
  const dedicated = declared || hub === true;
  let candidates: readonly SubnetModel[] = declared
    ? vpc.subnets.filter((s) => vpc.endpointSubnets?.includes(s.name))
    : hub
      ? vpc.subnets
      : requesters;
  reasons?.push(
    declared
      ? `ENIs go into the ${hub ? "hub " : ""}VPC's endpointSubnets (${vpc.endpointSubnets?.join(", ")})`
      : hub
        ? "ENIs go into the hub VPC's subnets, one per zone, for the spokes (no endpointSubnets declared)"
        : "ENIs go into the requesting subnets (no endpointSubnets declared)",
  );

  if (offer) {
    const notOffered = candidates.filter((s) => offeredIn(s, offer) === false);
    if (notOffered.length > 0) {
      reasons?.push(
        `${offer.source} does not offer ${service} in ` +
          `${[...new Set(notOffered.map(azLabel))].sort().join(", ")}: no ENI there`,
      );
      candidates = candidates.filter((s) => !notOffered.includes(s));
    }
    const unknown = candidates.filter((s) => offeredIn(s, offer) === undefined);
    if (unknown.length > 0) {
      reasons?.push(
        `${offer.source} lists zone ${offer.azIds ? "ids" : "names"} only, so ${unknown
          .map((s) => s.name)
          .sort()
          .join(", ")} (given by ${offer.azIds ? "az" : "azId"}) cannot be checked: kept`,
      );
    }
  }

  const byId = candidates.filter((s) => s.azId !== undefined);
  const byName = candidates.filter((s) => s.az !== undefined);
  if (byId.length > 0 && byName.length > 0) {
    const idZones = new Set(byId.map(azLabel)).size;
    const nameZones = new Set(byName.map(azLabel)).size;
    const useIds = idZones >= nameZones;
    const dropped = useIds ? byName : byId;
    candidates = useIds ? byId : byName;
    notation = { kept: useIds ? "azId" : "az", dropped: dropped.map((s) => s.name).sort() };
  }

  const byZone = new Map<string, SubnetModel[]>();
  for (const s of candidates) {
    const zone = azLabel(s);
    const list = byZone.get(zone);
    if (list) list.push(s);
    else byZone.set(zone, [s]);
  }
  let zones = sortStrings([...byZone.keys()]);
  // a hub serves every zone; other endpoints keep to the requesting subnets' zones where candidates allow
  if (dedicated && !hub) {
    const requestingZones = new Set(requesters.map(azLabel));
    const matching = zones.filter((z) => requestingZones.has(z));
    if (matching.length > 0) zones = matching;
    else if (zones.length > 0)
      reasons?.push("no endpoint subnet shares a zone with a requesting subnet: every endpoint subnet zone is used");
  }
  const placed: PlacedSubnet[] = [];
  for (const z of zones) {
    const options = byZone.get(z) as SubnetModel[];
    // the first in tie-break order: the same pick as sorting the options, without the copy
    let pick = options[0];
    for (let i = 1; i < options.length; i++) if (byTieBreak(options[i], pick) < 0) pick = options[i];
    placed.push({ subnet: pick.name, subnetId: pick.id, az: z });
  }
  for (let i = 0; i < zones.length; i++) {
    const options = byZone.get(zones[i]) as SubnetModel[];
    if (options.length > 1)
      reasons?.push(
        `${zones[i]}: ${placed[i].subnet} chosen of ${sortStrings(options.map((s) => s.name)).join(", ")} ` +
          "(largest block, then name)",
      );
  }
  if (placed.length > 0)
    reasons?.push(
      `${agree({ n: placed, one: "ENI", many: "ENIs" })} in ${placed.map((p) => `${p.az} (${p.subnet})`).join(", ")}`,
    );
  return {
    decision: { subnets: placed, dedicated, ...(notation ? { notation } : {}) },
    reasons: reasons ?? NO_REASONS,
  };
}

function byTieBreak(a: SubnetModel, b: SubnetModel): number {
  const ca = parseCidr(a.cidr) as Cidr;
  const cb = parseCidr(b.cidr) as Cidr;
  return ca.prefix - cb.prefix || compareStrings(a.name, b.name) || compareCidrs(ca, cb);
}
