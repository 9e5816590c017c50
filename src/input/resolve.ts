/**
 * The facts of one spec file, resolved once and shared by the rules of the
 * fields and across-files stages (src/rules/fields/, src/rules/across-files/)
 * and the model builder: the region from the catalog, every CIDR parsed, the
 * services each subnet asks for resolved through aliases and bundles, the
 * endpoints entries keyed by service, and the policy files read and parsed
 * (each file once). Resolving reports nothing: the rules decide what is wrong.
 *
 * Only the well-formed parts of the file are resolved: a value the schema
 * found wrong (wrong type, bad value, key of a bad form) is left out, so the
 * rules judge everything else in the same run without reporting a consequence
 * of a schema error. Where a fact depends on what may be missing (a mapping
 * with an unknown key may hold a misspelt field), it says so (`...Complete`,
 * `unclear`) and the rules that need the whole picture hold back.
 */
import * as fs from "node:fs";
import { createHash } from "node:crypto";
import * as path from "node:path";
import { within } from "../canonical-path";
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
import type { ParseError } from "jsonc-parser";
import { compareStrings, sortInPlace } from "../order";
import { closest } from "../suggest";
import { displayPath, type PathSegment, type SourceFile } from "./load";
import type { EndpointOverride } from "./schema";
import type { ServiceRequest } from "./spec-model";
import type { Position } from "../diagnostics";
import { formatPath, type SchemaFinding } from "./validate-schema";

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

/**
 * What reading a policy file gave. `outside`: the path is absolute, or it
 * leads (before or after following links) out of the folders policies may
 * come from; the file is then never read.
 */
export type PolicyFileRead =
  | { readonly kind: "outside"; readonly why: "absolute" | "escapes" | "link" }
  | { readonly kind: "missing" }
  | { readonly kind: "too-large"; readonly size: number }
  /** Where the JSON goes wrong and jsonc-parser's name of the error (never the file's text). */
  | { readonly kind: "not-json"; readonly line?: number; readonly col?: number; readonly error?: string }
  /** `real`: where its links led; `digest`: SHA-256 of the bytes read (the spec cache's stamp). */
  | { readonly kind: "json"; readonly document: unknown; readonly real: string; readonly digest: string };

/** A `policy:` value: full-access, org-only, or a file (resolved against the spec's folder) and its contents. */
export interface PolicyField {
  readonly segs: readonly PathSegment[];
  readonly value: string;
  readonly choice:
    | { readonly kind: "full-access" }
    | { readonly kind: "org-only" }
    | {
        readonly kind: "file";
        readonly abs: string;
        /** The path as shown to the user (relative to the working directory when inside it). */
        readonly shown: string;
        readonly read: PolicyFileRead;
      };
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

/** The well-formed scalar fields of a subnet. */
export interface SubnetFields {
  readonly name?: string;
  readonly id?: string;
  readonly az?: string;
  readonly azId?: string;
  readonly routeTable?: string;
  readonly ipv6Cidr?: string;
  readonly renamedFrom?: string;
}

/**
 * How a message names a VPC or subnet: its name, or `#<position>` counting from 1 when the name is missing or
 * malformed (a message to a person: "the second VPC" is #2).
 */
export function shownName(item: { readonly spec: { readonly name?: string }; readonly index: number }): string {
  return item.spec.name ?? `#${item.index + 1}`;
}

export interface ResolvedSubnet {
  /** Its index in the VPC's subnets. */
  readonly index: number;
  readonly spec: SubnetFields;
  readonly segs: readonly PathSegment[];
  /** Absent when the subnet's cidr is missing or not a string. */
  readonly cidr?: CidrField;
  /**
   * Whether the subnet gives az / azId cannot be told: one of them is there
   * but ill-formed, or the subnet has an unknown key that may be a misspelt az or azId.
   */
  readonly zoneUnclear: boolean;
  readonly services: readonly ServiceAsked[];
  readonly bundles: readonly BundleAsked[];
  /** One request per distinct service key, first way of asking wins, sorted by key. */
  readonly requests: readonly ServiceRequest[];
}

export interface ResolvedEndpoint {
  readonly segs: readonly PathSegment[];
  /** The key as written under `endpoints:`. */
  readonly written: string;
  /** The entry's well-formed settings. */
  readonly settings: EndpointOverride;
  /** The entry has a serviceName key (well-formed or not): it declares a service outside the catalog. */
  readonly declaresCustom: boolean;
  /** The entry has a service key (well-formed or not): a catalog service under a name of its own (cross-region). */
  readonly declaresService: boolean;
  /**
   * The entry declares a VPC Lattice endpoint (type resource or service-network, or either ARN key, well-formed
   * or not): subnets request it by the entry's key.
   */
  readonly declaresLattice: boolean;
  /** The entry's keys as written (well-formed values or not). */
  readonly writtenKeys: readonly string[];
  /** The entry has an unknown key (perhaps a misspelt serviceName). */
  readonly unknownKeys: boolean;
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

/** The well-formed scalar fields of a VPC. */
export interface VpcFields {
  readonly name?: string;
  readonly id?: string;
  readonly renamedFrom?: string;
}

export interface ResolvedVpc {
  /** Its index in the spec's vpcs. */
  readonly index: number;
  readonly spec: VpcFields;
  readonly segs: readonly PathSegment[];
  /** Absent when the VPC's cidr is missing or not a string. */
  readonly cidr?: CidrField;
  readonly additionalCidrs: readonly AdditionalCidr[];
  /** The VPC's usable blocks, in order: valid CIDRs, an additional block overlapping an earlier one left out. */
  readonly blocks: readonly Cidr[];
  /** Every block of the VPC is known and usable: a subnet outside `blocks` is outside the VPC. */
  readonly blocksComplete: boolean;
  /** The well-formed entries of endpointSubnets. */
  readonly endpointSubnets: ReadonlyArray<{ readonly segs: readonly PathSegment[]; readonly name: string }>;
  readonly subnets: readonly ResolvedSubnet[];
  /** Every subnet of the VPC has a well-formed name: a name not among them names no subnet. */
  readonly subnetNamesComplete: boolean;
  readonly endpoints: readonly ResolvedEndpoint[];
  /**
   * endpoints keys with a serviceName, a service (cross-region) or a VPC Lattice type or ARN: names subnets may list
   * beyond catalog ids.
   */
  readonly customKeys: readonly string[];
  /** Every endpoints entry is well-formed and the VPC has no unknown key: no other key declares a service. */
  readonly customKeysComplete: boolean;
  /** `hub:` when it is a well-formed mapping: the VPC hosts endpoints for spokes. */
  readonly hub?: { readonly segs: readonly PathSegment[]; readonly services: readonly HubServiceAsked[] };
  /** `useHub:` when well-formed: `<stack>/<vpc>` of the hub serving this VPC. */
  readonly useHub?: { readonly segs: readonly PathSegment[]; readonly stack: string; readonly vpc: string };
}

/** One entry of a hub's services. */
export interface HubServiceAsked {
  readonly segs: readonly PathSegment[];
  readonly written: string;
  /** The written id is a catalog id or a service of the region's dump. */
  readonly known: boolean;
}

export interface ResolvedSpec {
  /** The region as written, when it is a string. */
  readonly regionName?: string;
  /** The spec's region in the catalog; undefined when unknown or not a string. */
  readonly region?: Region;
  readonly backendRegion?: { readonly segs: readonly PathSegment[]; readonly name: string; readonly region?: Region };
  /** The stack name (written, or the file name); undefined when `stack` is ill-formed or may be misspelt. */
  readonly stack?: string;
  /** No `stack:` field: the name comes from the file name. */
  readonly stackFromFileName: boolean;
  /** Whether the spec gives organizationId; `unclear` when it does not but has an unknown top-level key. */
  readonly organizationId: "given" | "absent" | "unclear";
  readonly defaultsPolicy?: PolicyField;
  readonly vpcs: readonly ResolvedVpc[];
  /** Ids the region dump of the spec's region lists beyond the catalog. */
  readonly dumpIds: ReadonlySet<string>;
  /** The zones the region dump of the spec's region names; undefined without a dump. */
  readonly dumpZones?: DumpZones;
  /** `account` when well-formed. */
  readonly account?: string;
  /** The kind of `backend:` when it is well-formed (one of s3, local); `default` without `backend:`. */
  readonly backendKind?: "s3" | "local" | "default";
}

/** What the fields stage checks against a region dump: the ids of its services and the zones it names. */
export interface DumpFacts {
  readonly ids: ReadonlySet<string>;
  readonly zones: DumpZones;
}

/** AZ names and ids a region dump names (AvailabilityZones, AvailabilityZoneIds of all its entries). */
export interface DumpZones {
  readonly names: ReadonlySet<string>;
  readonly ids: ReadonlySet<string>;
}

export interface ResolveOptions {
  readonly source: SourceFile;
  /** The file's YAML as plain data (any shape). */
  readonly data: unknown;
  /** The schema errors of `data`: the values they point at are left out. */
  readonly schema: readonly SchemaFinding[];
  /** What the region dump of a region says beyond the catalog (its service ids and zones), if one was recorded. */
  readonly dumpFacts?: (region: string) => DumpFacts | undefined;
  /** The folders policy files may come from (the specs folder, VPCE_POLICY_DIRS). */
  readonly policyRoots: readonly PolicyRoot[];
}

/** A folder policy files may come from: its absolute path, and its real path (links followed). */
export interface PolicyRoot {
  readonly path: string;
  readonly real: string;
}

/** The folder as a policy root; undefined when it does not exist (it then holds nothing to read). */
export function policyRoot(dir: string): PolicyRoot | undefined {
  try {
    return { path: path.resolve(dir), real: fs.realpathSync(dir) };
  } catch {
    return undefined;
  }
}

type Data = Record<string, unknown>;

function isMapping(x: unknown): x is Data {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function has(obj: Data, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** What the schema found, by field path: which values are ill-formed, which mappings have keys they should not. */
class WellFormed {
  private readonly bad = new Set<string>();
  private readonly extraKeys = new Set<string>();
  /** The unknown keys of each mapping, by the mapping's path. */
  private readonly unknownByParent = new Map<string, string[]>();

  constructor(findings: readonly SchemaFinding[]) {
    for (const f of findings) {
      if (f.kind === "wrong-type" || f.kind === "bad-value") this.bad.add(f.at.path);
      if (f.kind === "bad-key") {
        this.bad.add(f.at.path);
        this.extraKeys.add(f.parent);
      }
      if (f.kind === "unknown-field") {
        this.extraKeys.add(f.parent);
        this.unknownByParent.set(f.parent, [...(this.unknownByParent.get(f.parent) ?? []), f.key]);
      }
    }
  }

  // Each test is asked for every field of the file (every service of every subnet): when the schema found
  // nothing of its kind, the answer needs no path (formatting one was a tenth of validating a large spec).

  /**
   * The value at `segs` (followed by `key` and `index` when given) passed the schema (its children may not have).
   * The tail is passed apart so that a file the schema found nothing wrong in allocates no path for the test.
   */
  ok(segs: readonly PathSegment[], key?: PathSegment, index?: PathSegment): boolean {
    if (this.bad.size === 0) return true;
    const full = key === undefined ? segs : index === undefined ? [...segs, key] : [...segs, key, index];
    return !this.bad.has(formatPath(full));
  }

  /** The mapping at `segs` has an unknown key or a key of a bad form. */
  unknownKeys(segs: readonly PathSegment[]): boolean {
    return this.extraKeys.size > 0 && this.extraKeys.has(formatPath(segs));
  }

  /** The mapping at `segs` has an unknown key that may be a misspelling of one of `fields` (`azid`, `zone-id`). */
  unknownKeyLike(segs: readonly PathSegment[], fields: readonly string[]): boolean {
    if (this.unknownByParent.size === 0) return false;
    return (this.unknownByParent.get(formatPath(segs)) ?? []).some((k) => closest(k, fields).length > 0);
  }
}

/** Reads well-formed values out of the raw data. */
interface Reader {
  readonly wf: WellFormed;
  /** The string at obj[key] when it is one and passed the schema. */
  str(obj: Data, segs: readonly PathSegment[], key: string): string | undefined;
  /** The mapping at obj[key] when it is one and passed the schema. */
  map(obj: Data, segs: readonly PathSegment[], key: string): Data | undefined;
  /** The well-formed elements of the list at obj[key] satisfying `keep`, with their indexes. */
  list<T>(
    obj: Data,
    segs: readonly PathSegment[],
    key: string,
    keep: (x: unknown) => x is T,
  ): Array<{ value: T; index: number }>;
  /** `list`, each element and index passed straight to `f` (no pair per element: a subnet's services are many). */
  listMap<T, U>(
    obj: Data,
    segs: readonly PathSegment[],
    key: string,
    keep: (x: unknown) => x is T,
    f: (value: T, index: number) => U,
  ): U[];
}

function reader(wf: WellFormed): Reader {
  const value = (obj: Data, segs: readonly PathSegment[], key: string) =>
    has(obj, key) && wf.ok(segs, key) ? obj[key] : undefined;
  const listMap = <T, U>(
    obj: Data,
    segs: readonly PathSegment[],
    key: string,
    keep: (x: unknown) => x is T,
    f: (value: T, index: number) => U,
  ): U[] => {
    const v = value(obj, segs, key);
    if (!Array.isArray(v)) return [];
    const out: U[] = [];
    for (let index = 0; index < v.length; index++) {
      const x: unknown = v[index];
      if (keep(x) && wf.ok(segs, key, index)) out.push(f(x, index));
    }
    return out;
  };
  return {
    wf,
    str: (obj, segs, key) => {
      const v = value(obj, segs, key);
      return typeof v === "string" ? v : undefined;
    },
    map: (obj, segs, key) => {
      const v = value(obj, segs, key);
      return isMapping(v) ? v : undefined;
    },
    list: <T>(obj: Data, segs: readonly PathSegment[], key: string, keep: (x: unknown) => x is T) =>
      listMap(obj, segs, key, keep, (value, index) => ({ value, index })),
    listMap,
  };
}

const isString = (x: unknown): x is string => typeof x === "string";
const isPort = (x: unknown): x is number => typeof x === "number";

export function resolveSpec(opts: ResolveOptions): ResolvedSpec {
  const { source, data, schema, policyRoots } = opts;
  const rd = reader(new WellFormed(schema));
  const top: Data = isMapping(data) ? data : {};
  const topUnknown = rd.wf.unknownKeys([]);
  const regionName = rd.str(top, [], "region");
  const dump = regionName !== undefined ? opts.dumpFacts?.(regionName) : undefined;
  const dumpIds = dump?.ids ?? new Set<string>();
  const known = (id: string) => getService(id) !== undefined || dumpIds.has(id);
  const policyReads = new Map<string, PolicyFileRead>();
  const policy = (segs: readonly PathSegment[], value: string): PolicyField => {
    if (value === "full-access" || value === "org-only") return { segs, value, choice: { kind: value } };
    const abs = path.resolve(path.dirname(source.absPath), value);
    let read = policyReads.get(abs);
    if (!read) {
      read = readPolicyFile({ value, abs, roots: policyRoots });
      policyReads.set(abs, read);
    }
    return { segs, value, choice: { kind: "file", abs, shown: displayPath(abs), read } };
  };

  const written = has(top, "stack") ? rd.str(top, [], "stack") : undefined;
  const fromFileName = !has(top, "stack");
  // an unknown top-level key may be a misspelt `stack:`: the file name is then not known to be the stack's name
  const stack = fromFileName ? (topUnknown ? undefined : path.basename(source.file).replace(/\.ya?ml$/i, "")) : written;
  const s3 = rd.map(rd.map(top, [], "backend") ?? {}, ["backend"], "s3");
  const backendRegionName = s3 ? rd.str(s3, ["backend", "s3"], "region") : undefined;
  const defaults = rd.map(top, [], "defaults");
  const defaultsPolicy = defaults ? rd.str(defaults, ["defaults"], "policy") : undefined;
  return {
    regionName,
    region: regionName !== undefined ? getRegion(regionName) : undefined,
    backendRegion:
      backendRegionName !== undefined
        ? { segs: ["backend", "s3", "region"], name: backendRegionName, region: getRegion(backendRegionName) }
        : undefined,
    stack,
    stackFromFileName: fromFileName,
    organizationId: has(top, "organizationId") ? "given" : topUnknown ? "unclear" : "absent",
    defaultsPolicy: defaultsPolicy !== undefined ? policy(["defaults", "policy"], defaultsPolicy) : undefined,
    vpcs: rd
      .list(top, [], "vpcs", isMapping)
      .map(({ value, index }) => resolveVpc({ source, rd, vpc: value, index, known, policy })),
    dumpIds,
    ...(dump ? { dumpZones: dump.zones } : {}),
    account: rd.str(top, [], "account"),
    backendKind: !has(top, "backend")
      ? topUnknown
        ? undefined
        : "default"
      : s3
        ? "s3"
        : rd.map(rd.map(top, [], "backend") ?? {}, ["backend"], "local")
          ? "local"
          : undefined,
  };
}

/**
 * Reads a policy file named by a spec, only when it lies inside one of
 * `roots` both as written and after following links: specs arrive in pull
 * requests and the policy ends up in the plan, so a spec must not be able to
 * read (or probe) files elsewhere on the machine that runs vpce.
 */
function readPolicyFile(opts: { value: string; abs: string; roots: readonly PolicyRoot[] }): PolicyFileRead {
  const { value, abs, roots } = opts;
  if (path.isAbsolute(value) || path.win32.isAbsolute(value)) return { kind: "outside", why: "absolute" };
  // the path as written is checked before the file system is touched: nothing outside is even looked at
  if (!roots.some((r) => within(r.path, abs) || within(r.real, abs))) return { kind: "outside", why: "escapes" };
  let real: string;
  try {
    real = fs.realpathSync(abs);
  } catch {
    return { kind: "missing" };
  }
  if (!roots.some((r) => within(r.real, real))) return { kind: "outside", why: "link" };
  let bytes: Buffer;
  try {
    const stat = fs.statSync(real);
    if (!stat.isFile()) return { kind: "missing" };
    if (stat.size > MAX_POLICY_FILE_BYTES) return { kind: "too-large", size: stat.size };
    bytes = fs.readFileSync(real);
  } catch {
    return { kind: "missing" };
  }
  const text = bytes.toString("utf8");
  try {
    const digest = createHash("sha256").update(bytes).digest("hex");
    return { kind: "json", document: JSON.parse(text), real, digest };
  } catch {
    return { kind: "not-json", ...jsonErrorAt(text) };
  }
}

/**
 * Where the JSON goes wrong, as line and column and the kind of error, never
 * the file's text: node's own message quotes the content ("Unexpected token
 * 'a', "abc..." is not valid JSON"), which a diagnostic must not echo.
 */
function jsonErrorAt(text: string): { line?: number; col?: number; error?: string } {
  const errors: ParseError[] = [];
  // loaded here, for a policy file that is not valid JSON: the common case never needs it
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse, printParseErrorCode } = require("jsonc-parser") as typeof import("jsonc-parser");
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return {};
  const before = text.slice(0, first.offset);
  const line = before.split("\n").length;
  return { line, col: first.offset - before.lastIndexOf("\n"), error: printParseErrorCode(first.error) };
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
  readonly rd: Reader;
  readonly vpc: Data;
  readonly index: number;
  readonly known: (id: string) => boolean;
  readonly policy: (segs: readonly PathSegment[], value: string) => PolicyField;
}

/**
 * A request a bundle makes for a subnet (a services entry is its own request: RequestingEntry). Its field path and
 * position are worked out on first read, once: validating a large organisation makes hundreds of thousands of
 * requests, and only the few a diagnostic or a plan reason names are ever located (building every path and position
 * eagerly was a sixth of `vpce validate`). Private fields: the object's own enumerable properties stay `key` and
 * `via`.
 */
class Request implements ServiceRequest {
  readonly key: string;
  readonly via: string;
  readonly #source: SourceFile;
  /** The list entry that asked (its `segs` too are built on first read). */
  readonly #at: { readonly segs: readonly PathSegment[] };
  #path?: string;
  #pos?: Position;

  constructor(opts: { source: SourceFile; at: { readonly segs: readonly PathSegment[] }; key: string; via: string }) {
    this.key = opts.key;
    this.via = opts.via;
    this.#source = opts.source;
    this.#at = opts.at;
  }

  get path(): string {
    return (this.#path ??= formatPath(this.#at.segs));
  }

  get pos(): Position {
    return (this.#pos ??= this.#source.positionOf(this.#at.segs));
  }
}

/**
 * One entry of a subnet's `services`. Its field path is built on first read, for the same reason as a Request's:
 * a large organisation lists hundreds of thousands of services, and only those a finding names are located.
 * An entry whose service is known is a RequestingEntry.
 */
class ServiceEntry implements ServiceAsked {
  readonly written: string;
  /** No known service: a known one is a RequestingEntry. */
  readonly key = undefined;
  readonly alias = false;
  /** The subnet's field path, and the entry's index in its services. */
  readonly #subnet: readonly PathSegment[];
  readonly #index: number;
  #segs?: readonly PathSegment[];

  constructor(opts: { subnet: readonly PathSegment[]; index: number; written: string }) {
    this.written = opts.written;
    this.#subnet = opts.subnet;
    this.#index = opts.index;
  }

  get segs(): readonly PathSegment[] {
    return (this.#segs ??= [...this.#subnet, "services", this.#index]);
  }
}

/** A RequestingEntry's field path, and its text and position once read. */
interface EntryLocation {
  readonly segs: readonly PathSegment[];
  path?: string;
  pos?: Position;
}

/**
 * An entry of a subnet's `services` naming a known service (or an alias of one): also the request it makes, so a
 * request written in `services` is one object, not two (a large organisation has hundreds of thousands). Located on
 * first read like a Request. Its own class, not a subclass of ServiceEntry: V8 keeps a subclass's own fields out of
 * the object, one more allocation each, which cost more than the object saved.
 */
class RequestingEntry implements ServiceAsked, ServiceRequest {
  readonly written: string;
  readonly key: string;
  readonly #subnet: readonly PathSegment[];
  readonly #index: number;
  readonly #source: SourceFile;
  /** Where it is, made on first read (few entries are ever located: one object then, not three fields each). */
  #at?: EntryLocation;

  constructor(opts: {
    source: SourceFile;
    subnet: readonly PathSegment[];
    index: number;
    written: string;
    key: string;
  }) {
    this.written = opts.written;
    this.key = opts.key;
    this.#subnet = opts.subnet;
    this.#index = opts.index;
    this.#source = opts.source;
  }

  get via(): string {
    return "services";
  }

  /** The entry names its service by an alias: `written` is then another string than the key. */
  get alias(): boolean {
    return this.written !== this.key;
  }

  get segs(): readonly PathSegment[] {
    return this.#located().segs;
  }

  get path(): string {
    const at = this.#located();
    return (at.path ??= formatPath(at.segs));
  }

  get pos(): Position {
    const at = this.#located();
    return (at.pos ??= this.#source.positionOf(at.segs));
  }

  #located(): EntryLocation {
    return (this.#at ??= { segs: [...this.#subnet, "services", this.#index] });
  }
}

/** Orders a subnet's requests by service key. */
function byKey(a: ServiceRequest, b: ServiceRequest): number {
  return compareStrings(a.key, b.key);
}

function resolveVpc({ source, rd, vpc: v, index, known, policy }: VpcOptions): ResolvedVpc {
  const base: PathSegment[] = ["vpcs", index];
  const cidrText = rd.str(v, base, "cidr");
  const cidr = cidrText !== undefined ? cidrField([...base, "cidr"], cidrText, "VPC") : undefined;
  const blocks: Cidr[] = cidr?.cidr ? [cidr.cidr] : [];
  const additional = rd.list(v, base, "additionalCidrs", isString);
  const additionalCidrs = additional.map(({ value, index: k }): AdditionalCidr => {
    const f = cidrField([...base, "additionalCidrs", k], value, "VPC");
    if (!f.cidr) return f;
    const parsed = f.cidr;
    const clash = blocks.find((o) => overlaps(o, parsed));
    if (!clash) blocks.push(parsed);
    return { ...f, clash };
  });
  const rawAdditional = has(v, "additionalCidrs") ? v.additionalCidrs : [];
  const blocksComplete =
    cidr?.cidr !== undefined &&
    Array.isArray(rawAdditional) &&
    additional.length === rawAdditional.length &&
    additionalCidrs.every((c) => c.cidr !== undefined);

  const endpointsMap = rd.map(v, base, "endpoints");
  const endpointsSegs = [...base, "endpoints"];
  const entries = Object.entries(endpointsMap ?? {}).filter(
    (e): e is [string, Data] => isMapping(e[1]) && rd.wf.ok(endpointsSegs, e[0]),
  );
  const customKeys = entries
    .filter(([, e]) => has(e, "serviceName") || has(e, "service") || declaresLattice(e))
    .map(([k]) => k);
  const customKeysComplete =
    !rd.wf.unknownKeys(base) &&
    (!has(v, "endpoints") || endpointsMap !== undefined) &&
    !rd.wf.unknownKeys(endpointsSegs) &&
    entries.length === Object.keys(endpointsMap ?? {}).length &&
    entries.every(([k]) => !rd.wf.unknownKeys([...endpointsSegs, k]));

  const rawSubnets = has(v, "subnets") ? v.subnets : undefined;
  const subnetList = rd.list(v, base, "subnets", isMapping);
  const subnets = subnetList.map(({ value: s, index: j }): ResolvedSubnet => {
    const sb = [...base, "subnets", j];
    const services = rd.listMap(s, sb, "services", isString, (svc, k): ServiceAsked => {
      // a catalog service's key is the catalog's own id string, one for every file: the planner's maps and searches
      // by service then find equal keys by identity, and hash each once
      const listed = getService(svc);
      if (listed || known(svc) || customKeys.includes(svc))
        return new RequestingEntry({ source, subnet: sb, index: k, written: svc, key: listed?.id ?? svc });
      const canonical = resolveAlias(svc);
      return canonical !== undefined
        ? new RequestingEntry({ source, subnet: sb, index: k, written: svc, key: canonical })
        : new ServiceEntry({ subnet: sb, index: k, written: svc });
    });
    const bundles = rd.list(s, sb, "bundles", isString).map(({ value: b, index: k }) => ({
      segs: [...sb, "bundles", k],
      written: b,
      bundle: getBundle(b),
      // one string per bundle entry, shared by the requests it makes
      via: `bundle ${b}`,
    }));
    // a subnet asks for a few dozen services: searching them costs less than a map per subnet (12,000 of them in a
    // large organisation), and even a subnet listing the whole catalog is searched in well under a millisecond
    const requests: ServiceRequest[] = [];
    const asked = (key: string) => requests.some((r) => r.key === key);
    for (const a of services) if (a instanceof RequestingEntry && !asked(a.key)) requests.push(a);
    for (const b of bundles)
      for (const svc of b.bundle?.services ?? [])
        if (!asked(svc)) requests.push(new Request({ source, at: b, key: svc, via: b.via }));
    const cidrOf = rd.str(s, sb, "cidr");
    const spec: SubnetFields = {
      name: rd.str(s, sb, "name"),
      id: rd.str(s, sb, "id"),
      az: rd.str(s, sb, "az"),
      azId: rd.str(s, sb, "azId"),
      routeTable: rd.str(s, sb, "routeTable"),
      ipv6Cidr: rd.str(s, sb, "ipv6Cidr"),
      renamedFrom: rd.str(s, sb, "renamedFrom"),
    };
    return {
      index: j,
      spec,
      segs: sb,
      cidr: cidrOf !== undefined ? cidrField([...sb, "cidr"], cidrOf, "subnet") : undefined,
      zoneUnclear:
        rd.wf.unknownKeyLike(sb, ["az", "azId"]) ||
        (has(s, "az") && spec.az === undefined) ||
        (has(s, "azId") && spec.azId === undefined),
      services,
      bundles,
      requests: sortInPlace(requests, byKey),
    };
  });

  const keys = new Set<string>();
  const endpoints = entries.map(([written, e]): ResolvedEndpoint => {
    const eb = [...endpointsSegs, written];
    const declaresCustom = has(e, "serviceName");
    const declaresService = has(e, "service");
    const lattice = declaresLattice(e);
    const alias = known(written) || declaresCustom || declaresService || lattice ? undefined : resolveAlias(written);
    const key = alias ?? written;
    const repeated = keys.has(key);
    keys.add(key);
    const policyText = repeated ? undefined : rd.str(e, eb, "policy");
    return {
      segs: eb,
      written,
      settings: endpointSettings(rd, e, eb),
      declaresCustom,
      declaresService,
      declaresLattice: lattice,
      writtenKeys: Object.keys(e),
      unknownKeys: rd.wf.unknownKeys(eb),
      key,
      alias: alias !== undefined,
      repeated,
      service: getService(key),
      inDump: known(key) && !getService(key),
      allowedCidrs: rd
        .list(e, eb, "allowedCidrs", isString)
        .map(({ value: c, index: k }) => cidrField([...eb, "allowedCidrs", k], c, "allowed")),
      policy: policyText !== undefined ? policy([...eb, "policy"], policyText) : undefined,
    };
  });
  return {
    index,
    spec: { name: rd.str(v, base, "name"), id: rd.str(v, base, "id"), renamedFrom: rd.str(v, base, "renamedFrom") },
    segs: base,
    cidr,
    additionalCidrs,
    blocks,
    blocksComplete,
    endpointSubnets: rd
      .list(v, base, "endpointSubnets", isString)
      .map(({ value: name, index: k }) => ({ segs: [...base, "endpointSubnets", k], name })),
    subnets,
    subnetNamesComplete:
      Array.isArray(rawSubnets) &&
      rd.wf.ok(base, "subnets") &&
      subnetList.length === rawSubnets.length &&
      subnets.every((s) => s.spec.name !== undefined),
    endpoints,
    customKeys,
    customKeysComplete,
    ...resolveHub({ rd, v, base, known }),
  };
}

/** The VPC's `hub:` and `useHub:`, each only when well-formed. */
function resolveHub(opts: {
  rd: Reader;
  v: Data;
  base: readonly PathSegment[];
  known: (id: string) => boolean;
}): Pick<ResolvedVpc, "hub" | "useHub"> {
  const { rd, v, base, known } = opts;
  const hub = rd.map(v, base, "hub");
  const hubSegs = [...base, "hub"];
  const useHub = rd.str(v, base, "useHub");
  const [stack, vpc] = useHub?.split("/") ?? [];
  return {
    ...(hub
      ? {
          hub: {
            segs: hubSegs,
            services: rd.list(hub, hubSegs, "services", isString).map(({ value, index }) => ({
              segs: [...hubSegs, "services", index],
              written: value,
              known: known(value),
            })),
          },
        }
      : {}),
    ...(useHub !== undefined ? { useHub: { segs: [...base, "useHub"], stack, vpc } } : {}),
  };
}

/** An endpoints entry that names a VPC Lattice type or ARN (as written, well-formed or not). */
function declaresLattice(e: Data): boolean {
  return (
    e.type === "resource" ||
    e.type === "service-network" ||
    has(e, "resourceConfigurationArn") ||
    has(e, "serviceNetworkArn")
  );
}

/** The entries of a string map (tags, fixedIps) whose key and value passed the schema; undefined without it. */
function wellFormedMap(
  rd: Reader,
  e: Data,
  eb: readonly PathSegment[],
  key: "tags" | "fixedIps",
): Record<string, string> | undefined {
  const map = rd.map(e, eb, key);
  if (!map) return undefined;
  return Object.fromEntries(
    Object.entries(map).filter(([k, v]) => typeof v === "string" && rd.wf.ok(eb, key, k)),
  ) as Record<string, string>;
}

/** An endpoints entry's settings, each only when well-formed. */
function endpointSettings(rd: Reader, e: Data, eb: readonly PathSegment[]): EndpointOverride {
  const flag = (key: string) => (has(e, key) && rd.wf.ok(eb, key) && typeof e[key] === "boolean" ? e[key] : undefined);
  const type = rd.str(e, eb, "type");
  const num = (key: string) => (has(e, key) && rd.wf.ok(eb, key) && typeof e[key] === "number" ? e[key] : undefined);
  const port = num("port");
  const settings: Record<string, unknown> = {
    type,
    privateDns: flag("privateDns"),
    policy: rd.str(e, eb, "policy"),
    serviceName: rd.str(e, eb, "serviceName"),
    port,
    allowedCidrs: has(e, "allowedCidrs") ? rd.list(e, eb, "allowedCidrs", isString).map((c) => c.value) : undefined,
    allowedSecurityGroups: has(e, "allowedSecurityGroups")
      ? rd.list(e, eb, "allowedSecurityGroups", isString).map((c) => c.value)
      : undefined,
    service: rd.str(e, eb, "service"),
    serviceRegion: rd.str(e, eb, "serviceRegion"),
    resourceConfigurationArn: rd.str(e, eb, "resourceConfigurationArn"),
    serviceNetworkArn: rd.str(e, eb, "serviceNetworkArn"),
    ports: has(e, "ports") && rd.wf.ok(eb, "ports") ? rd.list(e, eb, "ports", isPort).map((p) => p.value) : undefined,
    ipAddressType: rd.str(e, eb, "ipAddressType"),
    dnsRecordIpType: rd.str(e, eb, "dnsRecordIpType"),
    tags: wellFormedMap(rd, e, eb, "tags"),
    fixedIps: wellFormedMap(rd, e, eb, "fixedIps"),
    renamedFrom: rd.str(e, eb, "renamedFrom"),
    gbPerMonth: num("gbPerMonth"),
    useHub: flag("useHub"),
  };
  // only the keys that hold a well-formed value: `"type" in settings` means the user set it
  return Object.fromEntries(Object.entries(settings).filter(([, x]) => x !== undefined)) as EndpointOverride;
}
