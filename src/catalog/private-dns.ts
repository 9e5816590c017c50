/**
 * The private DNS names AWS gives an interface endpoint of a catalog service
 * (what describe-vpc-endpoint-services reports as `PrivateDnsName` /
 * `PrivateDnsNames`), and the way back: which catalog service a DNS query
 * name (a Route 53 Resolver query log's `query_name`) belongs to.
 *
 * Where the names come from, first match wins:
 * 1. a region dump (catalog/<region>.json): its Interface entry for the service is the
 *    authority, also when it lists no name (the service offers no private DNS there);
 * 2. the service's curated `privateDnsNames` in data/services.json, by region, partition
 *    or `*` (a curated map replaces the rule: no matching key means no name known there);
 * 3. the default rule: the endpoint service name read backwards, with the partition's
 *    DNS suffix for the `com.amazonaws` family of prefixes (`com.amazonaws.eu-west-1.ssm`
 *    -> `ssm.eu-west-1.amazonaws.com`, `ecr.api` -> `api.ecr.<region>...`, `aws.api.<region>.qbusiness`
 *    -> `qbusiness.<region>.api.aws`, `com.amazonaws.iam` -> `iam.amazonaws.com`, FIPS ids
 *    `ssm-fips` -> `ssm-fips.<region>...`). This is the AWS default (the private hosted zone holds
 *    "the default public DNS name for the service for the Region", EC2 CreateVpcEndpoint);
 *    `privateDnsSources` of a row say where a name was seen, rows without them are derived only.
 * Services whose `privateDns` is false have none.
 * serviceForHostname also knows the public names a gateway endpoint serves (`gatewayClientNames`:
 * `dynamodb.<region>...`, `*.s3.<region>...`): clients of a gateway query those, and no private
 * DNS name covers DynamoDB, nor S3 in a region dump that lists none.
 *
 * Matching a query name (serviceForHostname): lower case, one trailing dot dropped. A name
 * `N` covers the query `N`; a wildcard `*.X` covers `X` itself and every name below it (AWS's
 * zone for a wildcard name is `X`: path-style `s3.<region>.amazonaws.com` goes to the S3
 * endpoint as well as `<bucket>.s3...`); a service with `perResourceNames` also covers every
 * name below its plain names (`<api-id>.execute-api.<region>...`). Nothing else matches on
 * a suffix: `foo.ssm.<region>.amazonaws.com` is no SSM name, `s3.amazonaws.com.evil.com` nothing.
 * The most specific (longest) covering name wins, an exact name before a wildcard of the
 * same length; between services with the same name a non-FIPS id wins unless the query is a
 * FIPS name (a label containing `fips`), then the catalog order.
 */
import { allServices, getRegion, getService, namePrefix, DEFAULT_PREFIX, type CatalogService } from "./index";
import servicesData from "./data/services.json";
import { servicesWithId } from "./dump-ids";

/**
 * What the functions here read of a region dump: src/region-dumps' RegionDump fits as it is
 * (the catalog imports nothing of vpce, so the shape is spelled out here).
 */
export interface DumpDnsView {
  /** The dump's region; a dump of another region is refused. */
  readonly region?: string;
  readonly services: ReadonlyMap<
    string,
    {
      readonly id?: string;
      readonly byType: { readonly Interface?: { readonly privateDnsNames: readonly string[] } };
    }
  >;
}

/** Where a service's private DNS names come from (see the module comment). */
export type PrivateDnsOrigin = "dump" | "curated" | "rule" | "none";

export interface PrivateDnsDetails {
  readonly serviceId: string;
  /** Lower case, wildcards kept as a leading `*.`, sorted. */
  readonly names: readonly string[];
  readonly origin: PrivateDnsOrigin;
  /** URLs that confirm the names (services.json `privateDnsSources`); empty: derived by the rule only. */
  readonly sources: readonly string[];
}

export interface PerResourceService {
  readonly serviceId: string;
  /** Query names clients send, filled for the region (`<bucket>.s3.us-east-1.amazonaws.com`). */
  readonly examples: readonly string[];
  /** The AWS page saying clients call these names. */
  readonly source: string;
}

const SOURCES = servicesData.sources as Record<string, { url: string }>;

/** Prefixes that are not the partition's own family: their DNS domain is the prefix read backwards. */
const FOREIGN_PREFIXES = ["aws.api", "aws.sagemaker"];

function reversed(dotted: string): string {
  return dotted.split(".").reverse().join(".");
}

function requireService(serviceId: string): CatalogService {
  const s = getService(serviceId);
  if (!s) throw new Error(`vpce private DNS: unknown catalog service ${serviceId}`);
  return s;
}

function requireRegion(region: string): NonNullable<ReturnType<typeof getRegion>> {
  const r = getRegion(region);
  if (!r) throw new Error(`vpce private DNS: unknown region ${region}`);
  return r;
}

function fillTemplate(template: string, region: string): string {
  return template.replace(/\{region\}/g, region).replace(/\{domain\}/g, requireRegion(region).domainSuffix);
}

/** The default rule: the interface endpoint service name read backwards (see the module comment). */
function ruleName(service: CatalogService, region: string): string {
  const r = requireRegion(region);
  const name = service.nameTemplate
    .replace("{prefix}", namePrefix(service.id, region))
    .replace("{region}", region)
    .replace("{id}", service.id);
  const foreign = FOREIGN_PREFIXES.find((p) => name.startsWith(`${p}.`));
  if (foreign) return `${reversed(name.slice(foreign.length + 1))}.${reversed(foreign)}`;
  // com.amazonaws, the partition's own prefix (cn.com.amazonaws, gov.ic.c2s) or a regional exception of it
  const own = [namePrefix(service.id, region), r.partitionPrefix, DEFAULT_PREFIX].find((p) => name.startsWith(`${p}.`));
  if (!own) throw new Error(`vpce private DNS: ${service.id}: no known prefix in ${name}`);
  return `${reversed(name.slice(own.length + 1))}.${r.domainSuffix}`;
}

/** The curated names of the region: by region, else partition, else `*`; undefined when the row has none. */
function curatedNames(service: CatalogService, region: string): string[] | undefined {
  const table = service.privateDnsNames;
  if (!table) return undefined;
  const r = requireRegion(region);
  const templates = table[region] ?? table[r.partition] ?? table["*"] ?? [];
  return templates.map((t) => fillTemplate(t, region));
}

function dumpEntry(dump: DumpDnsView, serviceId: string, region: string): readonly string[] | undefined {
  if (dump.region !== undefined && dump.region !== region)
    throw new Error(`vpce private DNS: a dump of ${dump.region} given for region ${region}`);
  return servicesWithId(dump.services, serviceId).find((s) => s.byType.Interface)?.byType.Interface?.privateDnsNames;
}

function normalizedSorted(names: readonly string[]): string[] {
  return [...new Set(names.map((n) => n.toLowerCase().replace(/\.$/, "")))].sort();
}

/** The service's private DNS names in a region with where they come from and what confirms them. */
export function privateDnsDetails(opts: { serviceId: string; region: string; dump?: DumpDnsView }): PrivateDnsDetails {
  const { serviceId, region, dump } = opts;
  const service = requireService(serviceId);
  requireRegion(region);
  const sources = service.privateDnsSources.map((k) => SOURCES[k].url);
  const fromDump = dump ? dumpEntry(dump, serviceId, region) : undefined;
  if (fromDump) return { serviceId, names: normalizedSorted(fromDump), origin: "dump", sources: [] };
  if (!service.types.includes("Interface") || !service.privateDns)
    return { serviceId, names: [], origin: "none", sources: [] };
  const curated = curatedNames(service, region);
  if (curated) return { serviceId, names: normalizedSorted(curated), origin: "curated", sources };
  return { serviceId, names: [ruleName(service, region)], origin: "rule", sources };
}

/**
 * The private DNS names of the service's interface endpoint in the region (wildcards as `*.`);
 * [] where it has none. A region dump's entry for the service wins over the catalog.
 */
export function privateDnsNames(opts: { serviceId: string; region: string; dump?: DumpDnsView }): string[] {
  return [...privateDnsDetails(opts).names];
}

/** Services whose clients call per-resource names under the private DNS name, filled for a region. */
export function perResourceServices(opts: { region: string }): PerResourceService[] {
  const { region } = opts;
  requireRegion(region);
  return allServices().flatMap((s) =>
    s.perResourceNames
      ? [
          {
            serviceId: s.id,
            examples: s.perResourceNames.examples.map((t) => fillTemplate(t, region)),
            source: SOURCES[s.perResourceNames.source].url,
          },
        ]
      : [],
  );
}

/** Whether the service's clients call per-resource names (a hosted zone needs a wildcard record). */
export function hasPerResourceNames(opts: { serviceId: string }): boolean {
  return requireService(opts.serviceId).perResourceNames !== undefined;
}

interface Candidate {
  readonly serviceId: string;
  readonly dnsName: string;
  /** The name without a leading `*.`. */
  readonly base: string;
  /** Names below `base` are covered (wildcard name or per-resource service). */
  readonly below: boolean;
  /** `base` itself is covered by a wildcard only. */
  readonly wildcard: boolean;
  readonly fips: boolean;
}

const catalogIndex = new Map<string, readonly Candidate[]>();

function candidates(region: string, dump: DumpDnsView | undefined): readonly Candidate[] {
  const cached = dump ? undefined : catalogIndex.get(region);
  if (cached) return cached;
  const out: Candidate[] = [];
  for (const s of allServices()) {
    for (const dnsName of privateDnsNames({ serviceId: s.id, region, dump })) {
      const wildcard = dnsName.startsWith("*.");
      out.push({
        serviceId: s.id,
        dnsName,
        base: wildcard ? dnsName.slice(2) : dnsName,
        below: wildcard || s.perResourceNames !== undefined,
        wildcard,
        fips: s.fips,
      });
    }
  }
  // Names a gateway endpoint serves: a gateway changes no DNS answer, so the public name is what clients query.
  for (const s of allServices())
    for (const template of s.gatewayClientNames?.names ?? []) {
      const dnsName = fillTemplate(template, region);
      if (out.some((c) => c.serviceId === s.id && c.dnsName === dnsName)) continue;
      const wildcard = dnsName.startsWith("*.");
      out.push({
        serviceId: s.id,
        dnsName,
        base: wildcard ? dnsName.slice(2) : dnsName,
        below: wildcard,
        wildcard,
        fips: s.fips,
      });
    }
  if (!dump) catalogIndex.set(region, out);
  return out;
}

/** Higher is more specific: labels of the covering name, an exact name above a wildcard of the same length. */
function specificity(c: Candidate, host: string): number | undefined {
  const labels = c.base.split(".").length * 4;
  if (host === c.base) return c.wildcard ? labels + 1 : labels + 2;
  if (c.below && host.endsWith(`.${c.base}`)) return labels;
  return undefined;
}

/**
 * The catalog service whose private DNS name in the region covers a DNS query name, and that
 * name; undefined when none does. See the module comment for what covers what.
 */
export function serviceForHostname(opts: {
  hostname: string;
  region: string;
  dump?: DumpDnsView;
}): { serviceId: string; dnsName: string } | undefined {
  const host = opts.hostname.trim().toLowerCase().replace(/\.$/, "");
  if (host === "" || host.includes("..") || host.startsWith(".")) return undefined;
  const wantsFips = host.split(".").some((l) => l.includes("fips"));
  let best: { c: Candidate; score: number } | undefined;
  for (const c of candidates(opts.region, opts.dump)) {
    const score = specificity(c, host);
    if (score === undefined) continue;
    if (!best || score > best.score || (score === best.score && prefer(c, best.c, wantsFips))) best = { c, score };
  }
  return best ? { serviceId: best.c.serviceId, dnsName: best.c.dnsName } : undefined;
}

/** Between equally specific names: the FIPS id only for a FIPS query, else the non-FIPS one; then catalog order. */
function prefer(a: Candidate, b: Candidate, wantsFips: boolean): boolean {
  if (a.fips !== b.fips) return a.fips === wantsFips;
  return a.serviceId < b.serviceId;
}
