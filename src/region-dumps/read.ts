/**
 * Region dumps: the raw output of `aws ec2 describe-vpc-endpoint-services
 * --region R > catalog/R.json` that a user records and commits. Where a dump
 * exists for a region it is the authority on names, types, AZs and policy
 * support (docs/SPEC-FORMAT.md, "Region dumps").
 *
 * Both shapes are read: old ones (no AvailabilityZoneIds, ServiceId,
 * SupportedIpAddressTypes) and new ones. A service with two types appears twice
 * (S3: Gateway and Interface); both entries are kept, by type.
 * Malformed files never throw: reading records what it found (./facts.ts) and
 * the region-dumps rules (src/rules/region-dumps/) turn that into diagnostics
 * with file, line and column.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { allServices, getRegion, knownPrefixes, serviceNames, type EndpointType } from "../catalog";
import { servicesWithId } from "../catalog/dump-ids";
import type { Diagnostic, Position } from "../diagnostics";
import { displayPath } from "../input/load";
import { by } from "../order";
import { REGION_DUMP_RULES } from "../rules/region-dumps";
import { runRules } from "../rules/run";
import type { BadEntry, DumpFileFacts, DumpFolderFacts, DumpsSubject } from "./facts";
import { parseJsonWithPositions, type JsonPositions } from "./json";
import { jsonFolderPath, listJsonFolder } from "../json-folder";

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

export interface LoadedDumps {
  /** The folder that was read. */
  readonly dir: string;
  /** Dumps by region. */
  readonly dumps: ReadonlyMap<string, RegionDump>;
  /** What the region-dumps rules found in the folder and its files. */
  readonly diagnostics: readonly Diagnostic[];
}

/** The folder of region dumps: `VPCE_CATALOG` (relative to cwd), else `catalog/` under cwd. */
export function dumpDir(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  return jsonFolderPath({ env, variable: "VPCE_CATALOG", fallback: "catalog", cwd }).dir;
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
 * dump's new services get ids by the same rule, docs/AWS-RULES.md "Service names").
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

/** What reading one file has recorded so far. */
interface Recorder {
  readonly positions: JsonPositions;
  readonly badEntries: BadEntry[];
}

/** The position of a JSON Pointer, when the file has that value. */
function posOf(rec: Recorder, pointer: string): { pos?: Position } {
  const p = rec.positions.get(pointer);
  return p ? { pos: p } : {};
}

function stringList(
  rec: Recorder,
  opts: { pointer: string; value: unknown; name: string; field: string },
): string[] | undefined {
  const { pointer, value: v, name, field } = opts;
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) {
    rec.badEntries.push({ kind: "not-string-list", name, field, ...posOf(rec, pointer) });
    return undefined;
  }
  return v as string[];
}

function readEntry(rec: Recorder, index: number, raw: unknown): { name: string; offers: DumpOffer[] } | undefined {
  const at = `/ServiceDetails/${index}`;
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    rec.badEntries.push({ kind: "not-object", index, ...posOf(rec, at) });
    return undefined;
  }
  const e = raw as Record<string, unknown>;
  if (typeof e.ServiceName !== "string" || e.ServiceName === "") {
    rec.badEntries.push({ kind: "no-name", index, ...posOf(rec, at) });
    return undefined;
  }
  const name = e.ServiceName;
  if (!Array.isArray(e.ServiceType) || e.ServiceType.length === 0) {
    rec.badEntries.push({ kind: "no-types", name, ...posOf(rec, `${at}/ServiceType`) });
    return undefined;
  }
  const types: EndpointType[] = [];
  e.ServiceType.forEach((t: unknown, j: number) => {
    const v = t && typeof t === "object" ? (t as Record<string, unknown>).ServiceType : undefined;
    if (typeof v !== "string")
      rec.badEntries.push({ kind: "type-not-string", name, typeIndex: j, ...posOf(rec, `${at}/ServiceType/${j}`) });
    else if (TYPES.has(v)) types.push(v as EndpointType);
    // Other types (GatewayLoadBalancer) are not endpoints vpce plans: skipped.
  });
  const list = (field: string) => stringList(rec, { pointer: `${at}/${field}`, value: e[field], name, field });
  const azNames = list("AvailabilityZones");
  const azIds = list("AvailabilityZoneIds");
  const ipAddressTypes = list("SupportedIpAddressTypes");
  let policySupported: boolean | undefined;
  if (typeof e.VpcEndpointPolicySupported === "boolean") policySupported = e.VpcEndpointPolicySupported;
  else if (e.VpcEndpointPolicySupported !== undefined)
    rec.badEntries.push({ kind: "policy-not-boolean", name, ...posOf(rec, `${at}/VpcEndpointPolicySupported`) });
  const dns = new Set<string>();
  if (typeof e.PrivateDnsName === "string") dns.add(e.PrivateDnsName);
  if (Array.isArray(e.PrivateDnsNames)) {
    for (const d of e.PrivateDnsNames) {
      const v = d && typeof d === "object" ? (d as Record<string, unknown>).PrivateDnsName : undefined;
      if (typeof v === "string") dns.add(v);
    }
  }
  const pos = rec.positions.get(at);
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

/** One dump file as read: its facts, and the dump when the file could be used. */
interface ReadDump {
  readonly facts: DumpFileFacts;
  readonly dump?: RegionDump;
}

/**
 * Reads one dump's text, recording what it finds. No dump when the file is not
 * JSON, not the API's shape, or lists another region's services.
 */
function readDumpText(opts: { text: string; file: string; region: string }): ReadDump {
  const { text, file, region } = opts;
  const base = { file, shown: displayPath(file), region, badEntries: [], duplicates: [], unlisted: [] };
  const parsed = parseJsonWithPositions(text);
  if ("error" in parsed) return { facts: { ...base, syntaxError: parsed.error } };
  const rec: Recorder = { positions: parsed.positions, badEntries: [] };
  const root = parsed.value;
  if (
    !root ||
    typeof root !== "object" ||
    Array.isArray(root) ||
    !Array.isArray((root as Record<string, unknown>).ServiceDetails)
  ) {
    return { facts: { ...base, notTheApiShape: posOf(rec, "") } };
  }
  const r = root as Record<string, unknown>;
  const nextToken = typeof r.NextToken === "string" && r.NextToken !== "" ? posOf(rec, "/NextToken") : undefined;
  const unknownRegion = getRegion(region) ? undefined : posOf(rec, "");

  const duplicates: { name: string; type: EndpointType; pos?: Position }[] = [];
  const merged = new Map<string, { offers: Partial<Record<EndpointType, DumpOffer>> }>();
  (r.ServiceDetails as unknown[]).forEach((raw, index) => {
    const entry = readEntry(rec, index, raw);
    if (!entry) return;
    const m = merged.get(entry.name) ?? { offers: {} };
    for (const offer of entry.offers) {
      const prev = m.offers[offer.type];
      if (prev) {
        duplicates.push({ name: entry.name, type: offer.type, ...posOf(rec, `/ServiceDetails/${index}`) });
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

  const unlisted: { name: string; pos?: Position }[] = [];
  if (Array.isArray(r.ServiceNames)) {
    r.ServiceNames.forEach((n: unknown, j: number) => {
      if (typeof n === "string" && !merged.has(n)) unlisted.push({ name: n, ...posOf(rec, `/ServiceNames/${j}`) });
    });
  }
  const facts: DumpFileFacts = {
    ...base,
    ...(nextToken ? { nextToken } : {}),
    ...(unknownRegion ? { unknownRegion } : {}),
    badEntries: rec.badEntries,
    duplicates,
    unlisted,
  };

  // A file named after one region holding another region's list is a mistake worth stopping on.
  const names = [...merged.keys()];
  const own = names.filter((n) => n.includes(`.${region}.`)).length;
  if (names.length > 0 && own === 0) {
    const other = /^(?:[a-z]+\.)*?[a-z]+\.((?:[a-z]+-)+[a-z]+-\d+)\./.exec(
      names.find((n) => !n.startsWith("com.amazonaws.vpce.")) ?? names[0],
    );
    if (other && other[1] !== region)
      return { facts: { ...facts, otherRegion: { region: other[1], ...posOf(rec, "") } } };
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
  return { facts, dump: { region, file, services } };
}

/**
 * Reads one dump. `region` is the file's region (its name without `.json`).
 * Returns no dump when the file cannot be used at all.
 */
export function parseDump(opts: { text: string; file: string; region: string }): {
  dump?: RegionDump;
  diagnostics: Diagnostic[];
} {
  const r = readDumpText(opts);
  const subject: DumpsSubject = { files: [r.facts] };
  return { ...(r.dump ? { dump: r.dump } : {}), diagnostics: runRules(REGION_DUMP_RULES, subject) };
}

/** Lists the folder: its facts, and the dump files in it. */
function readDumpFolder(opts: { dir?: string; env: NodeJS.ProcessEnv }): { folder: DumpFolderFacts; files: string[] } {
  const where =
    opts.dir !== undefined
      ? { dir: opts.dir, named: true }
      : jsonFolderPath({ env: opts.env, variable: "VPCE_CATALOG", fallback: "catalog" });
  return listJsonFolder(where);
}

/**
 * Reads every `<region>.json` in the folder (default: dumpDir()). A missing
 * folder is no dump at all, unless it was named (argument or VPCE_CATALOG).
 */
export function loadDumps(opts: { dir?: string; env?: NodeJS.ProcessEnv } = {}): LoadedDumps {
  const { folder, files } = readDumpFolder({ dir: opts.dir, env: opts.env ?? process.env });
  const read = files.map((file): ReadDump => {
    const region = path.basename(file).slice(0, -".json".length);
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (e) {
      const facts = { file, shown: displayPath(file), region, badEntries: [], duplicates: [], unlisted: [] };
      return { facts: { ...facts, readError: (e as Error).message } };
    }
    return readDumpText({ text, file, region });
  });
  const diagnostics = runRules(REGION_DUMP_RULES, { folder, files: read.map((r) => r.facts) });
  const dumps = new Map(read.flatMap((r) => (r.dump ? [[r.dump.region, r.dump] as const] : [])));
  return { dir: folder.dir, dumps, diagnostics };
}

/** The dump's entry for a catalog id and type, whatever its name (a dump may name a service differently). */
export function findInDump(dump: RegionDump, id: string, type: EndpointType): DumpService | undefined {
  return servicesWithId(dump.services, id).find((s) => s.types.has(type));
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
