/**
 * The planner: validated spec models in, a plan and its findings out. The
 * decisions (./decisions) choose; the plan rules (src/rules/plan) judge the
 * result, from a PlanSubject that carries the facts the decisions used.
 * Pure: no cdktf, no I/O. Everything is ordered by names, never by list
 * positions, so reordering the input changes nothing.
 */
import type { Diagnostic } from "../diagnostics";
import type { Located, SpecModel, SubnetModel, VpcModel } from "../input/spec-model";
import type { EndpointPlan, Plan, PlannedEndpointType, Requester, StackPlan, VpcPlan } from "./plan";
import { PRICES } from "./pricing";
import { decideEndpointTypes } from "./decisions/endpoint-type";
import { NO_REASONS, type Decided } from "./decisions/types";
import { planGatewayRouteTables } from "./decisions/gateway";
import { internRequesters, requestersByKey, type Requesters } from "./requesters";
import { azLabel, placeInterfaceEndpoint } from "./decisions/placement";
import { decidePolicy } from "./decisions/policy";
import { decidePrivateDns } from "./decisions/private-dns";
import { planSecurityGroups, type ClientPartsCache } from "./decisions/security-group";
import { applyDump, dumpEntry, resolveService, type ResolvedService } from "./service";
import type { EndpointFacts, EndpointSubject, PlanSubject, StackSubject, UnplannedStack, VpcSubject } from "./subject";
import { azOfferOf, type RegionDump } from "../region-dumps/read";
import { inventoryFor, type Inventory } from "../inventory/read";
import { decideAdoption } from "./decisions/adoption";
import { displayPath } from "../input/load";
import { specSummary, type SpecSummary } from "../input/spec-summary";
import { PLAN_RULES } from "../rules/plan";
import { runRules } from "../rules/run";
import { by, byName, compareStrings, sortInPlace, sortStrings } from "../order";
import type { EndpointType } from "../catalog";
import { sanitizeName } from "./names";
import { hubTopology, vpcKey, type HubNode, type HubTopology } from "./hub/topology";
import { hubClients, planHub, planUseHub } from "./hub/plan-hub";
import { agree, counted } from "../text";

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
  /**
   * Plan only these stacks (a scoped `vpce synth --stack / --changed-since`). The hub topology still reads every
   * model, so a stack plans exactly as in a full run; the others reach the plan rules only as
   * PlanSubject.unplanned. With a spoke, include its hub (the hub-cost rule reads the hub's plan; the CLI's
   * selection always does). Default: every stack.
   */
  readonly only?: ReadonlySet<string>;
  /**
   * With `only`: stacks of the specs read whose models are not given (a synth reusing its spec cache), for the rules
   * that look across stacks. Their hub relations must not reach a planned stack: every stack tied to one is given as
   * a model, so the topology is whole. Default none.
   */
  readonly unplanned?: readonly UnplannedStack[];
  /**
   * Write each endpoint's reasons (`vpce plan --why`, the JSON plan). Default true. Without, every `reasons` is
   * empty and nothing else changes: validate, synth and the plan table without --why show no reasons, and building
   * their text was about a fifth of planning.
   */
  readonly explain?: boolean;
}

export interface PlanResult {
  readonly plan: Plan;
  readonly diagnostics: Diagnostic[];
  /** A scoped run's unplanned stacks, from the models and PlanOptions.unplanned, by stack name; else empty. */
  readonly unplanned: readonly UnplannedStack[];
}

const byAddress = (a: EndpointSubject, b: EndpointSubject) => compareStrings(a.plan.address, b.plan.address);

/**
 * Why a VPC Lattice endpoint has no hourly price in the plan. AWS PrivateLink pricing lists resource endpoints'
 * data processing ($0.01/GB for the first PB, https://aws.amazon.com/privatelink/pricing/); an hourly rate for
 * either type could not be confirmed from AWS's pages, so none is invented.
 */
const LATTICE_UNPRICED: Readonly<Record<"Resource" | "ServiceNetwork", string>> = {
  Resource:
    "resource endpoint: hourly price not confirmed (AWS bills data through it at $0.01/GB, first PB); not counted",
  ServiceNetwork:
    "service-network endpoint: hourly price not confirmed (VPC Lattice bills the services and resources behind " +
    "it); not counted",
};

/** Plans every stack, then runs the plan rules over the plans and the facts behind them. */
export function planStacks(models: readonly SpecModel[], opts: PlanOptions = {}): PlanResult {
  const topology = hubTopology({ models, dumps: opts.dumps });
  const { only } = opts;
  const explain = opts.explain !== false;
  const sorted = [...models].sort(by((m) => m.stack));
  const stacks = sorted
    .filter((m) => !only || only.has(m.stack))
    .map((m) => planStack({ spec: m, dumps: opts.dumps, inventories: opts.inventories, topology, explain }));
  const unplanned = only
    ? [
        ...sorted
          .filter((m) => !only.has(m.stack))
          .map((spec) =>
            unplannedStack({
              summary: specSummary(spec),
              gateways: gatewayCount({ spec, topology, dump: opts.dumps?.get(spec.region) }),
            }),
          ),
        ...(opts.unplanned ?? []),
      ].sort(by((s) => s.stack))
    : undefined;
  const subject: PlanSubject = { stacks, ...(unplanned ? { unplanned } : {}) };
  return {
    plan: { stacks: stacks.map((s) => s.plan) },
    diagnostics: runRules(PLAN_RULES, subject),
    unplanned: unplanned ?? [],
  };
}

/** What the rules that look across stacks read of a stack left unplanned: its summary and its gateway count. */
export function unplannedStack(opts: { summary: SpecSummary; gateways: number }): UnplannedStack {
  const { summary: s } = opts;
  return {
    stack: s.stack,
    file: s.file,
    region: s.region,
    ...(s.account !== undefined ? { account: s.account } : {}),
    vpcsAt: s.vpcsAt,
    gateways: opts.gateways,
    spokes: s.spokes.map((x) => ({ vpc: x.vpc, useHub: x.useHub })),
  };
}

/** The gateway endpoints the plan of a stack would have, without planning it (the region-wide quota counts them). */
function gatewayCount(opts: { spec: SpecModel; topology: HubTopology; dump?: RegionDump }): number {
  const { spec, topology, dump } = opts;
  let n = 0;
  for (const vpc of spec.vpcs) {
    const subnetKeys = new Set<string>();
    for (const s of vpc.subnets) for (const r of s.requests) subnetKeys.add(r.key);
    const requested = requestedKeys({ subnetKeys, hub: topology.hubs.get(vpcKey(spec.stack, vpc.name)) });
    for (const d of endpointTypes({ spec, vpc, requested, topology, dump }))
      n += d.types.decision.filter((t) => t === "Gateway").length;
  }
  return n;
}

/** What a VPC asks for: the service keys its subnets request and, for a hub, every service it offers. */
function requestedKeys(opts: { subnetKeys: Iterable<string>; hub?: HubNode }): Set<string> {
  const keys = new Set(opts.subnetKeys);
  if (opts.hub) for (const k of opts.hub.services) keys.add(k);
  return keys;
}

/**
 * The services a VPC plans endpoints for, sorted, each with its endpoint types: a spoke plans none for what its hub
 * serves; a hub plans every service it offers, as an interface endpoint.
 */
function endpointTypes(opts: {
  spec: SpecModel;
  vpc: VpcModel;
  /** What the VPC asks for (requestedKeys). */
  requested: ReadonlySet<string>;
  topology: HubTopology;
  dump?: RegionDump;
}): Array<{ key: string; svc: ResolvedService; hub?: HubNode; types: Decided<PlannedEndpointType[]> }> {
  const { spec, vpc, topology, dump } = opts;
  const hubNode = topology.hubs.get(vpcKey(spec.stack, vpc.name));
  const spokeNode = topology.spokes.get(vpcKey(spec.stack, vpc.name));
  const keys = sortStrings(
    spokeNode ? [...opts.requested].filter((k) => !spokeNode.served.has(k)) : [...opts.requested],
  );
  return keys.map((key) => {
    const settings = vpc.endpoints.get(key);
    const svc = resolveService({ key, region: spec.region, partition: spec.partition, settings, dump });
    const hub = hubNode?.services.includes(key) ? hubNode : undefined;
    const types: Decided<PlannedEndpointType[]> = hub
      ? { decision: ["Interface"], reasons: [`${key} is a hub service (hub.services): interface endpoint`] }
      : decideEndpointTypes({ svc, settings });
    return { key, svc, hub, types };
  });
}

function planStack(opts: {
  spec: SpecModel;
  dumps?: ReadonlyMap<string, RegionDump>;
  inventories?: ReadonlyMap<string, Inventory>;
  topology: HubTopology;
  explain: boolean;
}): StackSubject {
  const { spec, topology, explain } = opts;
  const dump = opts.dumps?.get(spec.region);
  const inventory = opts.inventories ? inventoryFor(opts.inventories, spec) : undefined;
  const vpcs = [...spec.vpcs].sort(byName).map((vpc) => planVpc({ spec, vpc, dump, inventory, topology, explain }));
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

function planVpc(opts: {
  spec: SpecModel;
  vpc: VpcModel;
  dump?: RegionDump;
  inventory?: Inventory;
  topology: HubTopology;
  explain: boolean;
}): VpcSubject {
  const { spec, vpc, dump, explain } = opts;
  let endpoints: EndpointSubject[] = [];
  const hubNode = opts.topology.hubs.get(vpcKey(spec.stack, vpc.name));
  const spokeNode = opts.topology.spokes.get(vpcKey(spec.stack, vpc.name));
  // the requesting subnets of each service, with the way each asked (for the reasons and the plan)
  const requestersOf = requestersByKey({ subnets: vpc.subnets });
  internRequesters(requestersOf);
  // the list of a hub service no subnet of the hub asks for (the VPC's own: it keeps what is made from it)
  const none: Requesters = { subnets: [], vias: [] };
  // a subnet's plan entry, shared by the VPC's endpoints it asks in the same way as it first did (the plan is
  // never changed); another way of asking gets an entry of its own
  const entries = new Map<SubnetModel, Requester>();
  const requesterEntry = (s: SubnetModel, via: string): Requester => {
    const known = entries.get(s);
    if (known?.via === via) return known;
    const entry: Requester = {
      subnet: s.name,
      subnetId: s.id,
      cidr: s.cidr,
      az: azLabel(s),
      routeTable: s.routeTable,
      via,
    };
    if (!known) entries.set(s, entry);
    return entry;
  };
  const clientParts: ClientPartsCache = new Map();
  // what the VPC's subnets ask for and, for a hub, what it offers (the rules read it from the VPC subject)
  const requested = requestedKeys({ subnetKeys: requestersOf.keys(), hub: hubNode });
  for (const { key, svc, hub, types } of endpointTypes({ spec, vpc, requested, topology: opts.topology, dump })) {
    for (const type of types.decision) {
      endpoints.push(
        planEndpoint({
          spec,
          vpc,
          resolved: svc,
          requesters: requestersOf.get(key) ?? none,
          requesterEntry,
          clientParts,
          type,
          typeReasons: types.reasons,
          vpcHasGateway: types.decision.includes("Gateway"),
          split: types.decision.length > 1,
          dump,
          hub,
          explain,
        }),
      );
    }
  }
  sortInPlace(endpoints, byAddress);
  const hub = hubNode ? planHub({ node: hubNode, endpoints, dump }) : undefined;
  const useHub = spokeNode
    ? planUseHub({ spoke: spokeNode, hub: opts.topology.hubs.get(spokeNode.hub) as HubNode, dump })
    : undefined;
  // private hosted zones answer only VPCs with DNS support and DNS hostnames, like private DNS
  const dnsCheck =
    endpoints.some((e) => e.plan.privateDns) ||
    hub !== undefined ||
    (useHub !== undefined && useHub.services.length > 0);
  if (dnsCheck && explain)
    for (const e of endpoints.filter((x) => x.plan.privateDns))
      (e.plan.reasons as string[]).push(
        `private DNS needs the VPC's DNS support and DNS hostnames: checked at plan time (check vpc_dns_${vpc.name})`,
      );
  const adoption = opts.inventory
    ? decideAdoption({
        vpc,
        planned: endpoints.map((e) => e.plan),
        inventory: { file: displayPath(opts.inventory.file), endpoints: opts.inventory.endpoints },
        // <region>.json read for a spec with an account: only that account's endpoints are its own
        ...(spec.account ? { account: spec.account } : {}),
        region: spec.region,
        stackTags: spec.tags,
      })
    : undefined;
  if (adoption)
    endpoints = endpoints.map((e) => {
      const adopt = adoption.adopted.get(e.plan.address);
      if (!adopt) return e;
      const reasons = explain
        ? [
            ...e.plan.reasons,
            `adopts ${adopt.endpointId} (${adopt.source}): imported, ${adopt.changes.length} change(s) at apply`,
          ]
        : NO_REASONS;
      return { ...e, plan: { ...e.plan, adopt, reasons } };
    });
  const plan: VpcPlan = {
    name: vpc.name,
    id: vpc.id,
    cidrs: vpc.cidrs,
    endpoints: endpoints.map((e) => e.plan),
    dnsCheck,
    ...(hub ? { hub } : {}),
    ...(useHub ? { useHub } : {}),
    ...(adoption ? { existing: adoption.existing, retired: adoption.retired } : {}),
  };
  return {
    model: vpc,
    plan,
    requested,
    endpoints,
    ...(hubNode ? { hubNode } : {}),
    ...(spokeNode ? { spokeNode } : {}),
    ...(adoption ? { adoption } : {}),
  };
}

/** The dump's word on one service and type: the service as the dump describes it, and where it is offered. */
type DumpConsulted = { svc: ResolvedService; dump?: EndpointFacts["dump"]; reasons: readonly string[] };

/**
 * What consultDump found, by dump, service (the catalog's services are resolved once per dump: resolveService), type
 * and whether reasons are written: every VPC asking for a service gets the same answer, made once (never changed).
 */
const consulted = new WeakMap<RegionDump, WeakMap<ResolvedService, Map<string, DumpConsulted>>>();

function consultDump(opts: {
  svc: ResolvedService;
  type: PlannedEndpointType;
  dump?: RegionDump;
  explain: boolean;
}): DumpConsulted {
  const { dump, svc } = opts;
  if (!dump) return { svc, reasons: [] };
  let ofDump = consulted.get(dump);
  if (!ofDump) consulted.set(dump, (ofDump = new WeakMap()));
  let bySvc = ofDump.get(svc);
  if (!bySvc) ofDump.set(svc, (bySvc = new Map()));
  const key = `${opts.type}\0${opts.explain}`;
  let found = bySvc.get(key);
  if (!found) bySvc.set(key, (found = consultDumpOnce({ ...opts, dump })));
  return found;
}

function consultDumpOnce(opts: {
  svc: ResolvedService;
  type: PlannedEndpointType;
  dump: RegionDump;
  explain: boolean;
}): DumpConsulted {
  const { svc, type, dump } = opts;
  // a dump lists its own region's services: a cross-region service is not in it, nor a VPC Lattice ARN
  if (svc.crossRegion || svc.lattice || type === "Resource" || type === "ServiceNetwork") return { svc, reasons: [] };
  const file = displayPath(dump.file);
  const entry = dumpEntry(dump, svc, type);
  if (!entry) return { svc, dump: { file }, reasons: [] };
  const offer = azOfferOf(dump, entry, type, file);
  const zones = () => (offer ? ` in ${[...(offer.azIds ?? offer.azNames ?? [])].join(", ")}` : "");
  return {
    svc: applyDump(svc, type, entry, file),
    dump: { file, entry, ...(offer ? { offer } : {}) },
    reasons: opts.explain ? [`${file} lists ${entry.name} (${type})${zones()}`] : NO_REASONS,
  };
}

function planEndpoint(opts: {
  spec: SpecModel;
  vpc: VpcModel;
  resolved: ResolvedService;
  /** The subnets asking for the service. */
  requesters: Requesters;
  /** The plan's entry for a requesting subnet. */
  requesterEntry: (s: SubnetModel, via: string) => Requester;
  /** The VPC's security group client parts (planSecurityGroups). */
  clientParts: ClientPartsCache;
  type: PlannedEndpointType;
  /** Why the endpoint has this type (decideEndpointTypes). */
  typeReasons: readonly string[];
  /** The VPC also gets this service's gateway endpoint. */
  vpcHasGateway: boolean;
  /** The service is planned as gateway and interface together (type both). */
  split: boolean;
  dump?: RegionDump;
  /** The VPC is a hub offering the service: its endpoint serves the spokes too, without private DNS. */
  hub?: HubNode;
  /** Write the reasons (PlanOptions.explain). */
  explain: boolean;
}): EndpointSubject {
  const { spec, vpc, resolved, type, split, hub, explain } = opts;
  const requesters = opts.requesters.subnets;
  const vias = opts.requesters.vias;
  const settings = vpc.endpoints.get(resolved.key);
  const at: Located =
    settings ??
    hub?.vpc.hub?.servicesAt[resolved.key] ??
    requesters[0].requests.find((r) => r.key === resolved.key) ??
    requesters[0];
  const clients = hub ? hubClients({ hub, service: resolved.key }) : [];
  const half = split && type === "Interface";
  const address = sanitizeName(`${vpc.name}_${resolved.key}${half ? "_interface" : ""}`);
  // the address under the names before the renames the spec declares (renamedFrom): moved blocks lead from it
  const previousAddress =
    vpc.renamedFrom === undefined && settings?.renamedFrom === undefined
      ? address
      : sanitizeName(
          `${vpc.renamedFrom ?? vpc.name}_${settings?.renamedFrom ?? resolved.key}${half ? "_interface" : ""}`,
        );
  const fromDump = consultDump({ svc: resolved, type, dump: opts.dump, explain });
  const svc = fromDump.svc;
  // (`reasons?.push(...)` builds no text at all without reasons)
  const reasons: string[] | undefined = explain ? [] : undefined;
  if (reasons) {
    const list = opts.requesters;
    const asked = (list.asked ??= requesters.map((s, i) => `${s.name} (${vias[i]})`).join(", "));
    reasons.push(
      hub
        ? `hub service (${hub.vpc.hub?.path}): for ${asked || "no subnet of the hub"} and ` +
            `${counted({ n: clients, one: "subnet" })} of its spokes` +
            (clients.length > 0
              ? ` (${[...new Set(clients.map((c) => c.label?.replace(/\/[^/]*$/, "")))].join(", ")})`
              : "")
        : `requested by ${asked}`,
    );
    for (const r of opts.typeReasons) reasons.push(r);
    for (const r of fromDump.reasons) reasons.push(r);
  }
  if (svc.crossRegion)
    reasons?.push(
      `${svc.crossRegion.catalogId} in ${svc.crossRegion.region} (serviceRegion): a cross-region interface ` +
        `endpoint to ${svc.names.Interface}`,
    );
  const policy = decidePolicy({ spec, svc, settings, at });
  let routeTableIds: string[] = [];
  let subnets: EndpointPlan["subnets"] = [];
  let securityGroups: EndpointPlan["securityGroups"] = [];
  let privateDns = false;
  let onlyInbound: boolean | undefined;
  let dnsCaptured: readonly string[] = [];
  const decided: {
    -readonly [K in "gateway" | "placement" | "privateDns" | "securityGroupRules"]?: EndpointFacts[K];
  } = {};
  if (type === "Gateway") {
    const g = (opts.requesters.gateway ??= planGatewayRouteTables({ vpc, requesters }));
    routeTableIds = g.decision.routeTableIds;
    decided.gateway = g.decision;
    reasons?.push(...g.reasons);
  } else {
    const offer = fromDump.dump?.offer;
    const place = () =>
      placeInterfaceEndpoint({ vpc, service: svc.key, requesters, offer, ...(hub ? { hub: true } : {}), explain });
    // the same for every endpoint its requester list asks for, unless a dump's offer (its reasons name the service)
    // or a hub (every zone of the hub VPC) decides it
    const p = offer || hub ? place() : (opts.requesters.placement ??= place());
    const fixed = settings?.fixedIps;
    subnets =
      fixed && hasKeys(fixed)
        ? p.decision.subnets.map((s) => (fixed[s.subnet] ? { ...s, ipv4: fixed[s.subnet] } : s))
        : p.decision.subnets;
    decided.placement = p.decision;
    reasons?.push(...p.reasons);
    if (svc.lattice)
      reasons?.push(
        settings?.ports
          ? `ports ${svc.lattice.ports.join(", ")} (${settings.path}.ports)`
          : "port 443 (default: the resource's own ports are not known offline; set ports: to admit others)",
      );
    const pinned = reasons ? subnets.filter((s) => s.ipv4 !== undefined) : [];
    if (pinned.length > 0)
      reasons?.push(
        `fixed ENI ${agree({ n: pinned, one: "address", many: "addresses" })} ` +
          pinned.map((s) => `${s.ipv4} in ${s.subnet}`).join(", "),
      );
    const sg = planSecurityGroups({
      vpc: vpc.name,
      service: svc.key,
      address,
      ports: svc.lattice?.ports ?? [svc.port],
      portInAddress: svc.lattice !== undefined,
      requesters: clients.length > 0 ? [...requesters, ...clients] : requesters,
      allowedCidrs: settings?.allowedCidrs ?? [],
      allowedSecurityGroups: settings?.allowedSecurityGroups ?? [],
      ipv6: settings?.ipAddressType === "dualstack" || settings?.ipAddressType === "ipv6",
      previousAddress,
      explain,
      clientParts: opts.clientParts,
    });
    securityGroups = sg.decision;
    decided.securityGroupRules = sg.rules;
    reasons?.push(...sg.reasons);
    const dns = hub
      ? {
          decision: { enabled: false, captured: [] },
          reasons: [
            "private DNS off: a hub endpoint; the hub's private hosted zone for the service answers the hub and " +
              "the spokes that ask",
          ],
        }
      : decidePrivateDns({
          spec,
          vpc,
          svc,
          settings,
          requesters,
          vpcHasGateway: opts.vpcHasGateway,
          admitted: () => sg.rules.admitted(),
          explain,
        });
    decided.privateDns = dns.decision;
    privateDns = dns.decision.enabled;
    onlyInbound = dns.decision.onlyForInboundResolver;
    dnsCaptured = dns.decision.captured;
    reasons?.push(...dns.reasons);
  }
  reasons?.push(...policy.reasons);
  if (svc.lattice) reasons?.push(`cost: ${LATTICE_UNPRICED[svc.lattice.type]}`);
  if (settings?.ipAddressType !== undefined || settings?.dnsRecordIpType !== undefined)
    reasons?.push(
      [
        settings.ipAddressType ? `ip address type ${settings.ipAddressType}` : undefined,
        settings.dnsRecordIpType ? `DNS records ${settings.dnsRecordIpType}` : undefined,
      ]
        .filter(Boolean)
        .join(", ") + " (endpoints entry)",
    );
  // sorted: the order keys are written in changes no byte of the output
  const tagged = settings?.tags !== undefined && hasKeys(settings.tags);
  const tags = tagged ? sortedRecord(settings.tags) : {};
  if (tagged)
    reasons?.push(
      `tags ${Object.entries(tags)
        .map(([k, v]) => `${k}=${v}`)
        .join(", ")} on the endpoint${type !== "Gateway" ? " and its security groups" : ""}, over the stack tags`,
    );
  // AWS refuses private DNS for the inbound resolver only until the VPC's S3 gateway exists: create it first.
  const dependsOn = onlyInbound ? [sanitizeName(`${vpc.name}_${resolved.key}`)] : [];
  // One literal with every field, those a plan may leave out set to undefined (what JSON leaves out as well): no
  // spread of optional parts, so every endpoint has the same shape, its fields held in the object itself.
  const endpoint: EndpointPlan = {
    address,
    movedFrom: previousAddress !== address ? previousAddress : undefined,
    key: `${vpc.name}/${resolved.key}${half ? "/interface" : ""}`,
    dependsOn,
    vpc: vpc.name,
    vpcId: vpc.id,
    service: svc.key,
    serviceName: svc.lattice?.arn ?? (svc.names[type as EndpointType] as string),
    serviceRegion: svc.crossRegion?.region,
    type,
    port: svc.port,
    ports: svc.lattice?.ports,
    requesters: (opts.requesters.entries ??= requesters.map((s, i) => opts.requesterEntry(s, vias[i]))),
    routeTableIds,
    subnets,
    securityGroups,
    privateDns,
    privateDnsOnlyForInboundResolverEndpoint: onlyInbound,
    ipAddressType: settings?.ipAddressType || undefined,
    dnsRecordIpType: settings?.dnsRecordIpType || undefined,
    dnsCaptured,
    policy: policy.decision.policy,
    tags,
    reasons: reasons ?? NO_REASONS,
    hourlyUsd: type === "Interface" ? subnets.length * PRICES.interfacePerAzHour : PRICES.gatewayPerHour,
    unpriced: svc.lattice ? LATTICE_UNPRICED[svc.lattice.type] : undefined,
  };
  const facts: EndpointFacts = {
    svc,
    settings,
    at,
    requesters,
    split,
    dump: fromDump.dump,
    policy: policy.decision,
    gateway: decided.gateway,
    placement: decided.placement,
    privateDns: decided.privateDns,
    securityGroupRules: decided.securityGroupRules,
  };
  return { plan: endpoint, facts };
}

/** Whether the record has an own key: without building the list of its entries. */
function hasKeys(record: Readonly<Record<string, unknown>>): boolean {
  for (const k in record) if (Object.hasOwn(record, k)) return true;
  return false;
}

function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(by(([k]) => k)));
}

export type { Plan, StackPlan, VpcPlan, EndpointPlan } from "./plan";
