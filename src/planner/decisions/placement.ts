import type { DumpAzOffer } from "../../region-dumps/read";
import { compareCidrs, parseCidr, type Cidr } from "../../cidr";
import type { Diagnostic } from "../../diagnostics";
import type { Located, SubnetModel, VpcModel } from "../../input/spec-model";
import type { PlacedSubnet } from "../plan";
import type { RuleResult } from "./types";
import { finding } from "./types";
import { compareStrings } from "../../order";

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

/**
 * One subnet per AZ for an interface endpoint, chosen deterministically.
 * Candidates are the VPC's `endpointSubnets` when declared, else the
 * requesting subnets. Tie-break within an AZ: the largest CIDR block (most
 * free addresses for the ENI), then the subnet name. A subnet list that mixes
 * `az` and `azId` cannot prove two labels are different zones, so only one
 * notation is used for ENIs (the one covering more zones; ids on a tie).
 */
export function placeInterfaceEndpoint(
  file: string,
  vpc: VpcModel,
  service: string,
  requesters: readonly SubnetModel[],
  at: Located,
  offer?: AzOffer,
): RuleResult<PlacedSubnet[]> {
  const findings: Diagnostic[] = [];
  const reasons: string[] = [];
  const dedicated = vpc.endpointSubnets !== undefined;
  let candidates = dedicated ? vpc.subnets.filter((s) => vpc.endpointSubnets?.includes(s.name)) : [...requesters];
  reasons.push(
    dedicated
      ? `ENIs go into the VPC's endpointSubnets (${vpc.endpointSubnets?.join(", ")})`
      : "ENIs go into the requesting subnets (no endpointSubnets declared)",
  );

  if (offer) {
    const notOffered = candidates.filter((s) => offeredIn(s, offer) === false);
    if (notOffered.length > 0) {
      reasons.push(
        `${offer.source} does not offer ${service} in ${[...new Set(notOffered.map(azLabel))].sort().join(", ")}: no ENI there`,
      );
      candidates = candidates.filter((s) => !notOffered.includes(s));
    }
    const unknown = candidates.filter((s) => offeredIn(s, offer) === undefined);
    if (unknown.length > 0) {
      reasons.push(
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
    findings.push(
      finding(
        file,
        at,
        "AZ_NOTATION_MIXED",
        `the ${service} endpoint's candidate subnets mix az and azId, so vpce cannot tell whether ${dropped
          .map((s) => s.name)
          .sort()
          .join(
            ", ",
          )} share a zone with the others; ENIs are placed only in subnets given by ${useIds ? "azId" : "az"}.`,
        "Give every subnet of the VPC by azId (ids are the same in every account) to get an ENI in each zone.",
      ),
    );
  }

  const byZone = new Map<string, SubnetModel[]>();
  for (const s of candidates) {
    const list = byZone.get(azLabel(s)) ?? [];
    list.push(s);
    byZone.set(azLabel(s), list);
  }
  const requestingZones = new Set(requesters.map(azLabel));
  let zones = [...byZone.keys()].sort();
  if (dedicated) {
    const matching = zones.filter((z) => requestingZones.has(z));
    if (matching.length > 0) zones = matching;
    else if (zones.length > 0)
      reasons.push("no endpoint subnet shares a zone with a requesting subnet: every endpoint subnet zone is used");
  }
  const placed: PlacedSubnet[] = zones.map((z) => {
    const pick = [...(byZone.get(z) as SubnetModel[])].sort(byTieBreak)[0];
    return { subnet: pick.name, subnetId: pick.id, az: z };
  });
  for (const z of zones) {
    const options = byZone.get(z) as SubnetModel[];
    if (options.length > 1)
      reasons.push(
        `${z}: ${placed.find((p) => p.az === z)?.subnet} chosen of ${options
          .map((s) => s.name)
          .sort()
          .join(", ")} (largest block, then name)`,
      );
  }
  if (placed.length === 0) {
    findings.push(
      finding(
        file,
        at,
        "NO_ENDPOINT_AZ",
        `no subnet can hold an ENI of the ${service} endpoint${offer ? ` (${offer.source} offers it in none of the candidate zones)` : ""}.`,
        dedicated
          ? "Add an endpoint subnet in a zone that offers the service."
          : "Request the service from a subnet in a zone that offers it, or declare endpointSubnets.",
      ),
    );
    return { decision: placed, findings, reasons };
  }
  const served = new Set(placed.map((p) => p.az));
  const crossAz = requesters
    .filter((s) => !served.has(azLabel(s)))
    .map((s) => `${s.name} (${azLabel(s)})`)
    .sort();
  if (crossAz.length > 0) {
    findings.push(
      finding(
        file,
        at,
        "CROSS_AZ",
        `the ${service} endpoint has no ENI in the zone of ${crossAz.join(", ")}; their traffic crosses zones (inter-AZ data charges, and a zone outage on the other side cuts them off).`,
        dedicated
          ? "Add an endpoint subnet in those zones."
          : "This follows from where the service is offered or from az/azId notation; see the reasons.",
      ),
    );
  }
  reasons.push(`ENIs in ${placed.map((p) => `${p.az} (${p.subnet})`).join(", ")}`);
  return { decision: placed, findings, reasons };
}

function byTieBreak(a: SubnetModel, b: SubnetModel): number {
  const ca = parseCidr(a.cidr) as Cidr;
  const cb = parseCidr(b.cidr) as Cidr;
  return ca.prefix - cb.prefix || compareStrings(a.name, b.name) || compareCidrs(ca, cb);
}
