/**
 * Endpoint inventories: the raw output of `aws ec2 describe-vpc-endpoints --region R` that a user records and
 * commits, one file per account and region (`inventory/<account>-<region>.json`, or `inventory/<region>.json`
 * for specs without an account). The shape is the EC2 API's VpcEndpoint as the AWS CLI prints it
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_VpcEndpoint.html): `VpcEndpointId`,
 * `VpcEndpointType`, `VpcId`, `ServiceName`, `State`, `PolicyDocument` (a JSON string), `RouteTableIds`,
 * `SubnetIds`, `Groups` ({GroupId, GroupName}), `PrivateDnsEnabled`, `IpAddressType`, `DnsOptions`, `Tags`
 * ({Key, Value}), `OwnerId`, `ServiceRegion`...; fields vpce does not read are ignored.
 *
 * Which endpoints count: those that exist and hold their name, route or DNS (states `available`, `pending`,
 * `pendingAcceptance`, `partial`); `deleting`, `deleted`, `rejected`, `failed` and `expired` ones are read but
 * never adopted nor counted in a conflict (AWS frees their private DNS name and routes, or never took them).
 * States are compared without case: the API reference spells them `Available`, the CLI prints `available`.
 *
 * Malformed files never throw: reading records what it found (./facts.ts) and the inventory rules
 * (src/rules/inventory/) turn that into diagnostics with file, line and column. The JSON is parsed by the
 * region dumps' parser (positions, nesting limit, comments and trailing commas refused).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { getRegion } from "../catalog";
import type { Diagnostic, Position } from "../diagnostics";
import { displayPath } from "../input/load";
import { jsonFolderPath, listJsonFolder } from "../json-folder";
import { parseJsonWithPositions, type JsonPositions } from "../region-dumps/json";
import { INVENTORY_RULES } from "../rules/inventory";
import { runRules } from "../rules/run";
import { GONE_STATES, LIVE_STATES, type BadInventoryEntry, type InventoryFileFacts } from "./facts";

/** One endpoint as the inventory records it. */
export interface ExistingEndpoint {
  readonly id: string;
  /** `Interface`, `Gateway`, `GatewayLoadBalancer`, `Resource`, `ServiceNetwork`, as written. */
  readonly type: string;
  readonly vpcId: string;
  readonly serviceName: string;
  /** As written (`available`, `pendingAcceptance`...). */
  readonly state: string;
  /** The state is one of LIVE_STATES. */
  readonly live: boolean;
  readonly privateDns?: boolean;
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly routeTableIds: readonly string[];
  /** The policy document as AWS returns it (a JSON string). */
  readonly policy?: string;
  readonly ipAddressType?: string;
  readonly dnsRecordIpType?: string;
  readonly privateDnsOnlyForInboundResolverEndpoint?: boolean;
  readonly serviceRegion?: string;
  readonly ownerId?: string;
  readonly requesterManaged?: boolean;
  readonly tags: Readonly<Record<string, string>>;
  /** Where the entry is: `inventory/111122223333-eu-central-1.json:12:5`. */
  readonly source: string;
}

export interface Inventory {
  readonly file: string;
  readonly account?: string;
  readonly region: string;
  /** Every well-formed entry, in file order. */
  readonly endpoints: readonly ExistingEndpoint[];
}

export interface LoadedInventories {
  readonly dir: string;
  /** By `<account>-<region>` or `<region>` (the file name without `.json`). */
  readonly inventories: ReadonlyMap<string, Inventory>;
  readonly diagnostics: readonly Diagnostic[];
}

/** An inventory's live endpoints of one account (or of all), as they are looked up by VPC and by id. */
export interface LiveEndpoints {
  /** The live endpoints of each VPC, in the inventory's order. */
  readonly liveByVpc: ReadonlyMap<string, readonly ExistingEndpoint[]>;
  /** The first live endpoint of each id. */
  readonly liveById: ReadonlyMap<string, ExistingEndpoint>;
}

/**
 * Indexes by inventory (its endpoints list) and account (`""`: all), made once: a search of the whole inventory per
 * VPC grew with VPCs times endpoints (a region's inventory of 20,000 endpoints, 1,000 VPCs: 4 s of planning).
 */
const liveIndexes = new WeakMap<readonly ExistingEndpoint[], Map<string, LiveEndpoints>>();

/**
 * The live endpoints of an inventory, indexed once: of `account` only, when given (those it owns, or whose owner is
 * not recorded: a `<region>.json` inventory may list several accounts'), else all.
 */
export function liveEndpoints(opts: { endpoints: readonly ExistingEndpoint[]; account?: string }): LiveEndpoints {
  const { endpoints, account } = opts;
  let byAccount = liveIndexes.get(endpoints);
  if (!byAccount) liveIndexes.set(endpoints, (byAccount = new Map()));
  let index = byAccount.get(account ?? "");
  if (!index) {
    const liveByVpc = new Map<string, ExistingEndpoint[]>();
    const liveById = new Map<string, ExistingEndpoint>();
    for (const e of endpoints) {
      if (!e.live || (account && e.ownerId && e.ownerId !== account)) continue;
      const ofVpc = liveByVpc.get(e.vpcId);
      if (ofVpc) ofVpc.push(e);
      else liveByVpc.set(e.vpcId, [e]);
      if (!liveById.has(e.id)) liveById.set(e.id, e);
    }
    byAccount.set(account ?? "", (index = { liveByVpc, liveById }));
  }
  return index;
}

/** Largest inventory read (describe-vpc-endpoints prints about 3 KB per endpoint: 64 MiB is some 20,000). */
export const MAX_INVENTORY_BYTES = 64 * 1024 * 1024;

const FILE_NAME = /^(?:(\d{12})-)?([a-z]{2}(?:-[a-z]+)+-\d+)\.json$/;

/** The inventory that describes a stack: `<account>-<region>` when the spec has an account and that file exists. */
export function inventoryFor(
  inventories: ReadonlyMap<string, Inventory>,
  stack: { region: string; account?: string },
): Inventory | undefined {
  return (
    (stack.account ? inventories.get(`${stack.account}-${stack.region}`) : undefined) ?? inventories.get(stack.region)
  );
}

interface Recorder {
  readonly positions: JsonPositions;
  readonly bad: BadInventoryEntry[];
}

function posOf(rec: Recorder, pointer: string): { pos?: Position } {
  const p = rec.positions.get(pointer);
  return p ? { pos: p } : {};
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === "object" && !Array.isArray(v);
}

/** Reads one VpcEndpoints entry; undefined (and a bad entry recorded) when it cannot be used. */
function readEntry(opts: { rec: Recorder; index: number; raw: unknown; shown: string }): ExistingEndpoint | undefined {
  const { rec, index, raw } = opts;
  const at = `/VpcEndpoints/${index}`;
  if (!isObject(raw)) {
    rec.bad.push({ kind: "not-object", index, ...posOf(rec, at) });
    return undefined;
  }
  for (const field of ["VpcEndpointId", "VpcEndpointType", "VpcId", "ServiceName", "State"])
    if (typeof raw[field] !== "string" || raw[field] === "") {
      rec.bad.push({ kind: "missing", index, field, ...posOf(rec, raw[field] === undefined ? at : `${at}/${field}`) });
      return undefined;
    }
  const id = raw.VpcEndpointId as string;
  let ok = true;
  const wrong = (field: string, expected: string) => {
    rec.bad.push({ kind: "wrong-type", id, field, expected, ...posOf(rec, `${at}/${field}`) });
    ok = false;
  };
  const strings = (field: string): string[] => {
    const v = raw[field];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) {
      wrong(field, "a list of strings");
      return [];
    }
    return v as string[];
  };
  const optional = <T>(field: string, type: "string" | "boolean", from: Record<string, unknown> = raw) => {
    const v = from[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== type) wrong(field, type === "string" ? "a string" : "true or false");
    return typeof v === type ? (v as T) : undefined;
  };
  const subnetIds = strings("SubnetIds");
  const routeTableIds = strings("RouteTableIds");
  const securityGroupIds: string[] = [];
  if (raw.Groups !== undefined && raw.Groups !== null) {
    if (!Array.isArray(raw.Groups) || raw.Groups.some((g) => !isObject(g) || typeof g.GroupId !== "string"))
      wrong("Groups", 'a list of {"GroupId": "sg-..."}');
    else securityGroupIds.push(...raw.Groups.map((g) => (g as { GroupId: string }).GroupId));
  }
  const tags: Record<string, string> = {};
  if (raw.Tags !== undefined && raw.Tags !== null) {
    if (
      !Array.isArray(raw.Tags) ||
      raw.Tags.some((t) => !isObject(t) || typeof t.Key !== "string" || typeof t.Value !== "string")
    )
      wrong("Tags", 'a list of {"Key": "...", "Value": "..."}');
    else for (const t of raw.Tags as { Key: string; Value: string }[]) tags[t.Key] = t.Value;
  }
  let dnsRecordIpType: string | undefined;
  let onlyInbound: boolean | undefined;
  if (raw.DnsOptions !== undefined && raw.DnsOptions !== null) {
    if (!isObject(raw.DnsOptions)) wrong("DnsOptions", "an object");
    else {
      dnsRecordIpType = optional<string>("DnsRecordIpType", "string", raw.DnsOptions);
      onlyInbound = optional<boolean>("PrivateDnsOnlyForInboundResolverEndpoint", "boolean", raw.DnsOptions);
    }
  }
  const privateDns = optional<boolean>("PrivateDnsEnabled", "boolean");
  const requesterManaged = optional<boolean>("RequesterManaged", "boolean");
  const policy = optional<string>("PolicyDocument", "string");
  const ipAddressType = optional<string>("IpAddressType", "string");
  const serviceRegion = optional<string>("ServiceRegion", "string");
  const ownerId = optional<string>("OwnerId", "string");
  const state = raw.State as string;
  const lower = state.toLowerCase();
  if (!LIVE_STATES.has(lower) && !GONE_STATES.has(lower)) {
    rec.bad.push({ kind: "unknown-state", id, state, ...posOf(rec, `${at}/State`) });
    ok = false;
  }
  if (!ok) return undefined;
  const pos = rec.positions.get(at);
  return {
    id,
    type: raw.VpcEndpointType as string,
    vpcId: raw.VpcId as string,
    serviceName: raw.ServiceName as string,
    state,
    live: LIVE_STATES.has(lower),
    ...(privateDns !== undefined ? { privateDns } : {}),
    subnetIds,
    securityGroupIds,
    routeTableIds,
    ...(policy !== undefined ? { policy } : {}),
    ...(ipAddressType !== undefined ? { ipAddressType } : {}),
    ...(dnsRecordIpType !== undefined ? { dnsRecordIpType } : {}),
    ...(onlyInbound !== undefined ? { privateDnsOnlyForInboundResolverEndpoint: onlyInbound } : {}),
    ...(serviceRegion !== undefined ? { serviceRegion } : {}),
    ...(ownerId !== undefined ? { ownerId } : {}),
    ...(requesterManaged !== undefined ? { requesterManaged } : {}),
    tags,
    source: pos ? `${opts.shown}:${pos.line}:${pos.col}` : opts.shown,
  };
}

/** Reads one inventory's text, recording what it finds. No inventory when the file is not the API's JSON. */
export function readInventoryText(opts: { text: string; file: string }): {
  facts: InventoryFileFacts;
  inventory?: Inventory;
} {
  const { text, file } = opts;
  const shown = displayPath(file);
  const name = FILE_NAME.exec(path.basename(file));
  const base = {
    file,
    shown,
    ...(name ? { region: name[2], ...(name[1] ? { account: name[1] } : {}) } : { badName: true }),
    ...(name && !getRegion(name[2]) ? { unknownRegion: true } : {}),
    badEntries: [],
    duplicates: [],
    otherAccount: [],
  };
  if (!name) return { facts: base };
  const parsed = parseJsonWithPositions(text);
  if ("error" in parsed) return { facts: { ...base, syntaxError: parsed.error } };
  const rec: Recorder = { positions: parsed.positions, bad: [] };
  const root = parsed.value;
  if (!isObject(root) || !Array.isArray(root.VpcEndpoints))
    return { facts: { ...base, notTheApiShape: posOf(rec, "") } };
  const nextToken = typeof root.NextToken === "string" && root.NextToken !== "" ? posOf(rec, "/NextToken") : undefined;
  const seen = new Set<string>();
  const duplicates: { id: string; pos?: Position }[] = [];
  const otherAccount: { id: string; owner: string; pos?: Position }[] = [];
  const endpoints: ExistingEndpoint[] = [];
  root.VpcEndpoints.forEach((raw: unknown, index: number) => {
    const e = readEntry({ rec, index, raw, shown });
    if (!e) return;
    const at = posOf(rec, `/VpcEndpoints/${index}`);
    if (seen.has(e.id)) return void duplicates.push({ id: e.id, ...at });
    seen.add(e.id);
    if (name[1] && e.ownerId !== undefined && e.ownerId !== name[1])
      return void otherAccount.push({ id: e.id, owner: e.ownerId, ...posOf(rec, `/VpcEndpoints/${index}/OwnerId`) });
    endpoints.push(e);
  });
  const facts: InventoryFileFacts = {
    ...base,
    ...(nextToken ? { nextToken } : {}),
    badEntries: rec.bad,
    duplicates,
    otherAccount,
  };
  return { facts, inventory: { file, ...(name[1] ? { account: name[1] } : {}), region: name[2], endpoints } };
}

/** Where inventories are looked for: VPCE_INVENTORY (relative to the working directory), else `inventory/` there. */
function inventoryFolder(env: NodeJS.ProcessEnv): { dir: string; named: boolean } {
  return jsonFolderPath({ env, variable: "VPCE_INVENTORY", fallback: "inventory" });
}

/** The folder of inventories (see inventoryFolder). */
export function inventoryDir(env: NodeJS.ProcessEnv = process.env): string {
  return inventoryFolder(env).dir;
}

/**
 * Reads every inventory of the folder: `dir`, else VPCE_INVENTORY (relative to the working directory), else
 * `inventory/`. A missing folder is no inventory at all, unless it was named.
 */
export function loadInventories(opts: { dir?: string; env?: NodeJS.ProcessEnv } = {}): LoadedInventories {
  const where = opts.dir !== undefined ? { dir: opts.dir, named: true } : inventoryFolder(opts.env ?? process.env);
  const { folder, files } = listJsonFolder(where);
  const read = files.map((file) => {
    const unread = { file, shown: displayPath(file), badEntries: [], duplicates: [], otherAccount: [] };
    let text: string;
    try {
      const bytes = fs.statSync(file).size;
      if (bytes > MAX_INVENTORY_BYTES) return { facts: { ...unread, tooLarge: { bytes, max: MAX_INVENTORY_BYTES } } };
      text = fs.readFileSync(file, "utf8");
    } catch (e) {
      return { facts: { ...unread, readError: (e as Error).message } };
    }
    return readInventoryText({ text, file });
  });
  const diagnostics = runRules(INVENTORY_RULES, { folder, files: read.map((r) => r.facts) });
  const inventories = new Map<string, Inventory>();
  for (const r of read)
    if (r.inventory) inventories.set(path.basename(r.inventory.file).slice(0, -".json".length), r.inventory);
  return { dir: folder.dir, inventories, diagnostics };
}
