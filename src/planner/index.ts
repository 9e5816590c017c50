/**
 * The planner: validated spec models in, a plan and its findings out. The
 * decisions (./decisions) choose; the plan rules (src/rules/plan) judge the
 * result, from a PlanSubject that carries the facts the decisions used.
 * Pure: no cdktf, no I/O. Everything is ordered by names, never by list
 * positions, so reordering the input changes nothing.
 */
import type { Diagnostic } from "../diagnostics";
import type { Located, ServiceRequest, SpecModel, SubnetModel, VpcModel } from "../input/spec-model";
import type { EndpointPlan, Plan, PlannedEndpointType, StackPlan, VpcPlan } from "./plan";
import { PRICES } from "./pricing";
import { decideEndpointTypes } from "./decisions/endpoint-type";
import { planGatewayRouteTables } from "./decisions/gateway";
import { azLabel, placeInterfaceEndpoint } from "./decisions/placement";
import { decidePolicy } from "./decisions/policy";
import { decidePrivateDns } from "./decisions/private-dns";
import { planSecurityGroups } from "./decisions/security-group";
import { applyDump, dumpEntry, resolveService, type ResolvedService } from "./service";
import type { EndpointFacts, EndpointSubject, PlanSubject, StackSubject, VpcSubject } from "./subject";
import { azOfferOf, type RegionDump } from "../region-dumps/read";
import { inventoryFor, type Inventory } from "../inventory/read";
import { decideAdoption } from "./decisions/adoption";
import { displayPath } from "../input/load";
import { PLAN_RULES } from "../rules/plan";
import { runRules } from "../rules/run";
import { by } from "../order";

export interface PlanOptions {
  /**
   * Region dumps (`catalog/<region>.json`) by region. Where one exists for a
   * stack's region it is the authority on names, types, policy support and
   * the AZs a service is offered in.
   */
  readonly dumps?: ReadonlyMap<string, RegionDump>;
  /**
   * Endpoint inventories (`inventory/<account>-<region>.json`) by file name without `.json`. Where one covers a
   * stack, its endpoints are matched against the plan: adopted (an import), unrequested, retired or in conflict.
   */
  readonly inventories?: ReadonlyMap<string, Inventory>;
}

export interface PlanResult {
  readonly plan: Plan;
  readonly diagnostics: Diagnostic[];
}

const byName = by((x: { name: string }) => x.name);

/** Plans every stack, then runs the plan rules over the plans and the facts behind them. */
export function planStacks(models: readonly SpecModel[], opts: PlanOptions = {}): PlanResult {
  const stacks = [...models]
    .sort(by((m) => m.stack))
    .map((m) => planStack({ spec: m, dumps: opts.dumps, inventories: opts.inventories }));
  const subject: PlanSubject = { stacks };
  return { plan: { stacks: stacks.map((s) => s.plan) }, diagnostics: runRules(PLAN_RULES, subject) };
}

function planStack(opts: {
  spec: SpecModel;
  dumps?: ReadonlyMap<string, RegionDump>;
  inventories?: ReadonlyMap<string, Inventory>;
}): StackSubject {
  const { spec } = opts;
  const dump = opts.dumps?.get(spec.region);
  const inventory = opts.inventories ? inventoryFor(opts.inventories, spec) : undefined;
  const vpcs = [...spec.vpcs].sort(byName).map((vpc) => planVpc({ spec, vpc, dump, inventory }));
  const plan: StackPlan = {
    stack: spec.stack,
    file: spec.file,
    region: spec.region,
    partition: spec.partition,
    account: spec.account,
    assumeRoleArn: spec.assumeRoleArn,
    backend: spec.backend,
    tags: spec.tags,
    vpcs: vpcs.map((v) => v.plan),
    ...(inventory ? { inventory: displayPath(inventory.file) } : {}),
  };
  return { spec, plan, vpcs };
}

function planVpc(opts: { spec: SpecModel; vpc: VpcModel; dump?: RegionDump; inventory?: Inventory }): VpcSubject {
  const { spec, vpc, dump } = opts;
  let endpoints: EndpointSubject[] = [];
  // the requesting subnets of each service, by name, with their requests of it: one pass over the requests, not one
  // per endpoint (a subnet has one request per service key, so each subnet appears once per service)
  const requestersOf = new Map<string, Requesters>();
  for (const s of [...vpc.subnets].sort(byName))
    for (const r of s.requests) {
      const list = requestersOf.get(r.key);
      if (!list) requestersOf.set(r.key, { subnets: [s], requests: [r] });
      else if (list.subnets[list.subnets.length - 1] !== s) {
        list.subnets.push(s);
        list.requests.push(r);
      }
    }
  const keys = [...requestersOf.keys()].sort();
  for (const key of keys) {
    const settings = vpc.endpoints.get(key);
    const svc = resolveService({ key, region: spec.region, partition: spec.partition, settings, dump });
    const types = decideEndpointTypes({ svc, settings });
    for (const type of types.decision) {
      endpoints.push(
        planEndpoint({
          spec,
          vpc,
          resolved: svc,
          requesters: requestersOf.get(key) as Requesters,
          type,
          typeReasons: types.reasons,
          vpcHasGateway: types.decision.includes("Gateway"),
          split: types.decision.length > 1,
          dump,
        }),
      );
    }
  }
  endpoints.sort(by((e) => e.plan.address));
  const dnsCheck = endpoints.some((e) => e.plan.privateDns);
  if (dnsCheck)
    for (const e of endpoints.filter((x) => x.plan.privateDns))
      (e.plan.reasons as string[]).push(
        `private DNS needs the VPC's DNS support and DNS hostnames: checked at plan time (check vpc_dns_${vpc.name})`,
      );
  const adoption = opts.inventory
    ? decideAdoption({
        vpc,
        planned: endpoints.map((e) => e.plan),
        inventory: {
          file: displayPath(opts.inventory.file),
          // <region>.json read for a spec with an account: only that account's endpoints are its own
          endpoints: opts.inventory.endpoints.filter((e) => !spec.account || !e.ownerId || e.ownerId === spec.account),
        },
        region: spec.region,
        stackTags: spec.tags,
      })
    : undefined;
  if (adoption)
    endpoints = endpoints.map((e) => {
      const adopt = adoption.adopted.get(e.plan.address);
      if (!adopt) return e;
      const reason = `adopts ${adopt.endpointId} (${adopt.source}): imported, ${adopt.changes.length} change(s) at apply`;
      return { ...e, plan: { ...e.plan, adopt, reasons: [...e.plan.reasons, reason] } };
    });
  const plan: VpcPlan = {
    name: vpc.name,
    id: vpc.id,
    cidrs: vpc.cidrs,
    endpoints: endpoints.map((e) => e.plan),
    dnsCheck,
    ...(adoption ? { existing: adoption.existing, retired: adoption.retired } : {}),
  };
  return { model: vpc, plan, requested: new Set(keys), endpoints, ...(adoption ? { adoption } : {}) };
}

/** Terraform resource names: letters, digits, '_' and '-'; '.' in service ids becomes '_'. */
/** The subnets of a VPC asking for one service, sorted by name, and each one's request of it (same order). */
interface Requesters {
  readonly subnets: SubnetModel[];
  readonly requests: ServiceRequest[];
}

export function sanitizeName(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, "_");
}

/** The dump's word on one service and type: the service as the dump describes it, and where it is offered. */
function consultDump(opts: { svc: ResolvedService; type: PlannedEndpointType; dump?: RegionDump }): {
  svc: ResolvedService;
  dump?: EndpointFacts["dump"];
  reasons: string[];
} {
  const { svc, type, dump } = opts;
  // a dump lists its own region's services: a cross-region service is not in it
  if (!dump || svc.crossRegion) return { svc, reasons: [] };
  const file = displayPath(dump.file);
  const entry = dumpEntry(dump, svc, type);
  if (!entry) return { svc, dump: { file }, reasons: [] };
  const offer = azOfferOf(dump, entry, type, file);
  const zones = offer ? [...(offer.azIds ?? offer.azNames ?? [])].join(", ") : "";
  return {
    svc: applyDump(svc, type, entry, file),
    dump: { file, entry, ...(offer ? { offer } : {}) },
    reasons: [`${file} lists ${entry.name} (${type})${offer ? ` in ${zones}` : ""}`],
  };
}

function planEndpoint(opts: {
  spec: SpecModel;
  vpc: VpcModel;
  resolved: ResolvedService;
  /** The subnets asking for the service, sorted by name, and their requests of it (same order). */
  requesters: Requesters;
  type: PlannedEndpointType;
  /** Why the endpoint has this type (decideEndpointTypes). */
  typeReasons: readonly string[];
  /** The VPC also gets this service's gateway endpoint. */
  vpcHasGateway: boolean;
  /** The service is planned as gateway and interface together (type both). */
  split: boolean;
  dump?: RegionDump;
}): EndpointSubject {
  const { spec, vpc, resolved, type, split } = opts;
  const requesters = opts.requesters.subnets;
  const vias = opts.requesters.requests.map((r) => r.via);
  const settings = vpc.endpoints.get(resolved.key);
  const at: Located = settings ?? opts.requesters.requests[0];
  const half = split && type === "Interface";
  const address = sanitizeName(`${vpc.name}_${resolved.key}${half ? "_interface" : ""}`);
  const fromDump = consultDump({ svc: resolved, type, dump: opts.dump });
  const svc = fromDump.svc;
  const reasons: string[] = [
    `requested by ${requesters.map((s, i) => `${s.name} (${vias[i]})`).join(", ")}`,
    ...opts.typeReasons,
    ...fromDump.reasons,
    ...(svc.crossRegion
      ? [
          `${svc.crossRegion.catalogId} in ${svc.crossRegion.region} (serviceRegion): a cross-region interface ` +
            `endpoint to ${svc.names.Interface}`,
        ]
      : []),
  ];
  const policy = decidePolicy({ spec, svc, settings, at });
  let routeTableIds: string[] = [];
  let subnets: EndpointPlan["subnets"] = [];
  let securityGroups: EndpointPlan["securityGroups"] = [];
  let privateDns = false;
  let onlyInbound: boolean | undefined;
  let dnsCaptured: readonly string[] = [];
  const decided: { -readonly [K in "gateway" | "placement" | "privateDns"]?: EndpointFacts[K] } = {};
  if (type === "Gateway") {
    const g = planGatewayRouteTables({ vpc, requesters });
    routeTableIds = g.decision.routeTableIds;
    decided.gateway = g.decision;
    reasons.push(...g.reasons);
  } else {
    const p = placeInterfaceEndpoint({ vpc, service: svc.key, requesters, offer: fromDump.dump?.offer });
    const fixed = settings?.fixedIps ?? {};
    subnets = p.decision.subnets.map((s) => (fixed[s.subnet] ? { ...s, ipv4: fixed[s.subnet] } : s));
    decided.placement = p.decision;
    reasons.push(...p.reasons);
    const pinned = subnets.filter((s) => s.ipv4 !== undefined);
    if (pinned.length > 0)
      reasons.push(
        `fixed ENI address${pinned.length > 1 ? "es" : ""} ${pinned.map((s) => `${s.ipv4} in ${s.subnet}`).join(", ")}`,
      );
    const sg = planSecurityGroups({
      vpc: vpc.name,
      service: svc.key,
      address,
      port: svc.port,
      requesters,
      allowedCidrs: settings?.allowedCidrs ?? [],
      allowedSecurityGroups: settings?.allowedSecurityGroups ?? [],
      ipv6: settings?.ipAddressType === "dualstack" || settings?.ipAddressType === "ipv6",
    });
    securityGroups = sg.decision;
    reasons.push(...sg.reasons);
    const dns = decidePrivateDns({
      spec,
      vpc,
      svc,
      settings,
      requesters,
      vpcHasGateway: opts.vpcHasGateway,
      // a group reference admits whatever its members are: it proves no subnet keeps access
      admitted: securityGroups.flatMap((g) => g.ingress.filter((r) => r.kind === "ipv4").map((r) => r.cidr)),
    });
    decided.privateDns = dns.decision;
    privateDns = dns.decision.enabled;
    onlyInbound = dns.decision.onlyForInboundResolver;
    dnsCaptured = dns.decision.captured;
    reasons.push(...dns.reasons);
  }
  reasons.push(...policy.reasons);
  if (settings?.ipAddressType !== undefined || settings?.dnsRecordIpType !== undefined)
    reasons.push(
      [
        settings.ipAddressType ? `ip address type ${settings.ipAddressType}` : undefined,
        settings.dnsRecordIpType ? `DNS records ${settings.dnsRecordIpType}` : undefined,
      ]
        .filter(Boolean)
        .join(", ") + " (endpoints entry)",
    );
  // sorted: the order keys are written in changes no byte of the output
  const tags = Object.fromEntries(Object.entries(settings?.tags ?? {}).sort(by(([k]) => k)));
  if (Object.keys(tags).length > 0)
    reasons.push(
      `tags ${Object.entries(tags)
        .map(([k, v]) => `${k}=${v}`)
        .join(", ")} on the endpoint${type === "Interface" ? " and its security groups" : ""}, over the stack tags`,
    );
  // AWS refuses private DNS for the inbound resolver only until the VPC's S3 gateway exists: create it first.
  const dependsOn = onlyInbound ? [sanitizeName(`${vpc.name}_${resolved.key}`)] : [];
  const endpoint: EndpointPlan = {
    address,
    key: `${vpc.name}/${resolved.key}${half ? "/interface" : ""}`,
    dependsOn,
    vpc: vpc.name,
    vpcId: vpc.id,
    service: svc.key,
    serviceName: svc.names[type] as string,
    ...(svc.crossRegion ? { serviceRegion: svc.crossRegion.region } : {}),
    type,
    port: svc.port,
    requesters: requesters.map((s, i) => ({
      subnet: s.name,
      subnetId: s.id,
      cidr: s.cidr,
      az: azLabel(s),
      routeTable: s.routeTable,
      via: vias[i],
    })),
    routeTableIds,
    subnets,
    securityGroups,
    privateDns,
    privateDnsOnlyForInboundResolverEndpoint: onlyInbound,
    ...(settings?.ipAddressType ? { ipAddressType: settings.ipAddressType } : {}),
    ...(settings?.dnsRecordIpType ? { dnsRecordIpType: settings.dnsRecordIpType } : {}),
    dnsCaptured,
    policy: policy.decision.policy,
    tags,
    reasons,
    hourlyUsd: type === "Interface" ? subnets.length * PRICES.interfacePerAzHour : PRICES.gatewayPerHour,
  };
  const facts: EndpointFacts = {
    svc,
    settings,
    at,
    requesters,
    split,
    dump: fromDump.dump,
    policy: policy.decision,
    ...decided,
  };
  return { plan: endpoint, facts };
}

export type { Plan, StackPlan, VpcPlan, EndpointPlan } from "./plan";
