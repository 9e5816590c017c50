/**
 * `vpce discover`, the pure part: DNS queries and flows in, per subnet the services it called that its spec does
 * not request yet out, with query counts, bytes and what that traffic costs through NAT.
 *
 * Method. A query's source address gives its subnet (longest prefix within the VPC the log names); its name gives
 * the service (the catalog's private DNS names, in the stack's region and the regions its `endpoints:` entries
 * name). Bytes come from flow logs joined with the answers: a flow between a client address and an address that a
 * service's name resolved to for that same client (anywhere in the logs' window) counts for that service, in both
 * directions, since NAT processes both. One flow recorded on two interfaces (the instance's and the NAT gateway's)
 * counts once: records with the same addresses, ports, protocol and start are one flow. Bytes scale to a month by
 * the flow logs' own window (earliest start to latest end, NODATA records included).
 *
 * Limits. Resolver logs record only queries the resolver did not answer from its cache, so counts are lower bounds;
 * a client that kept an address from before the logs' window, or resolved through another resolver, has flows no
 * answer explains (counted as unattributed); an address two services share for one client is attributed to neither.
 * An answer inside the VPC's blocks is an endpoint's ENI: the service is reached through an existing endpoint and
 * not proposed, unless the spec itself requests the service elsewhere in the VPC (then it is vpce's own endpoint,
 * whose security group does not admit this subnet yet). Gateway endpoints change no DNS answer: a service reached
 * through an existing gateway endpoint the specs do not know is still proposed.
 */
import { getService } from "../catalog";
import type { SpecModel, SubnetModel, VpcModel } from "../input/spec-model";
import { by } from "../order";
import { PRICES } from "../planner/pricing";
import { round2 } from "../report/cost";
import type { FlowRecord } from "./flow-log";
import type { QueryRecord } from "./resolver-log";
import { SubnetIndex, type SubnetPlace } from "./subnets";

/** The catalog id a query name stands for in a region, if any (the catalog's private DNS names). */
export type ServiceLookup = (opts: { hostname: string; region: string }) => string | undefined;

/** Bytes per GiB: AWS prices data processing per GB of 2^30 bytes. */
export const BYTES_PER_GB = 2 ** 30;

export interface Proposal {
  readonly stack: string;
  /** The spec file, as shown to the user. */
  readonly file: string;
  readonly vpc: string;
  readonly vpcId: string;
  readonly subnet: string;
  readonly subnetId: string;
  /** Catalog id; `<id>@<region>` for a service of another region that the VPC's `endpoints:` reach. */
  readonly service: string;
  /** What `--write` adds to the subnet's services: the catalog id, or the `endpoints:` key of a cross-region entry. */
  readonly key: string;
  /** The endpoint type vpce would plan by default (the catalog's first type). */
  readonly type: "Gateway" | "Interface";
  /** Queries from the subnet for the service's names. */
  readonly queries: number;
  /** The names queried, sorted. */
  readonly names: readonly string[];
  /** With flow logs: bytes between the subnet and the service's answers, both directions. */
  readonly bytes?: number;
  /** With flow logs spanning some time: those bytes scaled to a month, GB. */
  readonly gbPerMonth?: number;
  /** What that traffic costs through a NAT gateway per month (data processing). */
  readonly natUsdPerMonth?: number;
  /** What the same traffic costs through the endpoint per month (interface: data processing; gateway: free). */
  readonly endpointDataUsdPerMonth?: number;
}

export interface DiscoverSummary {
  /** Query records read. */
  readonly queries: number;
  /**
   * Queries from an address in no known subnet (of the VPC the log names), and how many addresses; the VPC ids
   * no spec describes, with their query counts (a spec's VPC id that does not match the logs shows here).
   */
  readonly unmatched: {
    readonly queries: number;
    readonly addresses: number;
    readonly unknownVpcs: readonly { vpcId: string; queries: number }[];
  };
  /** Queries for names of no catalog service, and the AWS-looking ones among them with their counts. */
  readonly outsideCatalog: {
    readonly queries: number;
    readonly awsNames: readonly { name: string; queries: number }[];
  };
  /** Queries answered by an endpoint inside the VPC, per stack, VPC and service. */
  readonly viaEndpoint: readonly { stack: string; vpc: string; service: string; queries: number }[];
  /** Queries for services the subnet already requests. */
  readonly alreadyRequested: number;
  readonly flows?: {
    readonly records: number;
    /** Records of a flow already counted (the same flow on another interface). */
    readonly duplicates: number;
    /** Flows counted for a proposal. */
    readonly attributed: number;
    /** The flow logs' window in seconds, when records carry start and end. */
    readonly windowSeconds?: number;
  };
}

export interface DiscoverResult {
  readonly proposals: readonly Proposal[];
  readonly summary: DiscoverSummary;
}

/** Names in AWS's domains: reported by name when no catalog service matches them. */
const AWS_DOMAIN = /(\.amazonaws\.com|\.amazonaws\.com\.cn|\.api\.aws|\.c2s\.ic\.gov|\.sc2s\.sgov\.gov)$/;

interface Tally {
  readonly place: SubnetPlace;
  readonly service: string;
  queries: number;
  readonly names: Set<string>;
  bytes: number;
}

export function discover(opts: {
  specs: readonly SpecModel[];
  queries: readonly QueryRecord[];
  /** Flow records and their window; undefined without flow logs. */
  flows?: { readonly records: readonly FlowRecord[]; readonly window?: { start: number; end: number } };
  serviceOf: ServiceLookup;
}): DiscoverResult {
  const index = new SubnetIndex(opts.specs);
  const requested = requestedSets(opts.specs);
  const lookup = cachedLookup(opts.serviceOf);
  const tallies = new Map<string, Tally>();
  // `<vpc id>|<client>|<answer>` -> tally key ("" when two services share the answer for that client)
  const joins = new Map<string, string>();
  const unmatchedAddresses = new Set<string>();
  const unknownVpcs = new Map<string, number>();
  let unmatched = 0;
  let outside = 0;
  const awsNames = new Map<string, number>();
  const via = new Map<string, { stack: string; vpc: string; service: string; queries: number }>();
  let already = 0;

  for (const q of opts.queries) {
    const place = index.subnetOf({ vpcId: q.vpcId, address: q.srcaddr });
    if (!place) {
      unmatched++;
      unmatchedAddresses.add(q.srcaddr);
      if (q.vpcId && !index.knowsVpc(q.vpcId)) unknownVpcs.set(q.vpcId, (unknownVpcs.get(q.vpcId) ?? 0) + 1);
      continue;
    }
    const service = serviceFor({ name: q.name, place, lookup });
    if (!service) {
      outside++;
      if (AWS_DOMAIN.test(q.name)) awsNames.set(q.name, (awsNames.get(q.name) ?? 0) + 1);
      continue;
    }
    const vpcWants = requested.vpc.get(place.vpc)?.has(service) ?? false;
    if (!vpcWants && q.addresses.some((a) => index.insideVpc({ vpcId: place.vpc.id, address: a }))) {
      const k = `${place.spec.stack}|${place.vpc.name}|${service}`;
      const v = via.get(k) ?? { stack: place.spec.stack, vpc: place.vpc.name, service, queries: 0 };
      v.queries++;
      via.set(k, v);
      continue;
    }
    if (requested.subnet.get(place.subnet)?.has(service)) {
      already++;
      continue;
    }
    const key = `${place.spec.file}|${place.vpc.name}|${place.subnet.name}|${service}`;
    const t = tallies.get(key) ?? { place, service, queries: 0, names: new Set<string>(), bytes: 0 };
    t.queries++;
    t.names.add(q.name);
    tallies.set(key, t);
    for (const a of q.addresses) {
      const j = `${place.vpc.id}|${q.srcaddr}|${a}`;
      joins.set(j, joins.has(j) && joins.get(j) !== key ? "" : key);
    }
  }

  const flows = opts.flows ? countFlows({ records: opts.flows.records, joins, tallies }) : undefined;
  const window = opts.flows?.window;
  const seconds = window && window.end > window.start ? window.end - window.start : undefined;
  const proposals = [...tallies.values()]
    .map((t) => proposal({ t, flows: opts.flows !== undefined, seconds }))
    .sort(by((p) => [p.stack, p.vpc, p.subnet, p.service].join("\u0000")));
  return {
    proposals,
    summary: {
      queries: opts.queries.length,
      unmatched: {
        queries: unmatched,
        addresses: unmatchedAddresses.size,
        unknownVpcs: [...unknownVpcs].map(([vpcId, queries]) => ({ vpcId, queries })).sort(by((v) => v.vpcId)),
      },
      outsideCatalog: {
        queries: outside,
        awsNames: [...awsNames]
          .map(([name, queries]) => ({ name, queries }))
          .sort((a, b) => b.queries - a.queries || (a.name < b.name ? -1 : 1)),
      },
      viaEndpoint: [...via.values()].sort(by((v) => [v.stack, v.vpc, v.service].join("\u0000"))),
      alreadyRequested: already,
      ...(flows ? { flows: { ...flows, ...(seconds !== undefined ? { windowSeconds: seconds } : {}) } } : {}),
    },
  };
}

/** The catalog id of a name in the stack's region, or in a region the VPC's cross-region entries name. */
function serviceFor(opts: { name: string; place: SubnetPlace; lookup: ServiceLookup }): string | undefined {
  const { place } = opts;
  const regions = [place.spec.region, ...crossRegions(place.vpc)];
  for (const region of regions) {
    const id = opts.lookup({ hostname: opts.name, region });
    if (id) return region === place.spec.region ? id : `${id}@${region}`;
  }
  return undefined;
}

function crossRegions(vpc: VpcModel): string[] {
  return [...new Set([...vpc.endpoints.values()].flatMap((e) => (e.serviceRegion ? [e.serviceRegion] : [])))];
}

function cachedLookup(lookup: ServiceLookup): ServiceLookup {
  const cache = new Map<string, string | undefined>();
  return ({ hostname, region }) => {
    const k = `${region}|${hostname}`;
    if (!cache.has(k)) cache.set(k, lookup({ hostname, region }));
    return cache.get(k);
  };
}

/**
 * What each subnet and each VPC requests, as service identities: the catalog id for the stack's region, and
 * `<id>@<region>` for a cross-region entry. The requests are the input stage's resolved ones (aliases and bundles
 * expanded); an `endpoints:` key stands for its `service` in its `serviceRegion` (cross-region).
 */
export function requestedSets(specs: readonly SpecModel[]): {
  subnet: Map<SubnetModel, Set<string>>;
  vpc: Map<VpcModel, Set<string>>;
} {
  const subnet = new Map<SubnetModel, Set<string>>();
  const vpc = new Map<VpcModel, Set<string>>();
  for (const spec of specs)
    for (const v of spec.vpcs) {
      const all = new Set<string>();
      for (const s of v.subnets) {
        const set = new Set<string>();
        for (const r of s.requests) {
          const settings = v.endpoints.get(r.key);
          // a key with serviceName is a service outside the catalog (the spec refuses a catalog service's name there)
          if (settings?.serviceName) continue;
          set.add(settings?.serviceRegion ? `${settings.service ?? r.key}@${settings.serviceRegion}` : r.key);
        }
        subnet.set(s, set);
        for (const id of set) all.add(id);
      }
      vpc.set(v, all);
    }
  return { subnet, vpc };
}

function countFlows(opts: {
  records: readonly FlowRecord[];
  joins: ReadonlyMap<string, string>;
  tallies: ReadonlyMap<string, Tally>;
}): { records: number; duplicates: number; attributed: number } {
  const { joins, tallies } = opts;
  // without a vpc-id field, the client's VPC is the one whose answers explain the flow, when only one does
  const byClient = new Map<string, Set<string>>();
  for (const [j, key] of joins) {
    const k = j.slice(j.indexOf("|") + 1);
    const set = byClient.get(k) ?? new Set<string>();
    set.add(key);
    byClient.set(k, set);
  }
  const unique = new Map<string, FlowRecord>();
  for (const f of opts.records) {
    const k = `${f.srcaddr} ${f.dstaddr} ${f.ports} ${f.start ?? "-"}`;
    const seen = unique.get(k);
    if (!seen || f.bytes > seen.bytes) unique.set(k, f);
  }
  let attributed = 0;
  for (const f of unique.values())
    for (const [client, remote] of [
      [f.srcaddr, f.dstaddr],
      [f.dstaddr, f.srcaddr],
    ]) {
      const keys = f.vpcId
        ? [joins.get(`${f.vpcId}|${client}|${remote}`)]
        : [...(byClient.get(`${client}|${remote}`) ?? [])];
      const key = keys.length === 1 ? keys[0] : undefined;
      const t = key ? tallies.get(key) : undefined;
      if (!t) continue;
      t.bytes += f.bytes;
      attributed++;
      break;
    }
  return { records: opts.records.length, duplicates: opts.records.length - unique.size, attributed };
}

function proposal(opts: { t: Tally; flows: boolean; seconds?: number }): Proposal {
  const { t } = opts;
  const { spec, vpc, subnet } = t.place;
  const type = getService(t.service)?.types[0] ?? "Interface";
  const base: Proposal = {
    stack: spec.stack,
    file: spec.file,
    vpc: vpc.name,
    vpcId: vpc.id,
    subnet: subnet.name,
    subnetId: subnet.id,
    service: t.service,
    key: keyOf({ vpc, service: t.service }),
    type,
    queries: t.queries,
    names: [...t.names].sort(),
  };
  if (!opts.flows) return base;
  if (opts.seconds === undefined) return { ...base, bytes: t.bytes };
  const gb = ((t.bytes / BYTES_PER_GB) * PRICES.hoursPerMonth * 3600) / opts.seconds;
  const perGb = type === "Gateway" ? PRICES.gatewayPerGb : PRICES.interfacePerGb;
  return {
    ...base,
    bytes: t.bytes,
    gbPerMonth: round2(gb),
    natUsdPerMonth: round2(gb * PRICES.natPerGb),
    endpointDataUsdPerMonth: round2(gb * perGb),
  };
}

/** The services entry that requests a service: its id, or for `<id>@<region>` the endpoints key naming both. */
function keyOf(opts: { vpc: VpcModel; service: string }): string {
  const [id, region] = opts.service.split("@");
  if (region === undefined) return id;
  const entry = [...opts.vpc.endpoints.values()].find((e) => e.serviceRegion === region && (e.service ?? e.key) === id);
  return entry?.key ?? opts.service;
}
