/**
 * The service catalog: one data table (data/services.json) of endpoint services,
 * the regions vpce knows (data/regions.json), the bundles (data/bundles.json)
 * and the names people write for services (data/aliases.json).
 * Everything else asks this module; no service facts live anywhere else.
 *
 * Provenance: each data file has a `$comment` and `sources`; services.json and
 * regions.json are regenerated from aws-cdk-lib by scripts/catalog-generate.ts
 * and cross-checked by scripts/catalog-check.ts and __tests__/catalog.
 */
import servicesData from "./data/services.json";
import regionsData from "./data/regions.json";
import bundlesData from "./data/bundles.json";
import aliasesData from "./data/aliases.json";
import { by } from "../order";

export type EndpointType = "Interface" | "Gateway";

export interface CatalogService {
  /** The catalog id: the end of the endpoint service name (`ssm`, `ecr.api`, `notebook`). */
  readonly id: string;
  /** Endpoint types the service offers; the first is the default (Gateway for s3 and dynamodb). */
  readonly types: readonly EndpointType[];
  readonly description: string;
  /** TCP port clients connect to. */
  readonly port: number;
  /** Whether the endpoint accepts an endpoint policy. */
  readonly policy: boolean;
  /** Whether an interface endpoint of this service offers private DNS. */
  readonly privateDns: boolean;
  /** Template of the interface endpoint's full name: `{prefix}`, `{region}`, `{id}` are replaced. */
  readonly nameTemplate: string;
  /** Template of the gateway endpoint's full name, for services with a Gateway type. */
  readonly gatewayNameTemplate?: string;
  /** A name without a region (`com.amazonaws.iam`): the same in every region. */
  readonly global: boolean;
  /** A FIPS variant (`ssm-fips`). */
  readonly fips: boolean;
  /** Keys of services.json `sources` this row comes from. */
  readonly sources: readonly string[];
  /** aws-cdk-lib static members naming this service (`InterfaceVpcEndpointAwsService.X`, `Gateway.X`). */
  readonly cdk: readonly string[];
  readonly note?: string;
  /** Gateway and interface endpoints of this service may serve one VPC together (`type: both`: S3). */
  readonly both: boolean;
  /**
   * With this service's gateway endpoint in the VPC, an interface endpoint with private DNS must
   * answer only the inbound resolver (`private_dns_only_for_inbound_resolver_endpoint`), else AWS
   * refuses to create it (S3).
   */
  readonly inboundResolverOnlyWithGateway: boolean;
  /** AWS offers the service through cross-Region PrivateLink: an interface endpoint may name another region. */
  readonly crossRegion: boolean;
  /** `ipAddressType` values its gateway endpoint takes (s3: ipv4, dualstack); empty: the gateway takes none. */
  readonly gatewayIpAddressTypes: readonly string[];
  /** ARN templates (`{partition}`, `{region}`) of AWS-owned resources that org-only policies must still allow. */
  readonly awsOwnedResources: readonly string[];
  /** What those resources are, for the plan's reasons. */
  readonly awsOwnedResourcesWhy?: string;
  /** The actions any caller may take on `awsOwnedResources` (anonymous, or signed by the AWS service's own account). */
  readonly awsOwnedResourceActions: readonly string[];
  /** AWS accounts per region (`*`: any other region) whose resources org principals may read (AWS-owned ECR). */
  readonly awsOwnedAccounts: Readonly<Record<string, readonly string[]>>;
  /** The actions org principals may take on resources of `awsOwnedAccounts`. */
  readonly awsOwnedAccountActions: readonly string[];
  /** What those accounts hold, for the plan's reasons. */
  readonly awsOwnedAccountsWhy?: string;
  /** Actions that name no resource (no aws:ResourceOrgID in the request): org principals may call them. */
  readonly resourceLessActions: readonly string[];
  /** Actions of callers without an AWS identity (SAML, OIDC federation) onto resources of the organization. */
  readonly federatedActions: readonly string[];
  /** Keys of services.json `sources` the org-only facts above come from. */
  readonly orgOnlySources: readonly string[];
  /**
   * Private DNS names of the interface endpoint where they differ from the default rule
   * (src/catalog/private-dns.ts), by region, partition or `*`: templates with `{region}` and
   * `{domain}` (the region's DNS suffix); a leading `*.` is a wildcard name. Undefined: the rule applies.
   */
  readonly privateDnsNames?: Readonly<Record<string, readonly string[]>>;
  /** Keys of services.json `sources` that confirm the private DNS names (curated or by the rule). */
  readonly privateDnsSources: readonly string[];
  /**
   * Clients call names per resource under the service's private DNS name (`<bucket>.s3.<region>...`):
   * a private hosted zone for the name needs a wildcard record. `examples` are templates like
   * `privateDnsNames`; `source` is a key of services.json `sources`.
   */
  readonly perResourceNames?: { readonly examples: readonly string[]; readonly source: string };
  /**
   * The public names clients call that a gateway endpoint of the service serves (`dynamodb.<region>...`,
   * `*.s3.<region>...`), templates like `privateDnsNames`; `source` is a key of services.json `sources`.
   * A gateway changes no DNS answer, so these map query names to the service where the interface
   * endpoint has no private DNS name (DynamoDB) or a region dump lists none.
   */
  readonly gatewayClientNames?: { readonly names: readonly string[]; readonly source: string };
}

export interface Region {
  readonly name: string;
  readonly partition: string;
  /** Prefix of AZ ids in this region (`use1` in `use1-az4`); undefined where not published. */
  readonly azIdPrefix?: string;
  /** Reverse-DNS prefix of the partition's endpoint service names (`com.amazonaws`, `cn.com.amazonaws`). */
  readonly partitionPrefix: string;
  /** DNS suffix of the partition (`amazonaws.com`, `amazonaws.com.cn`). */
  readonly domainSuffix: string;
  /**
   * The region's Availability Zones as AWS publishes them (data/regions.json, source `aws-azs`):
   * AZ ids and AZ names. Undefined where they are not published or not confirmed (`zonesNote`
   * says why); any well-formed zone of the region is accepted there.
   */
  readonly zones?: { readonly ids: readonly string[]; readonly names: readonly string[] };
  /** Why the zones are missing or what is special about them. */
  readonly zonesNote?: string;
}

/** A service a bundle's page names for some setups only: not part of the bundle, listed with when it is needed. */
export interface BundleOption {
  readonly service: string;
  /** The condition under which the page says the service is needed. */
  readonly when: string;
}

export interface Bundle {
  readonly id: string;
  readonly description: string;
  /** Always part of the bundle. */
  readonly services: readonly string[];
  /** Services the source names for some setups only; a subnet opts in by listing them under `services`. */
  readonly optional: readonly BundleOption[];
  /** The AWS page the bundle follows. */
  readonly source: string;
  /** Further AWS pages the bundle's services or conditions come from. */
  readonly sources: readonly string[];
  readonly note?: string;
}

export interface Alias {
  readonly alias: string;
  readonly id: string;
  readonly source: string;
}

/** A row of data/services.json as stored (defaults not applied). */
export interface RawService {
  id: string;
  types: string[];
  description: string;
  port?: number;
  policy?: boolean;
  privateDns?: boolean;
  name?: string;
  gatewayName?: string;
  global?: boolean;
  fips?: boolean;
  sources?: string[];
  cdk?: string[];
  note?: string;
  both?: boolean;
  inboundResolverOnlyWithGateway?: boolean;
  gatewayIpAddressTypes?: string[];
  crossRegion?: boolean;
  awsOwnedResources?: string[];
  awsOwnedResourcesWhy?: string;
  awsOwnedResourceActions?: string[];
  awsOwnedAccounts?: Record<string, string[]>;
  awsOwnedAccountActions?: string[];
  awsOwnedAccountsWhy?: string;
  resourceLessActions?: string[];
  federatedActions?: string[];
  orgOnlySources?: string[];
  privateDnsNames?: Record<string, string[]>;
  privateDnsSources?: string[];
  perResourceNames?: { examples: string[]; source: string };
  gatewayClientNames?: { names: string[]; source: string };
}

/** Fields written by hand in data/services.json; scripts/catalog-generate.ts keeps them. */
export const CURATED_FIELDS = [
  "privateDns",
  "policy",
  "note",
  "both",
  "inboundResolverOnlyWithGateway",
  "gatewayIpAddressTypes",
  "crossRegion",
  "awsOwnedResources",
  "awsOwnedResourcesWhy",
  "awsOwnedResourceActions",
  "awsOwnedAccounts",
  "awsOwnedAccountActions",
  "awsOwnedAccountsWhy",
  "resourceLessActions",
  "federatedActions",
  "orgOnlySources",
  "privateDnsNames",
  "privateDnsSources",
  "perResourceNames",
  "gatewayClientNames",
] as const;

interface RawRegion {
  name: string;
  partition: string;
  azIdPrefix?: string | null;
  partitionPrefix?: string;
  domainSuffix?: string;
  azIds?: string[] | null;
  azLetters?: string | null;
  zonesNote?: string;
}

interface RawBundle {
  id: string;
  description: string;
  services: string[];
  optional?: BundleOption[];
  source: string;
  sources?: string[];
  note?: string;
}

/** The prefix of names that follow the usual form, outside the per-region exceptions. */
export const DEFAULT_PREFIX = "com.amazonaws";
const DEFAULT_TEMPLATE = "{prefix}.{region}.{id}";

function fail(message: string): never {
  throw new Error(`vpce catalog data: ${message}`);
}

function loadServices(): ReadonlyMap<string, CatalogService> {
  const out = new Map<string, CatalogService>();
  for (const s of servicesData.services as RawService[]) {
    if (out.has(s.id)) fail(`duplicate service id ${s.id}`);
    const types = s.types.map((t) => (t === "Interface" || t === "Gateway" ? t : fail(`${s.id}: unknown type ${t}`)));
    if (types.includes("Gateway") && !s.gatewayName) fail(`${s.id}: a Gateway type needs gatewayName`);
    out.set(s.id, {
      id: s.id,
      types,
      description: s.description,
      port: s.port ?? 443,
      policy: s.policy ?? true,
      privateDns: s.privateDns ?? true,
      nameTemplate: s.name ?? DEFAULT_TEMPLATE,
      ...(s.gatewayName ? { gatewayNameTemplate: s.gatewayName } : {}),
      global: s.global ?? false,
      fips: s.fips ?? false,
      sources: s.sources ?? [],
      cdk: s.cdk ?? [],
      ...(s.note ? { note: s.note } : {}),
      both: s.both ?? false,
      inboundResolverOnlyWithGateway: s.inboundResolverOnlyWithGateway ?? false,
      gatewayIpAddressTypes: s.gatewayIpAddressTypes ?? [],
      crossRegion: s.crossRegion ?? false,
      awsOwnedResources: s.awsOwnedResources ?? [],
      ...(s.awsOwnedResourcesWhy ? { awsOwnedResourcesWhy: s.awsOwnedResourcesWhy } : {}),
      awsOwnedResourceActions: s.awsOwnedResourceActions ?? [],
      awsOwnedAccounts: s.awsOwnedAccounts ?? {},
      awsOwnedAccountActions: s.awsOwnedAccountActions ?? [],
      ...(s.awsOwnedAccountsWhy ? { awsOwnedAccountsWhy: s.awsOwnedAccountsWhy } : {}),
      resourceLessActions: s.resourceLessActions ?? [],
      federatedActions: s.federatedActions ?? [],
      orgOnlySources: s.orgOnlySources ?? [],
      ...(s.privateDnsNames ? { privateDnsNames: s.privateDnsNames } : {}),
      privateDnsSources: s.privateDnsSources ?? [],
      ...(s.perResourceNames ? { perResourceNames: s.perResourceNames } : {}),
      ...(s.gatewayClientNames ? { gatewayClientNames: s.gatewayClientNames } : {}),
    });
    checkOrgOnlyFacts(out.get(s.id) as CatalogService);
    checkPrivateDnsFacts(out.get(s.id) as CatalogService);
  }
  return out;
}

/** Org-only facts that would open the perimeter wrongly if half written are refused at load. */
function checkOrgOnlyFacts(s: CatalogService): void {
  if (s.awsOwnedResources.length > 0 && s.awsOwnedResourceActions.length === 0)
    fail(`${s.id}: awsOwnedResources need awsOwnedResourceActions`);
  const accounts = Object.keys(s.awsOwnedAccounts);
  if (accounts.length > 0 && (!accounts.includes("*") || s.awsOwnedAccountActions.length === 0))
    fail(`${s.id}: awsOwnedAccounts need a "*" entry and awsOwnedAccountActions`);
  for (const ids of Object.values(s.awsOwnedAccounts))
    for (const id of ids) if (!/^\d{12}$/.test(id)) fail(`${s.id}: awsOwnedAccounts: ${id} is not an account id`);
  const actions = [
    ...s.awsOwnedResourceActions,
    ...s.awsOwnedAccountActions,
    ...s.resourceLessActions,
    ...s.federatedActions,
  ];
  // A wildcard here would let org principals past aws:ResourceOrgID on actions that do name a resource.
  for (const a of actions) if (!/^[a-z0-9-]+:[A-Za-z0-9]+$/.test(a)) fail(`${s.id}: ${a} is not one exact IAM action`);
  const known = new Set(Object.keys(servicesData.sources));
  for (const k of s.orgOnlySources) if (!known.has(k)) fail(`${s.id}: orgOnlySources names unknown source ${k}`);
}

/** Private DNS facts name known sources and well-formed templates; a typo would put a zone on the wrong name. */
function checkPrivateDnsFacts(s: CatalogService): void {
  const known = new Set(Object.keys(servicesData.sources));
  const keys = [
    ...s.privateDnsSources,
    ...(s.perResourceNames ? [s.perResourceNames.source] : []),
    ...(s.gatewayClientNames ? [s.gatewayClientNames.source] : []),
  ];
  for (const k of keys) if (!known.has(k)) fail(`${s.id}: private DNS facts name unknown source ${k}`);
  if (s.privateDnsNames && s.privateDnsSources.length === 0) fail(`${s.id}: privateDnsNames need privateDnsSources`);
  if (s.gatewayClientNames && !s.gatewayNameTemplate) fail(`${s.id}: gatewayClientNames need a Gateway type`);
  const templates = [
    ...Object.values(s.privateDnsNames ?? {}).flat(),
    ...(s.perResourceNames?.examples ?? []),
    ...(s.gatewayClientNames?.names ?? []),
  ];
  for (const t of templates) {
    const bare = t
      .replace(/\{(region|domain)\}/g, "x")
      .replace(/^\*\./, "")
      .replace(/^<[a-z-]+>(-<[a-z-]+>)?\./, "");
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(bare)) fail(`${s.id}: ${t} is not a DNS name template`);
  }
}

const SERVICES = loadServices();

/** A region's published zones: ids as listed, names as the region code plus each letter. */
function zonesOf(r: RawRegion): Region["zones"] {
  if (!r.azIds || !r.azLetters) return undefined;
  if (!r.azIdPrefix) fail(`${r.name}: azIds without azIdPrefix`);
  for (const id of r.azIds)
    if (!id.startsWith(`${r.azIdPrefix}-az`)) fail(`${r.name}: zone id ${id} of another region`);
  if (!/^[a-z]+$/.test(r.azLetters)) fail(`${r.name}: azLetters must be lower-case letters`);
  return { ids: [...r.azIds], names: [...r.azLetters].map((l) => `${r.name}${l}`) };
}

const REGIONS: ReadonlyMap<string, Region> = new Map(
  (regionsData.regions as RawRegion[]).map((r) => {
    const zones = zonesOf(r);
    return [
      r.name,
      {
        name: r.name,
        partition: r.partition,
        ...(r.azIdPrefix ? { azIdPrefix: r.azIdPrefix } : {}),
        partitionPrefix: r.partitionPrefix ?? DEFAULT_PREFIX,
        domainSuffix: r.domainSuffix ?? "amazonaws.com",
        ...(zones ? { zones } : {}),
        ...(r.zonesNote ? { zonesNote: r.zonesNote } : {}),
      },
    ];
  }),
);

const BUNDLES: ReadonlyMap<string, Bundle> = new Map(
  (bundlesData.bundles as RawBundle[]).map((b): [string, Bundle] => {
    for (const id of [...b.services, ...(b.optional ?? []).map((o) => o.service)])
      if (!SERVICES.has(id)) fail(`bundle ${b.id} names unknown service ${id}`);
    for (const o of b.optional ?? [])
      if (b.services.includes(o.service)) fail(`bundle ${b.id}: ${o.service} is both always and optional`);
    return [
      b.id,
      {
        id: b.id,
        description: b.description,
        services: b.services,
        optional: b.optional ?? [],
        source: b.source,
        sources: b.sources ?? [],
        ...(b.note ? { note: b.note } : {}),
      },
    ];
  }),
);

const PREFIXES = servicesData.regionalPrefixes as Record<string, { prefix: string; services: string[] }>;
const SUFFIXES = servicesData.regionalSuffixes as Record<string, Record<string, string>>;

export function getService(id: string): CatalogService | undefined {
  return SERVICES.get(id);
}

export function allServices(): CatalogService[] {
  return [...SERVICES.values()].sort(by((s) => s.id));
}

export function getRegion(name: string): Region | undefined {
  return REGIONS.get(name);
}

export function allRegions(): Region[] {
  return [...REGIONS.values()];
}

export function getBundle(id: string): Bundle | undefined {
  return BUNDLES.get(id);
}

export function allBundles(): Bundle[] {
  return [...BUNDLES.values()].sort(by((b) => b.id));
}

/** The partition prefix this service's name takes in this region (`com.amazonaws` unless an exception applies). */
export function namePrefix(serviceId: string, region: string): string {
  const exception = PREFIXES[region];
  return exception && exception.services.includes(serviceId) ? exception.prefix : DEFAULT_PREFIX;
}

/**
 * Every prefix a service name of this region can start with (regional exception, partition,
 * `com.amazonaws`, `aws.*`).
 */
export function knownPrefixes(region: string): string[] {
  const set = new Set<string>([DEFAULT_PREFIX, "aws.sagemaker", "aws.api"]);
  const r = REGIONS.get(region);
  if (r) set.add(r.partitionPrefix);
  const exception = PREFIXES[region];
  if (exception) set.add(exception.prefix);
  return [...set].sort((a, b) => b.length - a.length);
}

function fill(template: string, service: CatalogService, region: string): string {
  return template
    .replace("{prefix}", namePrefix(service.id, region))
    .replace("{region}", region)
    .replace("{id}", service.id);
}

/**
 * The full endpoint service name of a catalog service in a region, for one
 * endpoint type (default: the service's first type, Gateway for s3 and dynamodb).
 * The two differ in China only: the S3 gateway is `com.amazonaws.cn-north-1.s3`,
 * the S3 interface endpoint `cn.com.amazonaws.cn-north-1.s3`.
 */
export function serviceName(service: CatalogService, region: string, type: EndpointType = service.types[0]): string {
  if (type === "Gateway") {
    if (!service.gatewayNameTemplate)
      throw new Error(`${service.id} has no gateway endpoint (types: ${service.types.join(", ")})`);
    return fill(service.gatewayNameTemplate, service, region);
  }
  if (!service.types.includes("Interface"))
    throw new Error(`${service.id} has no interface endpoint (types: ${service.types.join(", ")})`);
  const suffix = SUFFIXES[region]?.[service.id] ?? "";
  return fill(service.nameTemplate, service, region) + suffix;
}

/** The service's AWS-owned resource ARNs (see CatalogService.awsOwnedResources) in one partition and region. */
export function awsOwnedResources(service: CatalogService, partition: string, region: string): readonly string[] {
  // the planner caches its own callers; cross-region services still ask per endpoint: filled once per service,
  // partition and region (one shared list, unchanged)
  if (service.awsOwnedResources.length === 0) return NO_RESOURCES;
  let byPlace = ownedResourcesCache.get(service);
  if (!byPlace) ownedResourcesCache.set(service, (byPlace = new Map()));
  const place = `${partition} ${region}`;
  let filled = byPlace.get(place);
  if (!filled) {
    filled = service.awsOwnedResources.map((t) =>
      t.replace(/\{partition\}/g, partition).replace(/\{region\}/g, region),
    );
    byPlace.set(place, filled);
  }
  return filled;
}
const NO_RESOURCES: readonly string[] = [];
const ownedResourcesCache = new WeakMap<CatalogService, Map<string, readonly string[]>>();

/** What org-only needs to know of a service in one partition and region (see CatalogService). */
export interface OrgOnlyFacts {
  readonly awsOwnedResources: readonly string[];
  readonly awsOwnedResourceActions: readonly string[];
  readonly awsOwnedAccounts: readonly string[];
  readonly awsOwnedAccountActions: readonly string[];
  readonly resourceLessActions: readonly string[];
  readonly federatedActions: readonly string[];
}

/** A service without facts of its own gets the generic perimeter. */
export const NO_ORG_ONLY_FACTS: OrgOnlyFacts = {
  awsOwnedResources: [],
  awsOwnedResourceActions: [],
  awsOwnedAccounts: [],
  awsOwnedAccountActions: [],
  resourceLessActions: [],
  federatedActions: [],
};

/** The service's org-only facts with ARN templates filled and AWS-owned accounts picked for the region. */
export function orgOnlyFacts(opts: { service: CatalogService; partition: string; region: string }): OrgOnlyFacts {
  const { service, partition, region } = opts;
  return {
    awsOwnedResources: awsOwnedResources(service, partition, region),
    awsOwnedResourceActions: service.awsOwnedResourceActions,
    awsOwnedAccounts: service.awsOwnedAccounts[region] ?? service.awsOwnedAccounts["*"] ?? [],
    awsOwnedAccountActions: service.awsOwnedAccountActions,
    resourceLessActions: service.resourceLessActions,
    federatedActions: service.federatedActions,
  };
}

/** The full name for each type the service offers. */
export function serviceNames(service: CatalogService, region: string): Partial<Record<EndpointType, string>> {
  const out: Partial<Record<EndpointType, string>> = {};
  for (const t of service.types) out[t] = serviceName(service, region, t);
  return out;
}

// ---------------------------------------------------------------------------
// Aliases and spelling variants

const ALIASES: readonly Alias[] = (aliasesData.aliases as Alias[]).map((a) => {
  if (!SERVICES.has(a.id)) fail(`alias ${a.alias} points to unknown service ${a.id}`);
  if (SERVICES.has(a.alias)) fail(`alias ${a.alias} is also a service id`);
  return a;
});

/** Lower case, words joined with `-` (`Secrets Manager`, `secrets_manager` -> `secrets-manager`). */
function normalize(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
}

/** Only letters and digits: `ecr-api`, `ECR_API`, `ecr.api` -> `ecrapi`. */
function squash(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Maps a key to an id, keeping only keys that name a single id. */
function unambiguous(entries: Array<[string, string]>): ReadonlyMap<string, string> {
  const seen = new Map<string, Set<string>>();
  for (const [k, id] of entries) seen.set(k, (seen.get(k) ?? new Set()).add(id));
  return new Map([...seen].filter(([, ids]) => ids.size === 1).map(([k, ids]) => [k, [...ids][0]]));
}

const ALIAS_BY_NAME = new Map(ALIASES.map((a) => [normalize(a.alias), a.id]));
const BY_SQUASHED = unambiguous([
  ...[...SERVICES.keys()].map((id): [string, string] => [squash(id), id]),
  ...ALIASES.map((a): [string, string] => [squash(a.alias), a.id]),
]);

/**
 * The catalog id a name stands for: the id itself, an alias (`secrets-manager`,
 * `cloudwatch-logs`, `keyspaces`), or a spelling variant of either (case,
 * `-`/`_`/`.`/spaces, no separators: `ecr-api`, `ECR_DKR`, `SecretsManager`).
 * Undefined when the name is unknown or could mean more than one service.
 */
export function resolveAlias(name: string): string | undefined {
  const n = normalize(name);
  if (SERVICES.has(n)) return n;
  const alias = ALIAS_BY_NAME.get(n);
  if (alias) return alias;
  const key = squash(n);
  return key ? BY_SQUASHED.get(key) : undefined;
}

export function allAliases(): Alias[] {
  return [...ALIASES];
}

/** Aliases that resolve to this id. */
export function aliasesOf(id: string): string[] {
  return ALIASES.filter((a) => a.id === id).map((a) => a.alias);
}
