/**
 * aws-cdk-lib as an independent source of endpoint service names (a devDependency,
 * pinned exactly). Used by scripts/catalog-generate.ts (to regenerate the catalog
 * data) and by scripts/catalog-check.ts and __tests__/catalog/cdk-crosscheck.test.ts
 * (to catch drift between src/catalog/data and the library).
 *
 * Names are computed the way CDK computes them at synth time: a Stack in the
 * region resolves the service's name token. Only the public API is used:
 * the static members of InterfaceVpcEndpointAwsService / GatewayVpcEndpointAwsService
 * and region-info's RegionInfo.regions.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { App, Stack } from "aws-cdk-lib";
import { GatewayVpcEndpointAwsService, InterfaceVpcEndpointAwsService } from "aws-cdk-lib/aws-ec2";
import { RegionInfo } from "aws-cdk-lib/region-info";

export const CDK_PACKAGE = "aws-cdk-lib";

export function cdkVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(require.resolve("aws-cdk-lib/package.json"), "utf8")) as { version: string };
  return pkg.version;
}

/** One interface service of CDK: every static member with that short name. */
export interface CdkInterfaceService {
  /** The short name CDK gives the service (`ecr.dkr`, `notebook`): vpce's catalog id. */
  readonly shortName: string;
  readonly port: number;
  /** Static member names, non-deprecated first, then alphabetical. */
  readonly constants: readonly string[];
  /** Those of `constants` that CDK marks @deprecated. */
  readonly deprecated: readonly string[];
  readonly service: InterfaceVpcEndpointAwsService;
}

export interface CdkGatewayService {
  readonly shortName: string;
  readonly constants: readonly string[];
  readonly service: GatewayVpcEndpointAwsService;
}

/** Names of static members marked `@deprecated` in the library's declaration file. */
function deprecatedMembers(): Set<string> {
  const dts = path.join(
    path.dirname(require.resolve("aws-cdk-lib/package.json")),
    "aws-ec2",
    "lib",
    "vpc-endpoint.d.ts",
  );
  const text = fs.readFileSync(dts, "utf8");
  const out = new Set<string>();
  const re = /@deprecated[^*]*\*\/\s*static readonly ([A-Z0-9_]+)\s*:/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.add(m[1]);
  return out;
}

function staticMembers<T>(cls: object, type: new (...args: never[]) => T): Array<[string, T]> {
  return Object.getOwnPropertyNames(cls)
    .map((k) => [k, (cls as Record<string, unknown>)[k]] as const)
    .filter((e): e is readonly [string, T] => e[1] instanceof type)
    .map(([k, v]) => [k, v]);
}

export function cdkInterfaceServices(): CdkInterfaceService[] {
  const deprecated = deprecatedMembers();
  const byName = new Map<string, Array<[string, InterfaceVpcEndpointAwsService]>>();
  for (const [k, v] of staticMembers(InterfaceVpcEndpointAwsService, InterfaceVpcEndpointAwsService)) {
    const list = byName.get(v.shortName) ?? [];
    list.push([k, v]);
    byName.set(v.shortName, list);
  }
  const out: CdkInterfaceService[] = [];
  for (const [shortName, members] of byName) {
    const ports = new Set(members.map(([, v]) => v.port));
    if (ports.size !== 1) throw new Error(`aws-cdk-lib gives ${shortName} several ports: ${[...ports].join(", ")}`);
    const constants = members
      .map(([k]) => k)
      .sort((a, b) => Number(deprecated.has(a)) - Number(deprecated.has(b)) || (a < b ? -1 : a > b ? 1 : 0));
    out.push({
      shortName,
      port: members[0][1].port,
      constants,
      deprecated: constants.filter((c) => deprecated.has(c)),
      service: members[0][1],
    });
  }
  return out.sort((a, b) => (a.shortName < b.shortName ? -1 : 1));
}

export function cdkGatewayServices(): CdkGatewayService[] {
  const byName = new Map<string, { constants: string[]; service: GatewayVpcEndpointAwsService }>();
  for (const [k, v] of staticMembers(GatewayVpcEndpointAwsService, GatewayVpcEndpointAwsService)) {
    // The gateway name is `<prefix>.${AWS::Region}.<id>`: its id is what follows the region.
    const resolved = cdkName(v, "us-east-1");
    const shortName = resolved.replace(/^.*?\.us-east-1\./, "");
    const entry = byName.get(shortName) ?? { constants: [], service: v };
    entry.constants.push(k);
    byName.set(shortName, entry);
  }
  return [...byName]
    .map(([shortName, e]) => ({ shortName, constants: e.constants.sort(), service: e.service }))
    .sort((a, b) => (a.shortName < b.shortName ? -1 : 1));
}

export interface CdkRegion {
  readonly name: string;
  readonly partition: string;
  /** Reverse-DNS prefix of the partition's endpoint service names (`cn.com.amazonaws`). */
  readonly partitionPrefix: string;
  readonly domainSuffix: string;
}

export function cdkRegions(): CdkRegion[] {
  return RegionInfo.regions
    .map((r) => ({
      name: r.name,
      partition: r.partition ?? "",
      partitionPrefix: (r.vpcEndpointServiceNamePrefix ?? "").replace(/\.vpce$/, ""),
      domainSuffix: r.domainSuffix ?? "",
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

const stacks = new Map<string, Stack>();
function stackFor(region: string): Stack {
  let s = stacks.get(region);
  if (!s) {
    s = new Stack(new App(), `Catalog-${region}`, { env: { region, account: "111111111111" } });
    stacks.set(region, s);
  }
  return s;
}

/** Evaluates what a resolved name can contain: a string, `Fn::Join` and `Ref: AWS::Region`. */
function evaluate(v: unknown, region: string): string {
  if (typeof v === "string") return v;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (o.Ref === "AWS::Region") return region;
    const join = o["Fn::Join"];
    if (Array.isArray(join) && typeof join[0] === "string" && Array.isArray(join[1])) {
      return (join[1] as unknown[]).map((p) => evaluate(p, region)).join(join[0]);
    }
  }
  throw new Error(`cannot evaluate ${JSON.stringify(v)}`);
}

/** The full service name CDK synthesizes for this service in a stack of this region. */
export function cdkName(service: { readonly name: string }, region: string): string {
  return evaluate(stackFor(region).resolve(service.name), region);
}

export interface CrossCheckResult {
  /** Names (service x region x type) compared. */
  readonly compared: number;
  readonly regions: number;
  /** Differences between the catalog and aws-cdk-lib: each one is drift. */
  readonly mismatches: readonly string[];
  /** Facts that are not drift (catalog rows from other sources). */
  readonly notes: readonly string[];
}

/**
 * Compares the catalog (src/catalog) with aws-cdk-lib: every CDK service and
 * gateway service in every region vpce knows, ports, and the region list.
 * The catalog module is passed in so this file does not pin a path.
 */
export function crossCheck(catalog: typeof import("../src/catalog")): CrossCheckResult {
  const mismatches: string[] = [];
  const notes: string[] = [];
  const regions = catalog.allRegions();
  let compared = 0;
  const cdkIds = new Set<string>();

  for (const c of cdkInterfaceServices()) {
    cdkIds.add(c.shortName);
    const svc = catalog.getService(c.shortName);
    if (!svc) {
      mismatches.push(`${c.shortName} (${c.constants.join(", ")}): in aws-cdk-lib, not in the catalog`);
      continue;
    }
    if (!svc.types.includes("Interface"))
      mismatches.push(
        `${svc.id}: aws-cdk-lib has an interface endpoint, the catalog types are ${svc.types.join(", ")}`,
      );
    if (svc.port !== c.port) mismatches.push(`${svc.id}: port ${svc.port} in the catalog, ${c.port} in aws-cdk-lib`);
    for (const r of regions) {
      compared++;
      const ours = svc.types.includes("Interface") ? catalog.serviceName(svc, r.name, "Interface") : "(none)";
      const theirs = cdkName(c.service, r.name);
      if (ours !== theirs) mismatches.push(`${svc.id} Interface in ${r.name}: catalog ${ours}, aws-cdk-lib ${theirs}`);
    }
  }

  for (const g of cdkGatewayServices()) {
    cdkIds.add(g.shortName);
    const svc = catalog.getService(g.shortName);
    if (!svc || !svc.types.includes("Gateway")) {
      mismatches.push(
        `${g.shortName}: aws-cdk-lib has a gateway endpoint, the catalog ` +
          (svc ? `types are ${svc.types.join(", ")}` : "lacks the service"),
      );
      continue;
    }
    for (const r of regions) {
      compared++;
      const ours = catalog.serviceName(svc, r.name, "Gateway");
      const theirs = cdkName(g.service, r.name);
      if (ours !== theirs) mismatches.push(`${svc.id} Gateway in ${r.name}: catalog ${ours}, aws-cdk-lib ${theirs}`);
    }
  }

  for (const s of catalog.allServices()) {
    if (cdkIds.has(s.id)) continue;
    if (s.sources.includes("aws-cdk-lib"))
      mismatches.push(`${s.id}: the catalog cites aws-cdk-lib, which does not have it`);
    else notes.push(`${s.id}: not in aws-cdk-lib (sources: ${s.sources.join(", ") || "none"})`);
  }

  const ours = new Map(regions.map((r) => [r.name, r]));
  for (const r of cdkRegions()) {
    const o = ours.get(r.name);
    if (!o) mismatches.push(`region ${r.name} (${r.partition}): in aws-cdk-lib region-info, not in regions.json`);
    else {
      if (o.partition !== r.partition)
        mismatches.push(`region ${r.name}: partition ${o.partition} in regions.json, ${r.partition} in aws-cdk-lib`);
      if (o.partitionPrefix !== r.partitionPrefix)
        mismatches.push(
          `region ${r.name}: prefix ${o.partitionPrefix} in regions.json, ${r.partitionPrefix} in aws-cdk-lib`,
        );
    }
  }
  const cdkRegionNames = new Set(cdkRegions().map((r) => r.name));
  for (const r of regions)
    if (!cdkRegionNames.has(r.name)) notes.push(`region ${r.name}: not in aws-cdk-lib region-info`);

  return { compared, regions: regions.length, mismatches, notes };
}
