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
 * whose security group does not admit this subnet yet). Gateway endpoints and endpoints without private DNS change
 * no DNS answer: only an existing-endpoint lookup (an inventory of describe-vpc-endpoints) keeps them from being
 * proposed again.
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

/**
 * Whether an endpoint that exists outside the specs serves the subnet for the service (its id), e.g. from an
 * inventory of `describe-vpc-endpoints`: a gateway endpoint on the subnet's route table, an interface endpoint
 * with private DNS in its VPC. DNS answers cannot show gateway endpoints; this can.
 */
export type ExistingEndpointLookup = (opts: {
  vpcId: string;
  subnet: SubnetModel;
  service: string;
}) => string | undefined;

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
  /** The endpoint type vpce would plan: the VPC's `endpoints.<service>.type: interface`, else the catalog's first. */
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

/** Queries of a service answered by an endpoint that exists: an ENI address in the answer, or `existing` said so. */
export interface ViaEndpoint {
  readonly stack: string;
  readonly vpc: string;
  readonly service: string;
  /** The endpoint, when `existing` named it (a DNS answer names an address, not an endpoint). */
  readonly endpointId?: string;
  queries: number;
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
  readonly viaEndpoint: readonly ViaEndpoint[];
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

/**
 * The matching, fed record by record so that logs of any size pass through without being kept: every query first
 * (the answers are what flows are joined with), then the flows; `result()` at the end.
 */
export class Discovery {
  private readonly index: SubnetIndex;
  private readonly requested: ReturnType<typeof requestedSets>;
  private readonly lookup: ServiceLookup;
  private readonly existing?: ExistingEndpointLookup;
  private readonly tallies = new Map<string, Tally>();
  /** `<vpc id>|<client>|<answer>` -> tally key ("" when two services share the answer for that client). */
  private readonly joins = new Map<string, string>();
  /** `<client>|<answer>` -> the tally keys of every VPC: for flows without vpc-id; built at the first flow. */
  private byClient?: Map<string, Set<string>>;
  /** Each flow seen (addresses, ports, protocol, start) with the bytes counted for it. */
  private readonly flowsSeen = new Map<string, number>();
  private queries = 0;
  private unmatched = 0;
  private readonly unmatchedAddresses = new Set<string>();
  private readonly unknownVpcs = new Map<string, number>();
  private outside = 0;
  private readonly awsNames = new Map<string, number>();
  private readonly via = new Map<string, ViaEndpoint>();
  private already = 0;
  private flowRecords = 0;
  private attributed = 0;
  private window?: { start: number; end: number };

  constructor(opts: { specs: readonly SpecModel[]; serviceOf: ServiceLookup; existing?: ExistingEndpointLookup }) {
    this.existing = opts.existing;
    this.index = new SubnetIndex(opts.specs);
    this.requested = requestedSets(opts.specs);
    this.lookup = cachedLookup(opts.serviceOf);
  }

  addQuery(q: QueryRecord): void {
    if (this.byClient) throw new Error("Discovery: queries must all come before the first flow");
    this.queries++;
    const { index } = this;
    const place = index.subnetOf({ vpcId: q.vpcId, address: q.srcaddr });
    if (!place) {
      this.unmatched++;
      this.unmatchedAddresses.add(q.srcaddr);
      if (q.vpcId && !index.knowsVpc(q.vpcId)) count(this.unknownVpcs, q.vpcId);
      return;
    }
    const service = serviceFor({ name: q.name, place, lookup: this.lookup });
    if (!service) {
      this.outside++;
      if (AWS_DOMAIN.test(q.name)) count(this.awsNames, q.name);
      return;
    }
    const vpcWants = this.requested.vpc.get(place.vpc)?.has(service) ?? false;
    const endpointId = vpcWants
      ? undefined
      : q.addresses.some((a) => index.insideVpc({ vpcId: place.vpc.id, address: a }))
        ? ""
        : this.existing?.({ vpcId: place.vpc.id, subnet: place.subnet, service });
    if (endpointId !== undefined) {
      const k = `${place.spec.stack}|${place.vpc.name}|${service}|${endpointId}`;
      const v = this.via.get(k) ?? {
        stack: place.spec.stack,
        vpc: place.vpc.name,
        service,
        ...(endpointId ? { endpointId } : {}),
        queries: 0,
      };
      v.queries++;
      this.via.set(k, v);
      return;
    }
    if (this.requested.subnet.get(place.subnet)?.has(service)) {
      this.already++;
      return;
    }
    const key = `${place.spec.file}|${place.vpc.name}|${place.subnet.name}|${service}`;
    const t = this.tallies.get(key) ?? { place, service, queries: 0, names: new Set<string>(), bytes: 0 };
    t.queries++;
    t.names.add(q.name);
    this.tallies.set(key, t);
    for (const a of q.addresses) {
      const j = `${place.vpc.id}|${q.srcaddr}|${a}`;
      this.joins.set(j, this.joins.has(j) && this.joins.get(j) !== key ? "" : key);
    }
  }

  /** A flow record; one flow recorded on two interfaces counts once (the larger byte count). */
  addFlow(f: FlowRecord): void {
    this.flowRecords++;
    const seenKey = `${f.srcaddr} ${f.dstaddr} ${f.ports} ${f.start ?? "-"}`;
    const counted = this.flowsSeen.get(seenKey);
    if (counted !== undefined && counted >= f.bytes) return;
    this.flowsSeen.set(seenKey, f.bytes);
    const t = this.tallyOf(f);
    if (!t) return;
    if (counted === undefined) this.attributed++;
    t.bytes += f.bytes - (counted ?? 0);
  }

  /** The time the flow logs cover: a file's earliest start and latest end (NODATA records included). */
  addFlowWindow(w: { start: number; end: number }): void {
    this.window = this.window
      ? { start: Math.min(this.window.start, w.start), end: Math.max(this.window.end, w.end) }
      : { ...w };
  }

  /** The service a flow belongs to: either end is a client whose answers for one service hold the other end. */
  private tallyOf(f: FlowRecord): Tally | undefined {
    this.byClient ??= clientIndex(this.joins);
    for (const [client, remote] of [
      [f.srcaddr, f.dstaddr],
      [f.dstaddr, f.srcaddr],
    ]) {
      const keys = f.vpcId
        ? [this.joins.get(`${f.vpcId}|${client}|${remote}`)]
        : [...(this.byClient.get(`${client}|${remote}`) ?? [])];
      const t = keys.length === 1 && keys[0] ? this.tallies.get(keys[0]) : undefined;
      if (t) return t;
    }
    return undefined;
  }

  /** The proposals, sorted, and the summary. `flows`: whether flow logs were given (bytes and cost then). */
  result(opts: { flows: boolean }): DiscoverResult {
    const w = this.window;
    const seconds = w && w.end > w.start ? w.end - w.start : undefined;
    const proposals = [...this.tallies.values()]
      .map((t) => proposal({ t, flows: opts.flows, seconds }))
      .sort(by((p) => [p.stack, p.vpc, p.subnet, p.service].join("\u0000")));
    return {
      proposals,
      summary: {
        queries: this.queries,
        unmatched: {
          queries: this.unmatched,
          addresses: this.unmatchedAddresses.size,
          unknownVpcs: [...this.unknownVpcs].map(([vpcId, queries]) => ({ vpcId, queries })).sort(by((v) => v.vpcId)),
        },
        outsideCatalog: {
          queries: this.outside,
          awsNames: [...this.awsNames]
            .map(([name, queries]) => ({ name, queries }))
            .sort((a, b) => b.queries - a.queries || (a.name < b.name ? -1 : 1)),
        },
        viaEndpoint: [...this.via.values()].sort(
          by((v) => [v.stack, v.vpc, v.service, v.endpointId ?? ""].join("\u0000")),
        ),
        alreadyRequested: this.already,
        ...(opts.flows
          ? {
              flows: {
                records: this.flowRecords,
                duplicates: this.flowRecords - this.flowsSeen.size,
                attributed: this.attributed,
                ...(seconds !== undefined ? { windowSeconds: seconds } : {}),
              },
            }
          : {}),
      },
    };
  }
}

/** The whole matching over records in memory (tests, small logs): Discovery fed in order. */
export function discover(opts: {
  specs: readonly SpecModel[];
  queries: readonly QueryRecord[];
  /** Flow records and their window; undefined without flow logs. */
  flows?: { readonly records: readonly FlowRecord[]; readonly window?: { start: number; end: number } };
  serviceOf: ServiceLookup;
  existing?: ExistingEndpointLookup;
}): DiscoverResult {
  const d = new Discovery(opts);
  for (const q of opts.queries) d.addQuery(q);
  for (const f of opts.flows?.records ?? []) d.addFlow(f);
  if (opts.flows?.window) d.addFlowWindow(opts.flows.window);
  return d.result({ flows: opts.flows !== undefined });
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
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

/** The joins by client and answer alone, for flow records that name no VPC. */
function clientIndex(joins: ReadonlyMap<string, string>): Map<string, Set<string>> {
  const byClient = new Map<string, Set<string>>();
  for (const [j, key] of joins) {
    const k = j.slice(j.indexOf("|") + 1);
    const set = byClient.get(k) ?? new Set<string>();
    set.add(key);
    byClient.set(k, set);
  }
  return byClient;
}

function proposal(opts: { t: Tally; flows: boolean; seconds?: number }): Proposal {
  const { t } = opts;
  const { spec, vpc, subnet } = t.place;
  // the VPC's endpoints entry may choose the type (s3: { type: interface }); else the catalog's default
  const chosen = vpc.endpoints.get(t.service)?.type;
  const type = chosen === "interface" ? "Interface" : (getService(t.service)?.types[0] ?? "Interface");
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
