/**
 * Adoption: which existing endpoints (from the stack's inventory) the planned ones take over, what the first apply
 * changes on them, which existing endpoints no spec asks for, the ones `retire:` removes, and the conflicts AWS
 * would refuse at apply. Pure; the plan rule adoption-conflicts (and retire-entries) judge the result.
 *
 * An existing endpoint matches a planned one when VPC id, service name and type agree (and the service region,
 * the stack's own when unset). Only live endpoints count (inventory/read.ts: available, pending,
 * pendingAcceptance, partial). Matching never looks at subnets, groups, DNS or policy: those the first apply
 * changes in place (planner/replacements.ts says which arguments would replace instead).
 */
import { liveEndpoints, type ExistingEndpoint } from "../../inventory/read";
import type { RetireEntry, VpcModel } from "../../input/spec-model";
import type { Adoption, EndpointChange, EndpointPlan, ExistingEndpointPlan, RetiredEndpointPlan } from "../plan";
import { ENDPOINT_REPLACEMENT, replaces, type ReplacementTable } from "../replacements";
import { by } from "../../order";

export type AdoptionConflict =
  /** Two or more existing endpoints match one planned endpoint: which one to adopt is not vpce's guess. */
  | { readonly kind: "ambiguous"; readonly address: string; readonly existing: readonly ExistingEndpoint[] }
  /** A second interface endpoint with private DNS for one service in one VPC: AWS refuses the name. */
  | { readonly kind: "private-dns"; readonly address: string; readonly existing: ExistingEndpoint }
  /** A second gateway endpoint for one service on one route table: AWS refuses the route. */
  | {
      readonly kind: "route-table";
      readonly address: string;
      readonly existing: ExistingEndpoint;
      readonly routeTables: readonly string[];
    };

export type RetireFinding = { readonly entry: RetireEntry } &
  /** The inventory has no live endpoint of that id: already gone (delete the entry), or never there. */
  (
    | { readonly kind: "not-found" }
    /** The endpoint is in another VPC of the inventory. */
    | { readonly kind: "other-vpc"; readonly existing: ExistingEndpoint }
    /** vpce retires Interface and Gateway endpoints only. */
    | { readonly kind: "unsupported-type"; readonly existing: ExistingEndpoint }
  );

export interface AdoptionDecision {
  /** The inventory's display path. */
  readonly inventory: string;
  /** By planned endpoint address. */
  readonly adopted: ReadonlyMap<string, Adoption>;
  /** Every live endpoint of the VPC with its action, by id. */
  readonly existing: readonly ExistingEndpointPlan[];
  readonly retired: readonly RetiredEndpointPlan[];
  readonly conflicts: readonly AdoptionConflict[];
  readonly retireFindings: readonly RetireFinding[];
}

export interface AdoptionOptions {
  readonly vpc: VpcModel;
  /** The VPC's planned endpoints. */
  readonly planned: readonly EndpointPlan[];
  /** Every endpoint of the stack's inventory (all VPCs: a retire entry may name one of another VPC). */
  readonly inventory: { readonly file: string; readonly endpoints: readonly ExistingEndpoint[] };
  /**
   * The stack's account: of the inventory's endpoints, only those it owns (or whose owner is not recorded) are its
   * own (a `<region>.json` inventory may list several accounts'). Default: every endpoint.
   */
  readonly account?: string;
  readonly region: string;
  /** The stack's tags (provider default_tags), which every endpoint carries. */
  readonly stackTags: Readonly<Record<string, string>>;
  /** Which arguments replace the endpoint; default: the proven aws_vpc_endpoint table. */
  readonly replacement?: ReplacementTable;
}

function sameService(p: EndpointPlan, e: ExistingEndpoint, region: string): boolean {
  return (
    e.type === p.type && e.serviceName === p.serviceName && (e.serviceRegion ?? region) === (p.serviceRegion ?? region)
  );
}

export function decideAdoption(opts: AdoptionOptions): AdoptionDecision {
  const { vpc, planned, region } = opts;
  const table = opts.replacement ?? ENDPOINT_REPLACEMENT;
  const index = liveEndpoints({ endpoints: opts.inventory.endpoints, account: opts.account });
  // by id: the plan does not depend on the order the inventory lists endpoints in
  const live = [...(index.liveByVpc.get(vpc.id) ?? [])].sort(by((e) => e.id));
  const retire = vpc.retire ?? new Map<string, RetireEntry>();
  const candidates = live.filter((e) => !retire.has(e.id));
  const adopted = new Map<string, Adoption>();
  const adoptedIds = new Map<string, string>();
  const conflicts: AdoptionConflict[] = [];
  const conflicted = new Map<string, string>();
  for (const p of planned) {
    const matches = candidates.filter((e) => sameService(p, e, region));
    if (matches.length > 1) {
      conflicts.push({ kind: "ambiguous", address: p.address, existing: matches });
      for (const m of matches) conflicted.set(m.id, p.address);
    } else if (matches.length === 1) {
      adopted.set(p.address, adoptionOf({ planned: p, existing: matches[0], stackTags: opts.stackTags, table }));
      adoptedIds.set(matches[0].id, p.address);
    }
  }
  for (const p of planned) {
    for (const e of live) {
      if (adoptedIds.get(e.id) === p.address || conflicted.has(e.id) || e.serviceName !== p.serviceName) continue;
      if (p.type === "Interface" && p.privateDns && e.type === "Interface" && e.privateDns === true) {
        conflicts.push({ kind: "private-dns", address: p.address, existing: e });
        conflicted.set(e.id, p.address);
      } else if (p.type === "Gateway" && e.type === "Gateway") {
        const shared = p.routeTableIds.filter((r) => e.routeTableIds.includes(r));
        if (shared.length > 0) {
          conflicts.push({ kind: "route-table", address: p.address, existing: e, routeTables: shared });
          conflicted.set(e.id, p.address);
        }
      }
    }
  }
  const retireFindings: RetireFinding[] = [];
  const retired: RetiredEndpointPlan[] = [];
  for (const entry of retire.values()) {
    const e = index.liveById.get(entry.id);
    if (!e) retireFindings.push({ entry, kind: "not-found" });
    else if (e.vpcId !== vpc.id) retireFindings.push({ entry, kind: "other-vpc", existing: e });
    else if (e.type !== "Interface" && e.type !== "Gateway")
      retireFindings.push({ entry, kind: "unsupported-type", existing: e });
    else if (entry.step === "adopt") retired.push(retiredOf({ vpc: vpc.name, existing: e }));
  }
  const retiredIds = new Set(retired.map((r) => r.endpointId));
  const existing = live.map((e): ExistingEndpointPlan => {
    const base = { endpointId: e.id, serviceName: e.serviceName, type: e.type, state: e.state, source: e.source };
    const conflictWith = conflicted.get(e.id);
    const adoptedBy = adoptedIds.get(e.id);
    const service = planned.find((p) => p.address === (conflictWith ?? adoptedBy))?.service;
    if (conflictWith !== undefined)
      return { ...base, service, action: "conflict", address: conflictWith, changes: [], notes: [] };
    if (adoptedBy !== undefined) {
      const a = adopted.get(adoptedBy) as Adoption;
      return { ...base, service, action: "adopt", address: adoptedBy, changes: a.changes, notes: a.notes };
    }
    const step = retire.get(e.id)?.step;
    if (step === "adopt" && retiredIds.has(e.id))
      return {
        ...base,
        action: "retire",
        address: `${vpc.name}_retired_${e.id}`,
        changes: [],
        notes: ["step 1 of 2: imported as it is; after this apply, set it to delete"],
      };
    if (step === "delete")
      return {
        ...base,
        action: "delete",
        changes: [],
        notes: ["step 2 of 2: destroyed by the next apply (if step 1 was applied; else left alone)"],
      };
    return {
      ...base,
      action: "unrequested",
      changes: [],
      notes: ["no spec asks for it: left as it is, outside Terraform (list it under retire: to remove it)"],
    };
  });
  return { inventory: opts.inventory.file, adopted, existing, retired, conflicts, retireFindings };
}

function retiredOf(opts: { vpc: string; existing: ExistingEndpoint }): RetiredEndpointPlan {
  const e = opts.existing;
  return {
    address: `${opts.vpc}_retired_${e.id}`,
    endpointId: e.id,
    vpcId: e.vpcId,
    serviceName: e.serviceName,
    type: e.type as "Interface" | "Gateway",
    subnetIds: [...e.subnetIds].sort(),
    securityGroupIds: [...e.securityGroupIds].sort(),
    routeTableIds: [...e.routeTableIds].sort(),
    ...(e.privateDns !== undefined ? { privateDns: e.privateDns } : {}),
    ...(e.policy !== undefined ? { policy: e.policy } : {}),
    ...(e.ipAddressType !== undefined ? { ipAddressType: e.ipAddressType } : {}),
    ...(e.serviceRegion !== undefined ? { serviceRegion: e.serviceRegion } : {}),
    tags: e.tags,
  };
}

/**
 * canonicalJson by text: an organisation's endpoints share a few policies (the org-only one, AWS's default), and
 * each adoption compares two (about 20 µs each: 0.4 s for 20,000 adoptions). Bounded: cleared past CANONICAL_LIMIT
 * texts.
 */
const canonical = new Map<string, string | undefined>();
const CANONICAL_LIMIT = 1024;

function canonicalJson(text: string): string | undefined {
  if (canonical.has(text)) return canonical.get(text);
  if (canonical.size >= CANONICAL_LIMIT) canonical.clear();
  const c = canonicalOf(text);
  canonical.set(text, c);
  return c;
}

/** A JSON value with object keys sorted, as text: two policies that differ only in key order or spacing agree. */
function canonicalOf(text: string): string | undefined {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === "object")
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    return v;
  };
  try {
    return JSON.stringify(sort(JSON.parse(text)));
  } catch {
    return undefined;
  }
}

/** AWS's default endpoint policy: any principal, any action, any resource (one statement, no condition). */
function isFullAccess(text: string): boolean {
  try {
    const doc = JSON.parse(text) as { Statement?: unknown };
    const s = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
    return (
      s.length === 1 &&
      canonicalJson(JSON.stringify(s[0])) ===
        canonicalJson(JSON.stringify({ Action: "*", Effect: "Allow", Principal: "*", Resource: "*" }))
    );
  } catch {
    return false;
  }
}

function list(ids: readonly string[]): string {
  return ids.length > 0 ? [...ids].sort().join(", ") : "none";
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

function tagText(tags: Readonly<Record<string, string>>): string {
  const keys = Object.keys(tags).sort();
  return keys.length > 0 ? keys.map((k) => `${k}=${tags[k]}`).join(", ") : "none";
}

/** What the first apply changes on `existing` to make it `planned`, argument by argument. */
export function adoptionOf(opts: {
  planned: EndpointPlan;
  existing: ExistingEndpoint;
  stackTags: Readonly<Record<string, string>>;
  table: ReplacementTable;
}): Adoption {
  const { planned: p, existing: e, table } = opts;
  const changes: EndpointChange[] = [];
  const notes: string[] = [];
  const change = (argument: string, from: string, to: string) =>
    changes.push({ argument, from, to, replaces: replaces(table, argument) });
  if (e.vpcId !== p.vpcId) change("vpc_id", e.vpcId, p.vpcId);
  if (e.serviceName !== p.serviceName) change("service_name", e.serviceName, p.serviceName);
  if (e.type !== p.type) change("vpc_endpoint_type", e.type, p.type);
  // service_region is optional and computed: unset in the configuration, the endpoint's own is kept
  if (p.serviceRegion !== undefined && e.serviceRegion !== p.serviceRegion)
    change("service_region", e.serviceRegion ?? "the endpoint's region", p.serviceRegion);
  if (p.type === "Interface") {
    const subnets = p.subnets.map((s) => s.subnetId);
    if (!sameSet(e.subnetIds, subnets)) change("subnet_ids", list(e.subnetIds), list(subnets));
    const groups = p.securityGroups.map((g) => `aws_security_group.${g.address}`);
    change("security_group_ids", list(e.securityGroupIds), `vpce's own: ${groups.join(", ")}`);
    if (e.securityGroupIds.length > 0)
      notes.push(
        `security groups ${list(e.securityGroupIds)} are detached from the endpoint, not deleted (vpce creates its ` +
          "own, least-privilege groups): delete them once nothing else uses them",
      );
    if ((e.privateDns ?? false) !== p.privateDns)
      change("private_dns_enabled", String(e.privateDns ?? false), String(p.privateDns));
    if (
      p.privateDnsOnlyForInboundResolverEndpoint !== undefined &&
      (e.privateDnsOnlyForInboundResolverEndpoint ?? false) !== p.privateDnsOnlyForInboundResolverEndpoint
    )
      change(
        "dns_options.private_dns_only_for_inbound_resolver_endpoint",
        String(e.privateDnsOnlyForInboundResolverEndpoint ?? false),
        String(p.privateDnsOnlyForInboundResolverEndpoint),
      );
    const pinned = p.subnets.filter((s) => s.ipv4 !== undefined);
    if (pinned.length > 0)
      change(
        "subnet_configuration",
        "not recorded (describe-vpc-endpoints lists no ENI addresses)",
        pinned.map((s) => `${s.ipv4} in ${s.subnetId}`).join(", "),
      );
  } else if (!sameSet(e.routeTableIds, p.routeTableIds)) {
    change("route_table_ids", list(e.routeTableIds), list(p.routeTableIds));
  }
  // ip_address_type and dns_options are optional and computed: compared only where the plan sets them
  if (p.ipAddressType !== undefined && (e.ipAddressType ?? "ipv4") !== p.ipAddressType)
    change("ip_address_type", e.ipAddressType ?? "ipv4", p.ipAddressType);
  if (p.dnsRecordIpType !== undefined && e.dnsRecordIpType !== p.dnsRecordIpType)
    change("dns_options.dns_record_ip_type", e.dnsRecordIpType ?? "unset", p.dnsRecordIpType);
  const policy = p.policy.document;
  if (policy !== undefined) {
    if (e.policy === undefined || canonicalJson(e.policy) !== canonicalJson(policy))
      change(
        "policy",
        e.policy === undefined ? "none" : isFullAccess(e.policy) ? "full access" : "another policy",
        p.policy.kind === "file" ? `${p.policy.source}` : p.policy.kind,
      );
  } else if (e.policy !== undefined && !isFullAccess(e.policy)) {
    // policy is optional and computed: without one in the configuration, Terraform keeps the endpoint's
    notes.push(
      `its policy is not full access and stays as it is: the plan sets none (${p.policy.kind}); set ` +
        "endpoints.<service>.policy to manage it",
    );
  }
  const tags = { ...opts.stackTags, ...p.tags, Name: p.key.replace(/\//g, "-"), "vpce:service": p.service };
  if (tagText(e.tags) !== tagText(tags)) change("tags", tagText(e.tags), tagText(tags));
  return { endpointId: e.id, source: e.source, changes, notes };
}
