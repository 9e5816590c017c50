/**
 * The planner: validated spec models in, a plan and its findings out.
 * Pure: no cdktf, no I/O. Everything is ordered by names, never by list
 * positions, so reordering the input changes nothing.
 */
import type { Diagnostic } from "../diagnostics";
import type { Located, SpecModel, SubnetModel, VpcModel } from "../input/spec-model";
import type { EndpointPlan, Plan, PlannedEndpointType, StackPlan, VpcPlan } from "./plan";
import { PRICES } from "./pricing";
import { decideEndpointTypes } from "./decisions/endpoint-type";
import { planGatewayRouteTables } from "./decisions/gateway";
import { azLabel, placeInterfaceEndpoint, type AzOffer } from "./decisions/placement";
import { decidePolicy } from "./decisions/policy";
import { decidePrivateDns, reportPrivateDnsCapture } from "./decisions/private-dns";
import { planSecurityGroups } from "./decisions/security-group";
import {
  checkAddresses,
  checkGatewayQuota,
  checkInterfaceQuota,
  reportFullAccess,
  reportInterfaceOnlySettings,
  reportUnusedOverrides,
} from "./decisions/stack-checks";
import { applyDump, dumpEntry, resolveService, type ResolvedService } from "./service";
import { azOfferOf, type RegionDump } from "../region-dumps/read";
import { displayPath } from "../input/load";
import { finding } from "./decisions/types";
import { by } from "../order";

export interface PlanOptions {
  /**
   * Region dumps (`catalog/<region>.json`) by region. Where one exists for a
   * stack's region it is the authority on names, types, policy support and
   * the AZs a service is offered in.
   */
  readonly dumps?: ReadonlyMap<string, RegionDump>;
}

export interface PlanResult {
  readonly plan: Plan;
  readonly diagnostics: Diagnostic[];
}

const byName = by((x: { name: string }) => x.name);

export function planStacks(models: readonly SpecModel[], opts: PlanOptions = {}): PlanResult {
  const diagnostics: Diagnostic[] = [];
  const stacks: StackPlan[] = [];
  const sorted = [...models].sort(by((m) => m.stack));
  for (const m of sorted) {
    const r = planStack(m, opts);
    stacks.push(r.stack);
    diagnostics.push(...r.diagnostics);
  }
  diagnostics.push(...checkGatewayQuota(sorted, stacks));
  return { plan: { stacks }, diagnostics };
}

export function planStack(spec: SpecModel, opts: PlanOptions = {}): { stack: StackPlan; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const vpcs: VpcPlan[] = [];
  for (const vpc of [...spec.vpcs].sort(byName)) {
    const endpoints: EndpointPlan[] = [];
    const keys = [...new Set(vpc.subnets.flatMap((s) => s.requests.map((r) => r.key)))].sort();
    const resolved = new Map(
      keys.map((k) => [
        k,
        resolveService({
          key: k,
          region: spec.region,
          partition: spec.partition,
          settings: vpc.endpoints.get(k),
          dump: opts.dumps?.get(spec.region),
        }),
      ]),
    );
    const types = new Map(
      keys.map((k) => [k, decideEndpointTypes(resolved.get(k) as ResolvedService, vpc.endpoints.get(k))]),
    );
    for (const key of keys) {
      const t = types.get(key) as ReturnType<typeof decideEndpointTypes>;
      diagnostics.push(...t.findings);
      for (const type of t.decision) {
        const r = planEndpoint(
          spec,
          vpc,
          resolved.get(key) as ResolvedService,
          type,
          t.reasons,
          t.decision.includes("Gateway"),
          t.decision.length > 1,
          opts,
        );
        endpoints.push(r.endpoint);
        diagnostics.push(...r.diagnostics);
      }
    }
    endpoints.sort(by((e) => e.address));
    diagnostics.push(...reportUnusedOverrides(spec, vpc, new Set(keys)));
    diagnostics.push(...reportPrivateDnsCapture(spec, vpc, endpoints));
    diagnostics.push(...reportFullAccess(spec, vpc, endpoints));
    diagnostics.push(...checkInterfaceQuota(spec, vpc, endpoints).findings);
    vpcs.push({ name: vpc.name, id: vpc.id, cidrs: vpc.cidrs, endpoints });
  }
  const stack: StackPlan = {
    stack: spec.stack,
    file: spec.file,
    region: spec.region,
    partition: spec.partition,
    account: spec.account,
    assumeRoleArn: spec.assumeRoleArn,
    backend: spec.backend,
    tags: spec.tags,
    vpcs,
  };
  diagnostics.push(...checkAddresses(spec, stack));
  return { stack, diagnostics };
}

/** Terraform resource names: letters, digits, '_' and '-'; '.' in service ids becomes '_'. */
export function sanitizeName(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, "_");
}

/** The dump's word on one service and type: the service as the dump describes it, and where it is offered. */
function consultDump(
  spec: SpecModel,
  svc: ResolvedService,
  type: PlannedEndpointType,
  at: Located,
  opts: PlanOptions,
): { svc: ResolvedService; offer?: AzOffer; findings: Diagnostic[]; reasons: string[] } {
  const dump = opts.dumps?.get(spec.region);
  if (!dump) return { svc, findings: [], reasons: [] };
  const file = displayPath(dump.file);
  const entry = dumpEntry(dump, svc, type);
  if (!entry) {
    return {
      svc,
      findings: [
        finding(
          spec.file,
          at,
          "SERVICE_NOT_IN_DUMP",
          `the region dump ${file} has no ${type.toLowerCase()} endpoint service for ${svc.key} (${svc.names[type] ?? "no catalog name"}).`,
          `The service is not offered in ${spec.region} (or not to this account); choose another type or record the dump again with aws ec2 describe-vpc-endpoint-services --region ${spec.region}.`,
        ),
      ],
      reasons: [],
    };
  }
  const offer = azOfferOf(dump, entry, type, file);
  const zones = offer ? [...(offer.azIds ?? offer.azNames ?? [])].join(", ") : "";
  return {
    svc: applyDump(svc, type, entry, file),
    offer,
    findings: [],
    reasons: [`${file} lists ${entry.name} (${type})${offer ? ` in ${zones}` : ""}`],
  };
}

function planEndpoint(
  spec: SpecModel,
  vpc: VpcModel,
  resolved: ResolvedService,
  type: PlannedEndpointType,
  typeReasons: readonly string[],
  /** The VPC also gets this service's gateway endpoint. */
  vpcHasGateway: boolean,
  split: boolean,
  opts: PlanOptions,
): { endpoint: EndpointPlan; diagnostics: Diagnostic[] } {
  const settings = vpc.endpoints.get(resolved.key);
  const requesters: SubnetModel[] = vpc.subnets
    .filter((s) => s.requests.some((r) => r.key === resolved.key))
    .sort(byName);
  const at: Located = settings ?? requesters[0].requests.find((r) => r.key === resolved.key) ?? requesters[0];
  const half = split && type === "Interface";
  const address = sanitizeName(`${vpc.name}_${resolved.key}${half ? "_interface" : ""}`);
  const fromDump = consultDump(spec, resolved, type, at, opts);
  const svc = fromDump.svc;
  const diagnostics: Diagnostic[] = [...fromDump.findings];
  const reasons: string[] = [
    `requested by ${requesters.map((s) => `${s.name} (${s.requests.find((r) => r.key === svc.key)?.via})`).join(", ")}`,
    ...typeReasons,
    ...fromDump.reasons,
  ];
  const policy = decidePolicy(spec, svc, settings, at);
  let routeTableIds: string[] = [];
  let subnets: EndpointPlan["subnets"] = [];
  let securityGroups: EndpointPlan["securityGroups"] = [];
  let privateDns = false;
  let onlyInbound: boolean | undefined;
  let dnsCaptured: readonly string[] = [];
  if (type === "Gateway") {
    if (!split) diagnostics.push(...reportInterfaceOnlySettings(spec, settings));
    const g = planGatewayRouteTables(spec.file, vpc, svc.key, requesters);
    routeTableIds = g.decision;
    diagnostics.push(...g.findings);
    reasons.push(...g.reasons);
  } else {
    const p = placeInterfaceEndpoint(spec.file, vpc, svc.key, requesters, at, fromDump.offer);
    subnets = p.decision;
    diagnostics.push(...p.findings);
    reasons.push(...p.reasons);
    const sg = planSecurityGroups(
      spec.file,
      at,
      vpc.name,
      svc.key,
      address,
      svc.port,
      requesters,
      settings?.allowedCidrs ?? [],
    );
    securityGroups = sg.decision;
    diagnostics.push(...sg.findings);
    reasons.push(...sg.reasons);
    const dns = decidePrivateDns(spec, vpc, svc, settings, requesters, vpcHasGateway);
    diagnostics.push(...dns.findings);
    privateDns = dns.decision.enabled;
    onlyInbound = dns.decision.onlyForInboundResolver;
    dnsCaptured = dns.decision.captured;
    reasons.push(...dns.reasons);
  }
  diagnostics.push(...policy.findings);
  reasons.push(...policy.reasons);
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
    type,
    port: svc.port,
    requesters: requesters.map((s) => ({
      subnet: s.name,
      subnetId: s.id,
      cidr: s.cidr,
      az: azLabel(s),
      routeTable: s.routeTable,
      via: s.requests.find((r) => r.key === svc.key)?.via ?? "services",
    })),
    routeTableIds,
    subnets,
    securityGroups,
    privateDns,
    privateDnsOnlyForInboundResolverEndpoint: onlyInbound,
    dnsCaptured,
    policy: policy.decision,
    reasons,
    hourlyUsd: type === "Interface" ? subnets.length * PRICES.interfacePerAzHour : PRICES.gatewayPerHour,
  };
  return { endpoint, diagnostics };
}

export type { Plan, StackPlan, VpcPlan, EndpointPlan } from "./plan";
