/**
 * The private hosted zones a hub creates for one service: one per private DNS
 * name of the service (the name without its `*.`), with a wildcard record
 * where the name is a wildcard (`*.dkr.ecr.<region>.amazonaws.com`) or where
 * clients call per-resource names below it (S3 buckets, API ids). The names
 * come from src/catalog/private-dns.ts (a region dump first, then the
 * catalog); this is the one place hub planning learns DNS names.
 */
import { getService } from "../../catalog";
import { perResourceServices, privateDnsNames } from "../../catalog/private-dns";
import { compareStrings } from "../../order";
import type { RegionDump } from "../../region-dumps/read";
import { dumpEntry, type ResolvedService } from "../service";

export interface HubZone {
  /** The zone's name: the private DNS name without a leading `*.`, lower case, no trailing dot. */
  readonly name: string;
  /** The zone gets a `*.<name>` record beside the apex record. */
  readonly wildcard: boolean;
  /** Why there is a wildcard record (the name itself is one, or clients call per-resource names: the source). */
  readonly wildcardWhy?: string;
}

/** The zones of one hub service, sorted by name; empty when the service has no private DNS name there. */
export function hubZones(opts: { svc: ResolvedService; region: string; dump?: RegionDump }): HubZone[] {
  const { svc, region, dump } = opts;
  // a service newer than the catalog is known by its dump entry alone
  const names = getService(svc.key)
    ? privateDnsNames({ serviceId: svc.key, region, dump })
    : [...(dump ? (dumpEntry(dump, svc, "Interface")?.privateDnsNames ?? []) : [])].map((n) =>
        n.toLowerCase().replace(/\.$/, ""),
      );
  const perResource = perResourceServices({ region }).find((p) => p.serviceId === svc.key);
  const zones = new Map<string, HubZone>();
  for (const dnsName of names) {
    const wild = dnsName.startsWith("*.");
    const name = wild ? dnsName.slice(2) : dnsName;
    const why = wild
      ? `the private DNS name is ${dnsName}`
      : perResource
        ? `clients call per-resource names such as ${perResource.examples[0] ?? `<resource>.${name}`} ` +
          `(${perResource.source})`
        : undefined;
    if (zones.get(name)?.wildcard) continue;
    zones.set(name, why ? { name, wildcard: true, wildcardWhy: why } : { name, wildcard: false });
  }
  return [...zones.values()].sort((a, b) => compareStrings(a.name, b.name));
}
