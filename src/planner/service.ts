/** Resolves a requested service key of a VPC to what the planner needs to know about it. */
import { awsOwnedResources, getService, serviceNames, type CatalogService, type EndpointType } from "../catalog";
import { findInDump, type DumpService, type RegionDump } from "../region-dumps/read";
import { servicesWithId } from "../catalog/dump-ids";
import type { EndpointSettings } from "../input/spec-model";

export interface ResolvedService {
  readonly key: string;
  /** Full service name per endpoint type (they differ in China for S3). */
  readonly names: Readonly<Partial<Record<EndpointType, string>>>;
  readonly types: readonly EndpointType[];
  readonly port: number;
  /** Whether the endpoint takes a policy. */
  readonly policy: boolean;
  /** Whether the service offers private DNS for interface endpoints. */
  readonly privateDns: boolean;
  /** A service outside the catalog, declared with serviceName. */
  readonly custom: boolean;
  /** Catalog behaviour (CatalogService): gateway + interface in one VPC, S3's inbound-resolver DNS rule. */
  readonly both: boolean;
  readonly inboundResolverOnlyWithGateway: boolean;
  /** `ipAddressType` values the gateway endpoint takes (catalog; none for custom services). */
  readonly gatewayIpAddressTypes: readonly string[];
  /** AWS-owned resource ARNs org-only must allow, in the stack's partition and region, and what they are. */
  readonly awsOwnedResources: readonly string[];
  readonly awsOwnedResourcesWhy?: string;
  /** The region dump the facts above come from, when one does. */
  readonly dump?: string;
  /** Cross-region: the service's region (service_region) and its catalog id (the key may be a name of its own). */
  readonly crossRegion?: { readonly region: string; readonly catalogId: string };
  /**
   * A VPC Lattice endpoint: its provider type and the ARN it reaches (resource_configuration_arn or
   * service_network_arn; such endpoints have no service name), and the ports its security group admits.
   */
  readonly lattice?: { readonly type: LatticeEndpointType; readonly arn: string; readonly ports: readonly number[] };
}

/** Provider types of VPC Lattice endpoints. */
export type LatticeEndpointType = "Resource" | "ServiceNetwork";

/** Ports a Lattice endpoint admits without `ports:`: the resource's own ports are not known offline. */
export const DEFAULT_LATTICE_PORTS: readonly number[] = [443];

/**
 * What the planner knows of a requested service: the catalog's facts, or the
 * custom entry's; where a region dump exists, the types it lists (an s3
 * without a Gateway entry there is planned as an interface endpoint) and
 * services newer than the catalog.
 */
export function resolveService(opts: {
  key: string;
  region: string;
  partition: string;
  /** The VPC's `endpoints:` entry for the key, if any. */
  settings?: EndpointSettings;
  /** The region dump of the stack's region, if one was recorded. */
  dump?: RegionDump;
}): ResolvedService {
  const { key, region, settings, dump } = opts;
  if (settings?.type === "resource" || settings?.type === "service-network") return latticeService({ key, settings });
  if (settings?.serviceRegion !== undefined) return crossRegionService({ key, settings, partition: opts.partition });
  if (getService(key)) return catalogService({ key, region, partition: opts.partition, dump });
  const fromDump = !settings?.serviceName && dump ? servicesWithId(dump.services, key)[0] : undefined;
  if (fromDump) {
    const types = (["Gateway", "Interface"] as const).filter((t) => fromDump.types.has(t));
    return {
      key,
      names: Object.fromEntries(types.map((t) => [t, fromDump.name])),
      types,
      port: 443,
      policy: true,
      privateDns: true,
      custom: false,
      ...NO_CATALOG_BEHAVIOUR,
    };
  }
  if (!settings?.serviceName) throw new Error(`internal: service ${key} was not validated`);
  return {
    key,
    names: { Interface: settings.serviceName },
    types: ["Interface"],
    port: settings.port ?? 443,
    policy: true,
    privateDns: true,
    custom: true,
    ...NO_CATALOG_BEHAVIOUR,
  };
}

/**
 * Catalog services resolved, by region dump (or none) and by key, region and partition: every VPC asking for a
 * service in a region gets the same facts, so they are gathered once (the result is never changed).
 */
const catalogResolved = new WeakMap<RegionDump | typeof NO_DUMP, Map<string, ResolvedService>>();
const NO_DUMP = {};

function catalogService(opts: { key: string; region: string; partition: string; dump?: RegionDump }): ResolvedService {
  const { key, region, partition, dump } = opts;
  let known = catalogResolved.get(dump ?? NO_DUMP);
  if (!known) catalogResolved.set(dump ?? NO_DUMP, (known = new Map()));
  const cacheKey = `${key}\n${region}\n${partition}`;
  const cached = known.get(cacheKey);
  if (cached) return cached;
  const svc = getService(key) as CatalogService;
  const resolved: ResolvedService = {
    key,
    names: serviceNames(svc, region),
    types: svc.types,
    port: svc.port,
    policy: svc.policy,
    privateDns: svc.privateDns,
    custom: false,
    both: svc.both,
    inboundResolverOnlyWithGateway: svc.inboundResolverOnlyWithGateway,
    gatewayIpAddressTypes: svc.gatewayIpAddressTypes,
    awsOwnedResources: awsOwnedResources(svc, partition, region),
    ...(svc.awsOwnedResourcesWhy ? { awsOwnedResourcesWhy: svc.awsOwnedResourcesWhy } : {}),
  };
  const listed = dump ? svc.types.filter((t) => dumpEntry(dump, resolved, t)) : [];
  const result = listed.length > 0 ? { ...resolved, types: listed } : resolved;
  known.set(cacheKey, result);
  return result;
}

/**
 * A catalog service in another region (cross-region PrivateLink): always an interface endpoint, named as in that
 * region; the region dump of the stack's region does not list it (it lists the region's own services).
 */
function crossRegionService(opts: { key: string; settings: EndpointSettings; partition: string }): ResolvedService {
  const { key, settings, partition } = opts;
  const catalogId = settings.service ?? key;
  const svc = getService(catalogId);
  const serviceRegion = settings.serviceRegion as string;
  if (!svc?.crossRegion) throw new Error(`internal: cross-region service ${catalogId} was not validated`);
  return {
    key,
    names: { Interface: serviceNames(svc, serviceRegion).Interface as string },
    types: ["Interface"],
    port: svc.port,
    policy: svc.policy,
    privateDns: svc.privateDns,
    custom: false,
    ...NO_CATALOG_BEHAVIOUR,
    awsOwnedResources: awsOwnedResources(svc, partition, serviceRegion),
    ...(svc.awsOwnedResourcesWhy ? { awsOwnedResourcesWhy: svc.awsOwnedResourcesWhy } : {}),
    crossRegion: { region: serviceRegion, catalogId },
  };
}

/**
 * A VPC Lattice endpoint: no endpoint service behind it, so no policy (EC2 CreateVpcEndpoint: endpoint policies are
 * for interface and gateway endpoints) and no catalog facts; private DNS only when the entry asks for it.
 */
function latticeService(opts: { key: string; settings: EndpointSettings }): ResolvedService {
  const { key, settings } = opts;
  const resource = settings.type === "resource";
  const arn = resource ? settings.resourceConfigurationArn : settings.serviceNetworkArn;
  if (arn === undefined) throw new Error(`internal: Lattice endpoint ${key} without its ARN was not validated`);
  const ports = [...(settings.ports ?? DEFAULT_LATTICE_PORTS)].sort((a, b) => a - b);
  return {
    key,
    names: {},
    types: [],
    port: ports[0],
    policy: false,
    privateDns: true,
    custom: false,
    ...NO_CATALOG_BEHAVIOUR,
    lattice: { type: resource ? "Resource" : "ServiceNetwork", arn, ports },
  };
}

/** Services the catalog does not describe (newer in a dump, or outside the catalog) have no special behaviour. */
const NO_CATALOG_BEHAVIOUR = {
  both: false,
  inboundResolverOnlyWithGateway: false,
  gatewayIpAddressTypes: [],
  awsOwnedResources: [],
} as const;

/** The dump's entry for this service and type: by catalog id, else by full name (custom services). */
export function dumpEntry(dump: RegionDump, svc: ResolvedService, type: EndpointType): DumpService | undefined {
  if (!svc.custom) {
    const byId = findInDump(dump, svc.key, type);
    if (byId) return byId;
  }
  const name = svc.names[type];
  const byName = name ? dump.services.get(name) : undefined;
  return byName?.types.has(type) ? byName : undefined;
}

/**
 * Where a region dump exists it is the authority: the service's name, policy
 * support and private DNS come from its entry for the type.
 */
export function applyDump(svc: ResolvedService, type: EndpointType, entry: DumpService, file: string): ResolvedService {
  const offer = entry.byType[type];
  return {
    ...svc,
    dump: file,
    names: { ...svc.names, [type]: entry.name },
    policy: offer?.policySupported ?? entry.policySupported ?? svc.policy,
    privateDns: type === "Interface" ? (offer?.privateDnsNames ?? entry.privateDnsNames).length > 0 : svc.privateDns,
  };
}
