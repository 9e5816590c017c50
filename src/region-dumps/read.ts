/**
 * Region dumps: the raw output of `aws ec2 describe-vpc-endpoint-services
 * --region R > catalog/R.json` that a user records and commits. Where a dump
 * exists for a region it is the authority on names, types, AZs and policy
 * support (SPEC-FORMAT.md, "Region dumps").
 *
 * Both shapes are read: old ones (no AvailabilityZoneIds, ServiceId,
 * SupportedIpAddressTypes) and new ones. A service with two types appears twice
 * (S3: Gateway and Interface); both entries are kept, by type.
 * Malformed files never throw: they become problems with file, line and column.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { allServices, getRegion, knownPrefixes, serviceNames, type EndpointType } from "../catalog";
import { JsonSyntaxError, parseJsonWithPositions, type Position } from "./json-positions";
import { by } from "../order";

/** What one ServiceDetails entry says about one endpoint type of a service. */
export interface DumpOffer {
  readonly type: EndpointType;
  /** AZ names (`us-east-1a`); account-specific. Undefined when the entry has none. */
  readonly azNames?: readonly string[];
  /** AZ ids (`use1-az4`); the same in every account. Undefined in old dumps. */
  readonly azIds?: readonly string[];
  readonly policySupported?: boolean;
  readonly privateDnsNames: readonly string[];
  readonly serviceId?: string;
  readonly owner?: string;
  readonly ipAddressTypes?: readonly string[];
  /** Where the entry starts in the file. */
  readonly line?: number;
  readonly col?: number;
}

export interface DumpService {
  /** The full endpoint service name, as in the dump. */
  readonly name: string;
  /** The catalog id the name maps to in this region (see serviceIdFromName). */
  readonly id?: string;
  readonly types: ReadonlySet<EndpointType>;
  /** AZs of the Interface entry when there is one (placement needs those), else of the Gateway entry. */
  readonly azNames?: readonly string[];
  readonly azIds?: readonly string[];
  readonly policySupported?: boolean;
  readonly privateDnsNames: readonly string[];
  readonly owner?: string;
  /** The entries of the dump by type. */
  readonly byType: Readonly<Partial<Record<EndpointType, DumpOffer>>>;
}

export interface RegionDump {
  readonly region: string;
  /** The file it was read from. */
  readonly file: string;
  /** Services by full name. */
  readonly services: ReadonlyMap<string, DumpService>;
}

export interface DumpProblem {
  readonly file: string;
  readonly line?: number;
  readonly col?: number;
  readonly severity: "error" | "warning";
  /** Stable code: tests and callers match on it, not on wording. */
  readonly code: DumpProblemCode;
  readonly message: string;
}

export type DumpProblemCode =
  | "DUMP_DIR_MISSING"
  | "DUMP_UNREADABLE"
  | "DUMP_JSON_SYNTAX"
  | "DUMP_SHAPE"
  | "DUMP_ENTRY"
  | "DUMP_ENTRY_IGNORED"
  | "DUMP_UNKNOWN_REGION"
  | "DUMP_WRONG_REGION"
  | "DUMP_TRUNCATED"
  | "DUMP_DUPLICATE";

export interface LoadedDumps {
  /** The folder that was read. */
  readonly dir: string;
  /** Dumps by region. */
  readonly dumps: ReadonlyMap<string, RegionDump>;
  readonly problems: readonly DumpProblem[];
}

/** The folder of region dumps: `VPCE_CATALOG` (relative to cwd), else `catalog/` under cwd. */
export function dumpDir(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const fromEnv = env.VPCE_CATALOG;
  return fromEnv && fromEnv.trim() !== "" ? path.resolve(cwd, fromEnv) : path.join(cwd, "catalog");
}

const TYPES: ReadonlySet<string> = new Set<EndpointType>(["Interface", "Gateway"]);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
}

/** Full name -> catalog id, per region (built on first use). */
const reverseIndex = new Map<string, ReadonlyMap<string, string>>();

function catalogNamesOf(region: string): ReadonlyMap<string, string> {
  let m = reverseIndex.get(region);
  if (!m) {
    const built = new Map<string, string>();
    for (const s of allServices())
      for (const name of Object.values(serviceNames(s, region))) if (name) built.set(name, s.id);
    m = built;
    reverseIndex.set(region, m);
  }
  return m;
}

/**
 * The catalog id of a full service name in a region: the id whose name in
 * that region (either type) is exactly `name`; else, for an AWS service the
 * catalog does not know yet, what follows `<known prefix>.<region>.` (so a
 * dump's new services get ids by the same rule, AWS-RULES "Service names").
 * Undefined for names of other regions and for non-AWS services
 * (`com.amazonaws.vpce.<region>.vpce-svc-...`).
 */
export function serviceIdFromName(name: string, region: string): string | undefined {
  const known = catalogNamesOf(region).get(name);
  if (known) return known;
  for (const prefix of knownPrefixes(region)) {
    const m = new RegExp(`^${escapeRe(prefix)}\\.${escapeRe(region)}\\.(.+)$`).exec(name);
    if (m) return m[1] === "vpce" || m[1].startsWith("vpce-svc-") ? undefined : m[1];
  }
  return undefined;
}

interface Ctx {
  readonly file: string;
  readonly positions: ReadonlyMap<string, Position>;
  readonly problems: DumpProblem[];
}

function report(
  ctx: Ctx,
  pointer: string,
  severity: DumpProblem["severity"],
  code: DumpProblemCode,
  message: string,
): void {
  const p = ctx.positions.get(pointer);
  ctx.problems.push({ file: ctx.file, ...(p ? { line: p.line, col: p.col } : {}), severity, code, message });
}

function stringList(ctx: Ctx, pointer: string, v: unknown, field: string): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) {
    report(ctx, pointer, "error", "DUMP_ENTRY", `${field} must be a list of strings.`);
    return undefined;
  }
  return v as string[];
}

function readEntry(ctx: Ctx, index: number, raw: unknown): { name: string; offers: DumpOffer[] } | undefined {
  const at = `/ServiceDetails/${index}`;
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    report(ctx, at, "error", "DUMP_ENTRY", `ServiceDetails[${index}] must be an object.`);
    return undefined;
  }
  const e = raw as Record<string, unknown>;
  if (typeof e.ServiceName !== "string" || e.ServiceName === "") {
    report(ctx, at, "error", "DUMP_ENTRY", `ServiceDetails[${index}] has no ServiceName.`);
    return undefined;
  }
  const name = e.ServiceName;
  if (!Array.isArray(e.ServiceType) || e.ServiceType.length === 0) {
    report(
      ctx,
      `${at}/ServiceType`,
      "error",
      "DUMP_ENTRY",
      `${name}: ServiceType must be a non-empty list of {"ServiceType": "Interface" | "Gateway"}.`,
    );
    return undefined;
  }
  const types: EndpointType[] = [];
  e.ServiceType.forEach((t: unknown, j: number) => {
    const v = t && typeof t === "object" ? (t as Record<string, unknown>).ServiceType : undefined;
    if (typeof v !== "string")
      report(
        ctx,
        `${at}/ServiceType/${j}`,
        "error",
        "DUMP_ENTRY",
        `${name}: ServiceType[${j}] has no ServiceType string.`,
      );
    else if (TYPES.has(v)) types.push(v as EndpointType);
    // Other types (GatewayLoadBalancer) are not endpoints vpce plans: skipped.
  });
  const azNames = stringList(ctx, `${at}/AvailabilityZones`, e.AvailabilityZones, `${name}: AvailabilityZones`);
  const azIds = stringList(ctx, `${at}/AvailabilityZoneIds`, e.AvailabilityZoneIds, `${name}: AvailabilityZoneIds`);
  const ipAddressTypes = stringList(
    ctx,
    `${at}/SupportedIpAddressTypes`,
    e.SupportedIpAddressTypes,
    `${name}: SupportedIpAddressTypes`,
  );
  let policySupported: boolean | undefined;
  if (typeof e.VpcEndpointPolicySupported === "boolean") policySupported = e.VpcEndpointPolicySupported;
  else if (e.VpcEndpointPolicySupported !== undefined)
    report(
      ctx,
      `${at}/VpcEndpointPolicySupported`,
      "error",
      "DUMP_ENTRY",
      `${name}: VpcEndpointPolicySupported must be true or false.`,
    );
  const dns = new Set<string>();
  if (typeof e.PrivateDnsName === "string") dns.add(e.PrivateDnsName);
  if (Array.isArray(e.PrivateDnsNames)) {
    for (const d of e.PrivateDnsNames) {
      const v = d && typeof d === "object" ? (d as Record<string, unknown>).PrivateDnsName : undefined;
      if (typeof v === "string") dns.add(v);
    }
  }
  const pos = ctx.positions.get(at);
  const offers = types.map((type): DumpOffer => ({
    type,
    ...(azNames ? { azNames } : {}),
    ...(azIds ? { azIds } : {}),
    ...(policySupported !== undefined ? { policySupported } : {}),
    privateDnsNames: [...dns].sort(),
    ...(typeof e.ServiceId === "string" ? { serviceId: e.ServiceId } : {}),
    ...(typeof e.Owner === "string" ? { owner: e.Owner } : {}),
    ...(ipAddressTypes ? { ipAddressTypes } : {}),
    ...(pos ? { line: pos.line, col: pos.col } : {}),
  }));
  return { name, offers };
}

function uniq(a: readonly string[] | undefined, b: readonly string[] | undefined): string[] | undefined {
  if (!a) return b ? [...b] : undefined;
  if (!b) return [...a];
  return [...new Set([...a, ...b])];
}

/**
 * Reads one dump. `region` is the file's region (its name without `.json`).
 * Returns no dump when the file cannot be used at all.
 */
export function parseDump(text: string, file: string, region: string): { dump?: RegionDump; problems: DumpProblem[] } {
  const problems: DumpProblem[] = [];
  let parsed: ReturnType<typeof parseJsonWithPositions>;
  try {
    parsed = parseJsonWithPositions(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      problems.push({
        file,
        line: e.line,
        col: e.col,
        severity: "error",
        code: "DUMP_JSON_SYNTAX",
        message: `Not valid JSON: ${e.message}.`,
      });
      return { problems };
    }
    throw e;
  }
  const ctx: Ctx = { file, positions: parsed.positions, problems };
  const root = parsed.value;
  if (
    !root ||
    typeof root !== "object" ||
    Array.isArray(root) ||
    !Array.isArray((root as Record<string, unknown>).ServiceDetails)
  ) {
    report(
      ctx,
      "",
      "error",
      "DUMP_SHAPE",
      'Expected the output of `aws ec2 describe-vpc-endpoint-services`: an object with a "ServiceDetails" list.',
    );
    return { problems };
  }
  const r = root as Record<string, unknown>;
  if (typeof r.NextToken === "string" && r.NextToken !== "") {
    report(
      ctx,
      "/NextToken",
      "warning",
      "DUMP_TRUNCATED",
      "The dump has a NextToken: it is one page of the list and may lack services. Record it again without --max-results/--no-paginate.",
    );
  }
  if (!getRegion(region))
    report(
      ctx,
      "",
      "warning",
      "DUMP_UNKNOWN_REGION",
      `${region} is not a region vpce knows; the file name must be <region>.json.`,
    );

  const merged = new Map<string, { offers: Partial<Record<EndpointType, DumpOffer>> }>();
  (r.ServiceDetails as unknown[]).forEach((raw, index) => {
    const entry = readEntry(ctx, index, raw);
    if (!entry) return;
    const m = merged.get(entry.name) ?? { offers: {} };
    for (const offer of entry.offers) {
      const prev = m.offers[offer.type];
      if (prev) {
        report(
          ctx,
          `/ServiceDetails/${index}`,
          "warning",
          "DUMP_DUPLICATE",
          `${entry.name} (${offer.type}) appears twice; the AZs of both entries are used.`,
        );
        m.offers[offer.type] = {
          ...prev,
          azNames: uniq(prev.azNames, offer.azNames),
          azIds: uniq(prev.azIds, offer.azIds),
        };
      } else {
        m.offers[offer.type] = offer;
      }
    }
    merged.set(entry.name, m);
  });

  if (Array.isArray(r.ServiceNames)) {
    r.ServiceNames.forEach((n: unknown, j: number) => {
      if (typeof n === "string" && !merged.has(n))
        report(
          ctx,
          `/ServiceNames/${j}`,
          "warning",
          "DUMP_ENTRY_IGNORED",
          `${n} is in ServiceNames but has no ServiceDetails entry: ignored.`,
        );
    });
  }

  // A file named after one region holding another region's list is a mistake worth stopping on.
  const names = [...merged.keys()];
  const own = names.filter((n) => n.includes(`.${region}.`)).length;
  if (names.length > 0 && own === 0) {
    const other = /^(?:[a-z]+\.)*?[a-z]+\.((?:[a-z]+-)+[a-z]+-\d+)\./.exec(
      names.find((n) => !n.startsWith("com.amazonaws.vpce.")) ?? names[0],
    );
    if (other && other[1] !== region) {
      report(
        ctx,
        "",
        "error",
        "DUMP_WRONG_REGION",
        `The file is named ${region}.json but lists services of ${other[1]}; name it ${other[1]}.json.`,
      );
      return { problems };
    }
  }

  const services = new Map<string, DumpService>();
  for (const [name, m] of [...merged].sort(by(([name]) => name))) {
    const types = (["Gateway", "Interface"] as const).filter((t) => m.offers[t]);
    if (types.length === 0) continue;
    const main = m.offers.Interface ?? (m.offers.Gateway as DumpOffer);
    const id = serviceIdFromName(name, region);
    services.set(name, {
      name,
      ...(id ? { id } : {}),
      types: new Set(types),
      ...(main.azNames ? { azNames: main.azNames } : {}),
      ...(main.azIds ? { azIds: main.azIds } : {}),
      ...(main.policySupported !== undefined ? { policySupported: main.policySupported } : {}),
      privateDnsNames: main.privateDnsNames,
      ...(main.owner ? { owner: main.owner } : {}),
      byType: m.offers,
    });
  }
  return { dump: { region, file, services }, problems };
}

/**
 * Reads every `<region>.json` in the folder (default: dumpDir()). A missing
 * folder is no dump at all, unless VPCE_CATALOG named it.
 */
export function loadDumps(dir?: string, env: NodeJS.ProcessEnv = process.env): LoadedDumps {
  const folder = dir ?? dumpDir(env);
  const problems: DumpProblem[] = [];
  const dumps = new Map<string, RegionDump>();
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const named = dir !== undefined || (env.VPCE_CATALOG !== undefined && env.VPCE_CATALOG.trim() !== "");
    if (code === "ENOENT" && !named) return { dir: folder, dumps, problems };
    problems.push({
      file: folder,
      severity: "error",
      code: code === "ENOENT" ? "DUMP_DIR_MISSING" : "DUMP_UNREADABLE",
      message:
        code === "ENOENT"
          ? `The region dump folder ${folder} does not exist.`
          : `Cannot read the region dump folder ${folder}: ${(e as Error).message}`,
    });
    return { dir: folder, dumps, problems };
  }
  const files = entries
    .filter((d) => d.isFile() && d.name.toLowerCase().endsWith(".json"))
    .map((d) => d.name)
    .sort();
  for (const name of files) {
    const file = path.join(folder, name);
    const region = name.slice(0, -".json".length);
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (e) {
      problems.push({
        file,
        severity: "error",
        code: "DUMP_UNREADABLE",
        message: `Cannot read ${file}: ${(e as Error).message}`,
      });
      continue;
    }
    const r = parseDump(text, file, region);
    problems.push(...r.problems);
    if (r.dump) dumps.set(region, r.dump);
  }
  return { dir: folder, dumps, problems };
}

/** The dump's entry for a catalog id and type, whatever its name (a dump may name a service differently). */
export function findInDump(dump: RegionDump, id: string, type: EndpointType): DumpService | undefined {
  for (const s of dump.services.values()) if (s.id === id && s.types.has(type)) return s;
  return undefined;
}

/** Where a dump offers a service for one type: the shape the planner's AZ placement takes. */
export interface DumpAzOffer {
  readonly azNames?: ReadonlySet<string>;
  readonly azIds?: ReadonlySet<string>;
  readonly source: string;
}

/** Where the dump's entry offers one type of a service, with the entry's position; undefined when it names no zones. */
export function azOfferOf(
  dump: RegionDump,
  entry: DumpService,
  type: EndpointType,
  file: string = dump.file,
): DumpAzOffer | undefined {
  const offer = entry.byType[type];
  if (!offer || (!offer.azNames && !offer.azIds)) return undefined;
  return {
    ...(offer.azNames ? { azNames: new Set(offer.azNames) } : {}),
    ...(offer.azIds ? { azIds: new Set(offer.azIds) } : {}),
    source: offer.line !== undefined ? `${file}:${offer.line}:${offer.col}` : file,
  };
}

/** A lookup by region, full name and type: undefined when no dump covers the region or it lacks the service/type. */
export function offerLookup(
  dumps: ReadonlyMap<string, RegionDump>,
): (region: string, serviceName: string, type: EndpointType) => DumpAzOffer | undefined {
  return (region, serviceName, type) => {
    const dump = dumps.get(region);
    const entry = dump?.services.get(serviceName);
    return dump && entry ? azOfferOf(dump, entry, type) : undefined;
  };
}
