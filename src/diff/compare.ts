/**
 * What changes between two plans (the specs at a base ref and in the working tree), per stack and VPC: endpoints
 * added, removed and changed; their security group rules, route table attachments, ENI subnets, DNS settings,
 * policies and any other planned setting. Pure: plans in, a PlanDiff out; it reads the Plan, never Terraform JSON.
 *
 * What Terraform will replace or destroy is derived from the proven table (./replacements.ts) and marked as an
 * outage with the subnets that lose access meanwhile. Renames: a declared one (`movedFrom` in the plan) pairs the
 * old address with the new one; an undeclared one (the same VPC id, service and type under a new address, or a
 * rule of the same subnet CIDR under a new subnet name) is a destroy and a create, with the `renamedFrom` that
 * would avoid it. A stack whose name changed has a new state: everything in it is destroyed and created.
 */
import type { EndpointPlan, IngressRule, Plan, SecurityGroupPlan, StackPlan } from "../planner/plan";
import { SECURITY_GROUP_IGNORED_CHANGES } from "../planner/plan";
import { forcesReplacement, type ResourceType } from "../planner/replacements";
import { diffHubStack, removedForHub } from "./hub";

export type Category =
  | "endpoint"
  | "security-group"
  | "security-group-rule"
  | "route-table"
  | "eni-subnet"
  | "dns"
  | "policy"
  | "setting"
  | "hub-zone"
  | "hub-record"
  | "hub-association"
  | "hub-service";

/** One added, removed or changed item. */
export interface Change {
  readonly category: Category;
  readonly kind: "added" | "removed" | "changed";
  /** What changed, e.g. `rtb-0123... (app-a)` or `private DNS`. */
  readonly what: string;
  readonly before?: string;
  readonly after?: string;
}

/** A resource Terraform destroys (and for a replacement creates again): clients lose access in between. */
export interface Outage {
  /** `<type>.<address>` as in the base state. */
  readonly resource: string;
  readonly action: "replace" | "destroy";
  /** Why: the arguments that force the replacement, or what removes the resource. */
  readonly because: string;
  /** Subnets (by name, as in the base) that lose access while it happens; for a hub zone, `<stack>/<vpc>`. */
  readonly subnets: readonly string[];
}

export interface EndpointDiff {
  readonly vpc: string;
  readonly vpcId: string;
  readonly service: string;
  readonly type: string;
  /** The address in the working tree's plan (the base's, for a removed endpoint). */
  readonly address: string;
  readonly status: "added" | "removed" | "changed" | "unchanged";
  /** The base address when a declared rename moves it. */
  readonly movedFrom?: string;
  readonly changes: readonly Change[];
  readonly outages: readonly Outage[];
  /** The `renamedFrom` fields that would turn the destroys into moves (an undeclared rename). */
  readonly suggestions: readonly string[];
}

export interface StackDiff {
  readonly stack: string;
  readonly file: string;
  readonly status: "added" | "removed" | "changed" | "unchanged";
  /** The base stack this one replaces under a new name (a new state: nothing can be moved). */
  readonly renamedFrom?: string;
  /** VPC-level changes (the DNS check) and hub changes (zones, records, associations, services from a hub). */
  readonly changes: readonly Change[];
  /** Destroys and replacements of hub resources (zones); endpoints carry their own. */
  readonly outages: readonly Outage[];
  readonly endpoints: readonly EndpointDiff[];
}

export interface PlanDiff {
  readonly stacks: readonly StackDiff[];
  /** Something differs. */
  readonly changed: boolean;
  /** How many outages (replacements and destroys) the diff holds. */
  readonly outages: number;
}

/** The plan fields the comparison reads on purpose; any other field that differs is reported as a setting. */
const COMPARED: ReadonlySet<string> = new Set([
  "address",
  "movedFrom",
  "key",
  "dependsOn",
  "vpc",
  "vpcId",
  "service",
  "serviceName",
  "serviceRegion",
  "type",
  "port",
  "requesters",
  "routeTableIds",
  "subnets",
  "securityGroups",
  "privateDns",
  "privateDnsOnlyForInboundResolverEndpoint",
  "dnsRecordIpType",
  "dnsCaptured",
  "policy",
  "reasons",
  "hourlyUsd",
]);

export function diffPlans(opts: { base: Plan; head: Plan }): PlanDiff {
  const base = new Map(opts.base.stacks.map((s) => [s.stack, s]));
  const head = new Map(opts.head.stacks.map((s) => [s.stack, s]));
  const stacks: StackDiff[] = [];
  const goneFrom = [...base.values()].filter((s) => !head.has(s.stack));
  for (const h of opts.head.stacks) {
    const b = base.get(h.stack) ?? sameState(h, goneFrom);
    if (b && b.stack !== h.stack) goneFrom.splice(goneFrom.indexOf(b), 1);
    if (b) {
      stacks.push(diffStack({ base: b, head: h }));
      continue;
    }
    const renamedFrom = goneFrom.find((g) => sharesVpc(g, h));
    stacks.push({
      stack: h.stack,
      file: h.file,
      status: "added",
      ...(renamedFrom ? { renamedFrom: renamedFrom.stack } : {}),
      ...diffHubStack({ head: h }),
      endpoints: endpointsOf(h).map((e) => added(e)),
    });
  }
  for (const b of goneFrom) {
    const successor = opts.head.stacks.find((h) => !base.has(h.stack) && sharesVpc(b, h));
    const because = successor
      ? `stack ${b.stack} is now ${successor.stack}: a new state, which cannot take over the old one's resources`
      : `stack ${b.stack} is gone`;
    stacks.push({
      stack: b.stack,
      file: b.file,
      status: "removed",
      ...diffHubStack({ base: b }),
      endpoints: endpointsOf(b).map((e) => removed(e, because)),
    });
  }
  stacks.sort((x, y) => (x.stack < y.stack ? -1 : x.stack > y.stack ? 1 : x.status < y.status ? -1 : 1));
  const outages =
    stacks.flatMap((s) => s.endpoints).reduce((n, e) => n + e.outages.length, 0) +
    stacks.reduce((n, s) => n + s.outages.length, 0);
  return {
    stacks,
    changed: stacks.some((s) => s.status !== "unchanged"),
    outages,
  };
}

/** A base stack under another name with the very same explicit state location: the same state, not a new one. */
function sameState(h: StackPlan, candidates: readonly StackPlan[]): StackPlan | undefined {
  if (h.backend.kind === "local" && !h.backend.explicit) return undefined;
  return candidates.find((b) => JSON.stringify(b.backend) === JSON.stringify(h.backend));
}

function sharesVpc(a: StackPlan, b: StackPlan): boolean {
  const ids = new Set(a.vpcs.map((v) => v.id));
  return b.vpcs.some((v) => ids.has(v.id));
}

function endpointsOf(s: StackPlan): EndpointPlan[] {
  return s.vpcs.flatMap((v) => v.endpoints);
}

/** The subnets an endpoint serves: its requesting subnets, by name. */
function served(e: EndpointPlan): string[] {
  return e.requesters.map((r) => r.subnet);
}

function summary(e: EndpointPlan): Omit<EndpointDiff, "status" | "changes" | "outages" | "suggestions"> {
  return { vpc: e.vpc, vpcId: e.vpcId, service: e.service, type: e.type, address: e.address };
}

function added(e: EndpointPlan): EndpointDiff {
  return {
    ...summary(e),
    status: "added",
    changes: [{ category: "endpoint", kind: "added", what: `${e.type.toLowerCase()} endpoint ${e.key}` }],
    outages: [],
    suggestions: [],
  };
}

function removed(e: EndpointPlan, because: string, suggestions: string[] = []): EndpointDiff {
  return {
    ...summary(e),
    status: "removed",
    changes: [{ category: "endpoint", kind: "removed", what: `${e.type.toLowerCase()} endpoint ${e.key}` }],
    outages: [{ resource: `aws_vpc_endpoint.${e.address}`, action: "destroy", because, subnets: served(e) }],
    suggestions,
  };
}

/** Same VPC, service and type: what an address change alone cannot change. */
function identity(e: EndpointPlan): string {
  return JSON.stringify([e.vpcId, e.serviceName, e.serviceRegion ?? "", e.type]);
}

function diffStack(opts: { base: StackPlan; head: StackPlan }): StackDiff {
  const { base, head } = opts;
  const before = new Map(endpointsOf(base).map((e) => [e.address, e]));
  const endpoints: EndpointDiff[] = [];
  const unmatched: EndpointPlan[] = [];
  for (const h of endpointsOf(head)) {
    const b = before.get(h.address) ?? (h.movedFrom !== undefined ? before.get(h.movedFrom) : undefined);
    if (!b) {
      unmatched.push(h);
      continue;
    }
    before.delete(b.address);
    endpoints.push(diffEndpoint({ base: b, head: h }));
  }
  // an undeclared rename: the endpoint is destroyed at its old address and created at the new one
  for (const h of unmatched) {
    const b = [...before.values()].find((x) => identity(x) === identity(h));
    if (!b) {
      endpoints.push(added(h));
      continue;
    }
    before.delete(b.address);
    const suggestions = [
      ...(b.vpc !== h.vpc ? [`renamedFrom: ${b.vpc} on VPC ${h.vpc}`] : []),
      ...(b.service !== h.service ? [`renamedFrom: ${b.service} on endpoints.${h.service} of VPC ${h.vpc}`] : []),
    ];
    endpoints.push(
      removed(
        b,
        `renamed to ${h.address} without renamedFrom: Terraform destroys it and creates a new one`,
        suggestions,
      ),
    );
    endpoints.push(added(h));
  }
  for (const b of before.values())
    endpoints.push(
      removed(b, removedForHub({ base, head, vpcId: b.vpcId, service: b.service }) ?? "no subnet asks for it any more"),
    );
  const hub = diffHubStack({ base, head });
  const changes: Change[] = [...hub.changes];
  for (const v of head.vpcs) {
    const was = base.vpcs.find((x) => x.id === v.id);
    if (was && was.dnsCheck !== v.dnsCheck)
      changes.push({
        category: "dns",
        kind: "changed",
        what: `VPC ${v.name}: plan-time check of DNS support and hostnames`,
        before: String(was.dnsCheck),
        after: String(v.dnsCheck),
      });
  }
  endpoints.sort((x, y) => (x.address < y.address ? -1 : x.address > y.address ? 1 : x.status < y.status ? -1 : 1));
  const changed = changes.length > 0 || hub.outages.length > 0 || endpoints.some((e) => e.status !== "unchanged");
  return {
    stack: head.stack,
    file: head.file,
    status: changed ? "changed" : "unchanged",
    changes,
    outages: hub.outages,
    endpoints,
  };
}

/** The value vpce gives each argument of the proven table, for one endpoint and its groups and rules. */
export const ARGUMENTS: {
  readonly [R in ResourceType]: Readonly<Record<string, (ctx: ArgContext) => string | undefined>>;
} = {
  aws_vpc_endpoint: {
    vpc_id: (c) => c.endpoint.vpcId,
    service_name: (c) => c.endpoint.serviceName,
    vpc_endpoint_type: (c) => c.endpoint.type,
    service_region: (c) => c.endpoint.serviceRegion,
  },
  aws_security_group: {
    name_prefix: (c) => (c.group ? `${c.group.name}-` : undefined),
    description: (c) => c.group?.description,
    vpc_id: (c) => c.endpoint.vpcId,
  },
  aws_vpc_security_group_ingress_rule: {
    security_group_id: (c) => c.groupIdentity,
    cidr_ipv4: (c) => (c.rule?.kind === "ipv4" ? c.rule.cidr : undefined),
    cidr_ipv6: (c) => (c.rule?.kind === "ipv6" ? c.rule.cidr : undefined),
    referenced_security_group_id: (c) => (c.rule?.kind === "security-group" ? c.rule.cidr : undefined),
  },
};

interface ArgContext {
  readonly endpoint: EndpointPlan;
  readonly group?: SecurityGroupPlan;
  readonly rule?: IngressRule;
  /** The base address of the rule's group: the same on both sides when the rule stays in its group. */
  readonly groupIdentity?: string;
}

/** The arguments of `resource` that force its replacement between the two contexts. */
function replacedBy(resource: ResourceType, b: ArgContext, h: ArgContext, ignored: readonly string[] = []): string[] {
  return Object.entries(ARGUMENTS[resource]).flatMap(([argument, value]) =>
    forcesReplacement({ resource, argument, before: value(b), after: value(h), ignored }) ? [argument] : [],
  );
}

function setChanges(opts: {
  category: Category;
  before: readonly string[];
  after: readonly string[];
  label?: (x: string) => string;
}): Change[] {
  const label = opts.label ?? ((x: string) => x);
  const b = new Set(opts.before);
  const a = new Set(opts.after);
  return [
    ...[...a].filter((x) => !b.has(x)).map((x): Change => ({ category: opts.category, kind: "added", what: label(x) })),
    ...[...b]
      .filter((x) => !a.has(x))
      .map((x): Change => ({ category: opts.category, kind: "removed", what: label(x) })),
  ];
}

function valueChange(category: Category, what: string, before: unknown, after: unknown): Change[] {
  const text = (v: unknown) => (v === undefined ? "not set" : typeof v === "string" ? v : JSON.stringify(v));
  return JSON.stringify(before) === JSON.stringify(after)
    ? []
    : [{ category, kind: "changed", what, before: text(before), after: text(after) }];
}

function diffEndpoint(opts: { base: EndpointPlan; head: EndpointPlan }): EndpointDiff {
  const { base: b, head: h } = opts;
  const changes: Change[] = [];
  const outages: Outage[] = [];
  const suggestions: string[] = [];
  if (h.address !== b.address)
    changes.push({
      category: "endpoint",
      kind: "changed",
      what: "address (renamedFrom: moved, with its security groups and rules)",
      before: b.address,
      after: h.address,
    });
  const replaced = replacedBy("aws_vpc_endpoint", { endpoint: b }, { endpoint: h });
  for (const argument of replaced)
    changes.push(
      ...valueChange(
        "endpoint",
        argument,
        ARGUMENTS.aws_vpc_endpoint[argument]({ endpoint: b }),
        ARGUMENTS.aws_vpc_endpoint[argument]({ endpoint: h }),
      ),
    );
  if (replaced.length > 0)
    outages.push({
      resource: `aws_vpc_endpoint.${b.address}`,
      action: "replace",
      because: `${replaced.join(", ")} changed`,
      subnets: served(b),
    });
  const rt = (e: EndpointPlan) => (id: string) => {
    const users = e.requesters.filter((r) => r.routeTable === id).map((r) => r.subnet);
    return users.length > 0 ? `${id} (${users.join(", ")})` : id;
  };
  const rtLabels = new Map<string, string>([
    ...b.routeTableIds.map((id): [string, string] => [id, rt(b)(id)]),
    ...h.routeTableIds.map((id): [string, string] => [id, rt(h)(id)]),
  ]);
  changes.push(
    ...setChanges({
      category: "route-table",
      before: b.routeTableIds,
      after: h.routeTableIds,
      label: (id) => rtLabels.get(id) ?? id,
    }),
  );
  const eni = (e: EndpointPlan) =>
    e.subnets.map((s) => `${s.subnet} (${s.subnetId}, ${s.az}${s.ipv4 ? `, ${s.ipv4}` : ""})`);
  changes.push(...setChanges({ category: "eni-subnet", before: eni(b), after: eni(h) }));
  changes.push(...valueChange("dns", "private DNS", b.privateDns, h.privateDns));
  changes.push(
    ...valueChange(
      "dns",
      "private DNS only for the inbound resolver",
      b.privateDnsOnlyForInboundResolverEndpoint,
      h.privateDnsOnlyForInboundResolverEndpoint,
    ),
  );
  changes.push(...valueChange("dns", "DNS record IP type", b.dnsRecordIpType, h.dnsRecordIpType));
  changes.push(
    ...setChanges({
      category: "dns",
      before: b.dnsCaptured,
      after: h.dnsCaptured,
      label: (s) => `subnet ${s} resolves ${h.service} to the endpoint without being admitted`,
    }),
  );
  changes.push(...valueChange("policy", "policy", policyText(b), policyText(h)));
  changes.push(...valueChange("setting", "port", b.port, h.port));
  // any other planned setting (ip address type, tags, and fields added later) is reported by its field name, the
  // base's first: fields a plan leaves unset (undefined) are not its fields
  for (const key of new Set([...setKeys(b), ...setKeys(h)]))
    if (!COMPARED.has(key))
      changes.push(
        ...valueChange(
          "setting",
          key,
          (b as unknown as Record<string, unknown>)[key],
          (h as unknown as Record<string, unknown>)[key],
        ),
      );
  diffGroups({ base: b, head: h, changes, outages, suggestions, endpointReplaced: replaced.length > 0 });
  return {
    ...summary(h),
    status: changes.length > 0 || outages.length > 0 ? "changed" : "unchanged",
    ...(h.movedFrom !== undefined && h.movedFrom === b.address ? { movedFrom: b.address } : {}),
    changes,
    outages,
    suggestions,
  };
}

function policyText(e: EndpointPlan): string {
  const p = e.policy;
  return p.kind === "file"
    ? `file ${p.source ?? ""}: ${p.document ?? ""}`
    : p.document
      ? `${p.kind}: ${p.document}`
      : p.kind;
}

function diffGroups(opts: {
  base: EndpointPlan;
  head: EndpointPlan;
  changes: Change[];
  outages: Outage[];
  suggestions: string[];
  endpointReplaced: boolean;
}): void {
  const { base: b, head: h, changes, outages, suggestions } = opts;
  const groups = new Map(b.securityGroups.map((g) => [g.address, g]));
  /** head group address -> the base group it continues (same address, or the one it is moved from) */
  const continues = new Map<string, SecurityGroupPlan>();
  const ignored = [...SECURITY_GROUP_IGNORED_CHANGES];
  for (const g of h.securityGroups) {
    const was = groups.get(g.address) ?? (g.movedFrom !== undefined ? groups.get(g.movedFrom) : undefined);
    if (!was) {
      changes.push({ category: "security-group", kind: "added", what: `security group ${g.name}` });
      continue;
    }
    groups.delete(was.address);
    continues.set(g.address, was);
    const replaced = replacedBy("aws_security_group", { endpoint: b, group: was }, { endpoint: h, group: g }, ignored);
    if (replaced.length > 0)
      outages.push({
        resource: `aws_security_group.${was.address}`,
        action: "replace",
        because: `${replaced.join(", ")} changed (its rules are created again)`,
        subnets: was.ingress.flatMap((r) => r.subnets),
      });
  }
  for (const g of groups.values()) {
    changes.push({ category: "security-group", kind: "removed", what: `security group ${g.name}` });
    outages.push({
      resource: `aws_security_group.${g.address}`,
      action: "destroy",
      because: "the endpoint needs fewer security groups",
      subnets: g.ingress.flatMap((r) => r.subnets),
    });
  }
  // rules, across the endpoint's groups
  const rules = new Map(
    b.securityGroups.flatMap((g) => g.ingress.map((r) => [r.address, { rule: r, group: g }] as const)),
  );
  const fresh: IngressRule[] = [];
  for (const g of h.securityGroups)
    for (const r of g.ingress) {
      const was = rules.get(r.address) ?? (r.movedFrom !== undefined ? rules.get(r.movedFrom) : undefined);
      if (!was) {
        fresh.push(r);
        continue;
      }
      rules.delete(was.rule.address);
      const headGroup = continues.get(g.address)?.address ?? `new ${g.address}`;
      const replaced = replacedBy(
        "aws_vpc_security_group_ingress_rule",
        { endpoint: b, rule: was.rule, groupIdentity: was.group.address },
        { endpoint: h, rule: r, groupIdentity: headGroup },
      );
      const what = ruleLabel(r);
      if (replaced.length > 0) {
        outages.push({
          resource: `aws_vpc_security_group_ingress_rule.${was.rule.address}`,
          action: "replace",
          because: `${replaced.join(", ")} changed`,
          subnets: was.rule.subnets,
        });
        changes.push({
          category: "security-group-rule",
          kind: "changed",
          what,
          before: ruleLabel(was.rule),
          after: what,
        });
      } else if (was.rule.cidr !== r.cidr || was.rule.port !== r.port)
        changes.push({
          category: "security-group-rule",
          kind: "changed",
          what,
          before: ruleLabel(was.rule),
          after: what,
        });
    }
  const gone = [...rules.values()];
  for (const r of fresh) {
    // the same source under a new address: an undeclared subnet rename destroys and creates the rule
    const i = gone.findIndex((x) => x.rule.kind === r.kind && x.rule.cidr === r.cidr);
    if (i >= 0) {
      const [was] = gone.splice(i, 1);
      outages.push({
        resource: `aws_vpc_security_group_ingress_rule.${was.rule.address}`,
        action: "replace",
        because: `renamed to ${r.address} without renamedFrom`,
        subnets: was.rule.subnets,
      });
      const [oldName, newName] = [was.rule.subnets[0], r.subnets[0]];
      if (oldName !== undefined && newName !== undefined && oldName !== newName)
        suggestions.push(`renamedFrom: ${oldName} on subnet ${newName} of VPC ${h.vpc}`);
      changes.push({
        category: "security-group-rule",
        kind: "changed",
        what: ruleLabel(r),
        before: ruleLabel(was.rule),
      });
      continue;
    }
    changes.push({ category: "security-group-rule", kind: "added", what: ruleLabel(r) });
  }
  for (const { rule } of gone)
    changes.push({ category: "security-group-rule", kind: "removed", what: ruleLabel(rule) });
}

function ruleLabel(r: IngressRule): string {
  const from = r.kind === "security-group" ? `members of ${r.cidr}` : r.cidr;
  const who = r.subnets.length > 0 ? ` (${r.subnets.join(", ")})` : "";
  return `TCP ${r.port} from ${from}${who}`;
}

/** The endpoint's fields that hold a value, in the plan's order. */
function setKeys(e: EndpointPlan): string[] {
  const fields = e as unknown as Record<string, unknown>;
  return Object.keys(fields).filter((k) => fields[k] !== undefined);
}
