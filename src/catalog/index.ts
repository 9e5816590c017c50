/**
 * The service catalog: one data table (data/services.json) of endpoint services,
 * the regions vpce knows (data/regions.json) and the bundles (data/bundles.json).
 * Everything else asks this module; no service facts live anywhere else.
 */
import servicesData from "./data/services.json";
import regionsData from "./data/regions.json";
import bundlesData from "./data/bundles.json";

export type EndpointType = "Interface" | "Gateway";

export interface CatalogService {
  /** The catalog id: the end of the endpoint service name (`ssm`, `ecr.api`). */
  readonly id: string;
  readonly types: readonly EndpointType[];
  readonly description: string;
  /** TCP port clients connect to. */
  readonly port: number;
  /** Whether the endpoint accepts an endpoint policy. */
  readonly policy: boolean;
  /** Whether an interface endpoint of this service offers private DNS. */
  readonly privateDns: boolean;
  /** Template of the full name: `{prefix}`, `{region}` are replaced. */
  readonly nameTemplate: string;
}

export interface Region {
  readonly name: string;
  readonly partition: string;
  /** Prefix of AZ ids in this region (`use1` in `use1-az4`); undefined where not published. */
  readonly azIdPrefix?: string;
}

export interface Bundle {
  readonly id: string;
  readonly description: string;
  readonly services: readonly string[];
  readonly source: string;
}

interface RawService {
  id: string;
  types: string[];
  description: string;
  port?: number;
  policy?: boolean;
  privateDns?: boolean;
  name?: string;
}

const DEFAULT_TEMPLATE = "{prefix}.{region}.{id}";

const SERVICES: ReadonlyMap<string, CatalogService> = new Map(
  (servicesData.services as RawService[]).map((s) => [
    s.id,
    {
      id: s.id,
      types: s.types as EndpointType[],
      description: s.description,
      port: s.port ?? 443,
      policy: s.policy ?? true,
      privateDns: s.privateDns ?? true,
      nameTemplate: s.name ?? DEFAULT_TEMPLATE,
    },
  ]),
);

const REGIONS: ReadonlyMap<string, Region> = new Map(
  regionsData.regions.map((r) => [r.name, { name: r.name, partition: r.partition, azIdPrefix: r.azIdPrefix ?? undefined }]),
);

const BUNDLES: ReadonlyMap<string, Bundle> = new Map(bundlesData.bundles.map((b) => [b.id, b]));

const PREFIXES = servicesData.regionalPrefixes as Record<string, { prefix: string; services: string[] }>;
const SUFFIXES = servicesData.regionalSuffixes as Record<string, Record<string, string>>;

export function getService(id: string): CatalogService | undefined {
  return SERVICES.get(id);
}

export function allServices(): CatalogService[] {
  return [...SERVICES.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
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
  return [...BUNDLES.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The partition prefix this service's name takes in this region (`com.amazonaws` unless an exception applies). */
export function namePrefix(serviceId: string, region: string): string {
  const exception = PREFIXES[region];
  return exception && exception.services.includes(serviceId) ? exception.prefix : "com.amazonaws";
}

/** The full endpoint service name of a catalog service in a region. */
export function serviceName(service: CatalogService, region: string): string {
  const suffix = SUFFIXES[region]?.[service.id] ?? "";
  return (
    service.nameTemplate
      .replace("{prefix}", namePrefix(service.id, region))
      .replace("{region}", region)
      .replace("{id}", service.id) + suffix
  );
}
