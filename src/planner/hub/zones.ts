/**
 * The private hosted zones a hub creates for one service: one per private DNS
 * name of the service (the name without its `*.`), with a wildcard record
 * where the name is a wildcard or where clients call per-resource names.
 * The one place hub planning learns DNS names.
 */
import { getRegion } from "../../catalog";
import type { RegionDump } from "../../region-dumps/read";
import { dumpEntry, type ResolvedService } from "../service";

export interface HubZone {
  /** The zone's name: the private DNS name without a leading `*.`, lower case, no trailing dot. */
  readonly name: string;
  /** The zone gets a `*.<name>` record beside the apex record. */
  readonly wildcard: boolean;
  /** Why there is a wildcard record (the name itself is one, or clients call per-resource names; the source). */
  readonly wildcardWhy?: string;
}

/** The zones of one hub service, sorted by name; empty when its private DNS names are not known. */
export function hubZones(opts: { svc: ResolvedService; region: string; dump?: RegionDump }): HubZone[] {
  const { svc, region, dump } = opts;
  const fromDump = dump ? dumpEntry(dump, svc, "Interface")?.privateDnsNames : undefined;
  const suffix = getRegion(region)?.domainSuffix ?? "amazonaws.com";
  const names = fromDump && fromDump.length > 0 ? fromDump : [`${svc.key}.${region}.${suffix}`];
  const zones = new Map<string, HubZone>();
  for (const raw of names) {
    const lower = raw.toLowerCase().replace(/\.$/, "");
    const wild = lower.startsWith("*.");
    const name = wild ? lower.slice(2) : lower;
    const prev = zones.get(name);
    if (prev?.wildcard) continue;
    zones.set(
      name,
      wild ? { name, wildcard: true, wildcardWhy: `the private DNS name is ${lower}` } : { name, wildcard: false },
    );
  }
  return [...zones.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
