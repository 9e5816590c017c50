/**
 * The facts of one schema-valid spec, resolved once and shared by the rules of
 * the fields stage (src/rules/fields/) and the model builder: the region from
 * the catalog, every CIDR parsed, the services each subnet asks for resolved
 * through aliases and bundles, the endpoints entries keyed by service, and the
 * policy files read and parsed (each file once). Resolving reports nothing:
 * the rules decide what is wrong.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  getBundle,
  getRegion,
  getService,
  resolveAlias,
  type Bundle,
  type CatalogService,
  type Region,
} from "../catalog";
import { isCidr, overlaps, parseCidr, type Cidr, type CidrProblem } from "../cidr";
import { by } from "../order";
import type { PathSegment, SourceFile } from "./load";
import type { EndpointOverride, Spec, SubnetSpec, VpcSpec } from "./schema";
import type { ServiceRequest } from "./spec-model";
import { formatPath } from "./validate-schema";

/** AWS accepts VPC and subnet CIDR blocks from /16 to /28. */
export const MIN_BLOCK_PREFIX = 16;
export const MAX_BLOCK_PREFIX = 28;

/** Largest policy file read (pretty-printed JSON of a maximal policy fits easily). */
export const MAX_POLICY_FILE_BYTES = 256 * 1024;

/** Why a CIDR field holds no usable block: a parse problem, or a VPC/subnet prefix outside /16-/28. */
export type CidrFieldProblem = CidrProblem | { readonly kind: "prefix"; readonly prefix: number };

export interface CidrField {
  readonly segs: readonly PathSegment[];
  readonly text: string;
  /** What the block is for: a VPC's, a subnet's, or a client block of allowedCidrs (any prefix). */
  readonly what: "VPC" | "subnet" | "allowed";
  /** The block, when the text is a usable one. */
  readonly cidr?: Cidr;
  readonly problem?: CidrFieldProblem;
}

export interface AdditionalCidr extends CidrField {
  /** An earlier block of the VPC this one overlaps (it is then left out of the VPC's blocks). */
  readonly clash?: Cidr;
}

/** What reading a policy file gave. */
export type PolicyFileRead =
  | { readonly kind: "missing" }
  | { readonly kind: "too-large"; readonly size: number }
  | { readonly kind: "not-json"; readonly error: string }
  | { readonly kind: "json"; readonly document: unknown };

/** A `policy:` value: full-access, org-only, or a file (resolved against the spec's folder) and its contents. */
export interface PolicyField {
  readonly segs: readonly PathSegment[];
  readonly value: string;
  readonly choice:
    | { readonly kind: "full-access" }
    | { readonly kind: "org-only" }
    | { readonly kind: "file"; readonly abs: string; readonly read: PolicyFileRead };
}

/** One entry of a subnet's services. */
export interface ServiceAsked {
  readonly segs: readonly PathSegment[];
  readonly written: string;
  /** The service key it stands for (itself, or the catalog id of an alias); undefined when unknown. */
  readonly key?: string;
  /** True when `written` is an alias of the catalog id `key`. */
  readonly alias: boolean;
}

/** One entry of a subnet's bundles. */
export interface BundleAsked {
  readonly segs: readonly PathSegment[];
  readonly written: string;
  readonly bundle?: Bundle;
}

export interface ResolvedSubnet {
  readonly spec: SubnetSpec;
  readonly segs: readonly PathSegment[];
  readonly cidr: CidrField;
  readonly services: readonly ServiceAsked[];
  readonly bundles: readonly BundleAsked[];
  /** One request per distinct service key, first way of asking wins, sorted by key. */
  readonly requests: readonly ServiceRequest[];
}

export interface ResolvedEndpoint {
  readonly segs: readonly PathSegment[];
  /** The key as written under `endpoints:`. */
  readonly written: string;
  readonly settings: EndpointOverride;
  /** The service the entry configures: the key, or the catalog id the key is an alias of. */
  readonly key: string;
  /** True when `written` is an alias of the catalog id `key`. */
  readonly alias: boolean;
  /** An earlier entry of the VPC has the same key: this one is not used. */
  readonly repeated: boolean;
  readonly service?: CatalogService;
  /** The region dump lists the key as a service newer than the catalog. */
  readonly inDump: boolean;
  readonly allowedCidrs: readonly CidrField[];
  /** Resolved only for an entry that is used (not repeated). */
  readonly policy?: PolicyField;
}

export interface ResolvedVpc {
  readonly spec: VpcSpec;
  readonly segs: readonly PathSegment[];
  readonly cidr: CidrField;
  readonly additionalCidrs: readonly AdditionalCidr[];
  /** The VPC's usable blocks, in order: valid CIDRs, an additional block overlapping an earlier one left out. */
  readonly blocks: readonly Cidr[];
  readonly subnets: readonly ResolvedSubnet[];
  readonly endpoints: readonly ResolvedEndpoint[];
  /** endpoints keys with a serviceName: services outside the catalog that subnets may list. */
  readonly customKeys: readonly string[];
}

export interface ResolvedSpec {
  readonly spec: Spec;
  /** The spec's region in the catalog; undefined when unknown. */
  readonly region?: Region;
  readonly backendRegion?: { readonly segs: readonly PathSegment[]; readonly name: string; readonly region?: Region };
  readonly stack: string;
  /** No `stack:` field: the name comes from the file name. */
  readonly stackFromFileName: boolean;
  readonly defaultsPolicy?: PolicyField;
  readonly vpcs: readonly ResolvedVpc[];
  /** Ids the region dump of the spec's region lists beyond the catalog. */
  readonly dumpIds: ReadonlySet<string>;
  /** The zones the region dump of the spec's region names; undefined without a dump. */
  readonly dumpZones?: DumpZones;
}

/** AZ names and ids a region dump names (AvailabilityZones, AvailabilityZoneIds of all its entries). */
export interface DumpZones {
  readonly names: ReadonlySet<string>;
  readonly ids: ReadonlySet<string>;
}

export interface ResolveOptions {
  readonly source: SourceFile;
  readonly spec: Spec;
  readonly dumpIds: ReadonlySet<string>;
  readonly dumpZones?: DumpZones;
}

export function resolveSpec({ source, spec, dumpIds, dumpZones }: ResolveOptions): ResolvedSpec {
  const known = (id: string) => getService(id) !== undefined || dumpIds.has(id);
  const policyReads = new Map<string, PolicyFileRead>();
  const policy = (segs: readonly PathSegment[], value: string): PolicyField => {
    if (value === "full-access" || value === "org-only") return { segs, value, choice: { kind: value } };
    const abs = path.resolve(path.dirname(source.absPath), value);
    let read = policyReads.get(abs);
    if (!read) {
      read = readPolicyFile(abs);
      policyReads.set(abs, read);
    }
    return { segs, value, choice: { kind: "file", abs, read } };
  };
  const stack = spec.stack ?? path.basename(source.file).replace(/\.ya?ml$/i, "");
  return {
    spec,
    region: getRegion(spec.region),
    backendRegion: spec.backend?.s3
      ? { segs: ["backend", "s3", "region"], name: spec.backend.s3.region, region: getRegion(spec.backend.s3.region) }
      : undefined,
    stack,
    stackFromFileName: spec.stack === undefined,
    defaultsPolicy:
      spec.defaults?.policy !== undefined ? policy(["defaults", "policy"], spec.defaults.policy) : undefined,
    vpcs: spec.vpcs.map((v, i) => resolveVpc({ source, vpc: v, segs: ["vpcs", i], known, policy })),
    dumpIds,
    ...(dumpZones ? { dumpZones } : {}),
  };
}

function readPolicyFile(abs: string): PolicyFileRead {
  let text: string;
  try {
    const stat = fs.statSync(abs);
    if (!stat.isFile()) return { kind: "missing" };
    if (stat.size > MAX_POLICY_FILE_BYTES) return { kind: "too-large", size: stat.size };
    text = fs.readFileSync(abs, "utf8");
  } catch {
    return { kind: "missing" };
  }
  try {
    return { kind: "json", document: JSON.parse(text) };
  } catch (e) {
    return { kind: "not-json", error: (e as Error).message };
  }
}

export function cidrField(segs: readonly PathSegment[], text: string, what: CidrField["what"]): CidrField {
  const r = parseCidr(text);
  if (!isCidr(r)) return { segs, text, what, problem: r };
  if (what !== "allowed" && (r.prefix < MIN_BLOCK_PREFIX || r.prefix > MAX_BLOCK_PREFIX))
    return { segs, text, what, problem: { kind: "prefix", prefix: r.prefix } };
  return { segs, text, what, cidr: r };
}

interface VpcOptions {
  readonly source: SourceFile;
  readonly vpc: VpcSpec;
  readonly segs: readonly PathSegment[];
  readonly known: (id: string) => boolean;
  readonly policy: (segs: readonly PathSegment[], value: string) => PolicyField;
}

function resolveVpc({ source, vpc: v, segs: base, known, policy }: VpcOptions): ResolvedVpc {
  const cidr = cidrField([...base, "cidr"], v.cidr, "VPC");
  const blocks: Cidr[] = cidr.cidr ? [cidr.cidr] : [];
  const additionalCidrs = (v.additionalCidrs ?? []).map((c, k): AdditionalCidr => {
    const f = cidrField([...base, "additionalCidrs", k], c, "VPC");
    if (!f.cidr) return f;
    const parsed = f.cidr;
    const clash = blocks.find((o) => overlaps(o, parsed));
    if (!clash) blocks.push(parsed);
    return { ...f, clash };
  });
  const customKeys = Object.entries(v.endpoints ?? {})
    .filter(([, e]) => e.serviceName !== undefined)
    .map(([k]) => k);
  const at = (segs: readonly PathSegment[]) => ({ path: formatPath(segs), pos: source.positionOf(segs) });

  const subnets = v.subnets.map((s, j): ResolvedSubnet => {
    const sb = [...base, "subnets", j];
    const services = (s.services ?? []).map((svc, k): ServiceAsked => {
      const segs = [...sb, "services", k];
      if (known(svc) || customKeys.includes(svc)) return { segs, written: svc, key: svc, alias: false };
      const canonical = resolveAlias(svc);
      return { segs, written: svc, key: canonical, alias: canonical !== undefined };
    });
    const bundles = (s.bundles ?? []).map((b, k): BundleAsked => ({
      segs: [...sb, "bundles", k],
      written: b,
      bundle: getBundle(b),
    }));
    const requests = new Map<string, ServiceRequest>();
    for (const a of services)
      if (a.key !== undefined && !requests.has(a.key))
        requests.set(a.key, { ...at(a.segs), key: a.key, via: "services" });
    for (const b of bundles)
      for (const svc of b.bundle?.services ?? [])
        if (!requests.has(svc)) requests.set(svc, { ...at(b.segs), key: svc, via: `bundle ${b.written}` });
    return {
      spec: s,
      segs: sb,
      cidr: cidrField([...sb, "cidr"], s.cidr, "subnet"),
      services,
      bundles,
      requests: [...requests.values()].sort(by((r) => r.key)),
    };
  });

  const keys = new Set<string>();
  const endpoints = Object.entries(v.endpoints ?? {}).map(([written, e]): ResolvedEndpoint => {
    const eb = [...base, "endpoints", written];
    const alias = known(written) || e.serviceName !== undefined ? undefined : resolveAlias(written);
    const key = alias ?? written;
    const repeated = keys.has(key);
    keys.add(key);
    return {
      segs: eb,
      written,
      settings: e,
      key,
      alias: alias !== undefined,
      repeated,
      service: getService(key),
      inDump: known(key) && !getService(key),
      allowedCidrs: (e.allowedCidrs ?? []).map((c, k) => cidrField([...eb, "allowedCidrs", k], c, "allowed")),
      policy: !repeated && e.policy !== undefined ? policy([...eb, "policy"], e.policy) : undefined,
    };
  });
  return { spec: v, segs: base, cidr, additionalCidrs, blocks, subnets, endpoints, customKeys };
}
