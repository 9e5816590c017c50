import type { Diagnostic } from "../../diagnostics";
import type { EndpointSettings, Located, SpecModel, VpcModel } from "../../input/spec-model";
import type { EndpointPlan, StackPlan } from "../plan";
import type { RuleResult } from "./types";
import { finding } from "./types";

/** Default quotas (Amazon VPC quotas page). */
export const QUOTAS = { interfaceEndpointsPerVpc: 50, gatewayEndpointsPerRegion: 20 } as const;

/** More interface endpoints in a VPC than the default quota. */
export function checkInterfaceQuota(
  spec: SpecModel,
  vpc: VpcModel,
  endpoints: readonly EndpointPlan[],
): RuleResult<number> {
  const n = endpoints.filter((e) => e.type === "Interface").length;
  const findings =
    n > QUOTAS.interfaceEndpointsPerVpc
      ? [
          finding(
            spec.file,
            vpc,
            "INTERFACE_QUOTA",
            `VPC ${vpc.name} gets ${n} interface endpoints; the default quota is ${QUOTAS.interfaceEndpointsPerVpc} per VPC.`,
            "Request a quota increase (Service Quotas, Amazon VPC) before applying, or centralize endpoints in a hub VPC.",
          ),
        ]
      : [];
  return { decision: n, findings, reasons: [] };
}

/**
 * More gateway endpoints in one region of one account than the default
 * quota, counted over all stacks (stacks without `account` count together).
 * Reported once, at the `vpcs` of the stack that crosses the line.
 */
export function checkGatewayQuota(specs: readonly SpecModel[], stacks: readonly StackPlan[]): Diagnostic[] {
  const counts = new Map<string, number>();
  const out: Diagnostic[] = [];
  stacks.forEach((stack, i) => {
    const spec = specs[i];
    const where = `${spec.account ?? "(account not set)"}/${spec.region}`;
    const before = counts.get(where) ?? 0;
    const n = before + stack.vpcs.flatMap((v) => v.endpoints).filter((e) => e.type === "Gateway").length;
    counts.set(where, n);
    if (before <= QUOTAS.gatewayEndpointsPerRegion && n > QUOTAS.gatewayEndpointsPerRegion) {
      out.push(
        finding(
          spec.file,
          { path: "vpcs", pos: spec.source.positionOf(["vpcs"]) },
          "GATEWAY_QUOTA",
          `with this stack, the specs create ${n} gateway endpoints in ${spec.region}${spec.account ? ` for account ${spec.account}` : ""}; the default quota is ${QUOTAS.gatewayEndpointsPerRegion} per region.`,
          "Request a quota increase before applying.",
        ),
      );
    }
  });
  return out;
}

/** Settings only an interface endpoint uses, on a service planned as a gateway: say they do nothing. */
export function reportInterfaceOnlySettings(spec: SpecModel, settings: EndpointSettings | undefined): Diagnostic[] {
  if (!settings) return [];
  const unused = [
    settings.allowedCidrs.length > 0 ? "allowedCidrs" : undefined,
    settings.privateDns !== undefined ? "privateDns" : undefined,
  ].filter((x): x is string => x !== undefined);
  if (unused.length === 0) return [];
  return [
    finding(
      spec.file,
      settings,
      "UNUSED_ENDPOINT_OVERRIDE",
      `endpoints.${settings.key} sets ${unused.join(" and ")}, which only interface endpoints use, but ${settings.key} is planned as a gateway endpoint: ${unused.length > 1 ? "they do" : "it does"} nothing.`,
      settings.key === "s3"
        ? "Set type: both to add an interface endpoint for clients outside the VPC, or remove the settings."
        : "Set type: interface, or remove the settings.",
    ),
  ];
}

/**
 * Endpoints left with full access, one warning per place that decided it
 * (an endpoint's own `policy`, a service outside the catalog, or the
 * defaults), listing the services.
 */
export function reportFullAccess(spec: SpecModel, vpc: VpcModel, endpoints: readonly EndpointPlan[]): Diagnostic[] {
  const groups = new Map<string, { at: Located; why: "explicit" | "custom" | "default"; services: Set<string> }>();
  for (const e of endpoints) {
    if (e.policy.kind !== "full-access") continue;
    const settings = vpc.endpoints.get(e.service);
    const [at, why]: [Located, "explicit" | "custom" | "default"] =
      settings?.policy?.kind === "full-access" && settings.policyPath
        ? [settings.policyPath, "explicit"]
        : settings?.serviceName
          ? [settings, "custom"]
          : [spec.defaults.policyPath ?? vpc, "default"];
    const g = groups.get(at.path) ?? { at, why, services: new Set<string>() };
    g.services.add(e.service);
    groups.set(at.path, g);
  }
  return [...groups.values()].map(({ at, why, services }) => {
    const list = [...services].sort();
    const hint =
      why === "explicit"
        ? "full-access is set here; use org-only or a policy file to restrict what the endpoint reaches."
        : why === "custom"
          ? `Services outside the catalog get no policy unless their entry sets one: add policy: <file> to endpoints.${list[0]}.`
          : spec.organizationId
            ? "Set defaults.policy: org-only (or a policy file) to keep traffic inside your organization."
            : "Set organizationId and defaults.policy: org-only, or a policy file, to restrict what the endpoint reaches.";
    return finding(
      spec.file,
      at,
      "FULL_ACCESS_POLICY",
      `in VPC ${vpc.name}, ${list.join(", ")} ${list.length === 1 ? "has" : "have"} a full-access endpoint policy: any principal may reach any resource of the service through it.`,
      hint,
    );
  });
}

/** Overrides under endpoints: that no subnet requests do nothing: say so. */
export function reportUnusedOverrides(spec: SpecModel, vpc: VpcModel, requested: ReadonlySet<string>): Diagnostic[] {
  return [...vpc.endpoints.values()]
    .filter((e) => !requested.has(e.key))
    .map((e) =>
      finding(
        spec.file,
        e,
        "UNUSED_ENDPOINT_OVERRIDE",
        `endpoints.${e.key} is set, but no subnet of VPC ${vpc.name} requests ${e.key}: no endpoint is created.`,
        `Add ${e.key} to the services of the subnets that need it, or remove the entry.`,
      ),
    );
}

/**
 * cdktf merges two resources whose names sanitize alike; Terraform addresses
 * must be unique per resource type. Names are built from the spec's names, so
 * a collision is reported at the endpoint that repeats an address.
 */
export function checkAddresses(spec: SpecModel, stack: StackPlan): Diagnostic[] {
  const seen = new Map<string, string>();
  const out: Diagnostic[] = [];
  const claim = (
    kind: string,
    address: string,
    owner: string,
    at: { path: string; pos: { line: number; col: number } },
  ) => {
    const key = `${kind}.${address}`;
    const prev = seen.get(key);
    if (prev !== undefined && prev !== owner) {
      out.push(
        finding(
          spec.file,
          at,
          "ADDRESS_COLLISION",
          `${owner} and ${prev} both map to the Terraform address ${kind}.${address}.`,
          "Rename the VPC, subnet or endpoints key so the names differ after '.' becomes '_'.",
        ),
      );
    } else seen.set(key, owner);
  };
  for (const vpc of stack.vpcs) {
    const vm = spec.vpcs.find((v) => v.name === vpc.name) as VpcModel;
    for (const e of vpc.endpoints) {
      const at = vm.endpoints.get(e.service) ?? vm;
      claim(
        "aws_vpc_endpoint",
        e.address,
        `the ${e.type.toLowerCase()} endpoint of ${e.service} in VPC ${vpc.name}`,
        at,
      );
      for (const sg of e.securityGroups)
        claim("aws_security_group", sg.address, `the security group ${sg.name} of VPC ${vpc.name}`, at);
      for (const r of e.securityGroups.flatMap((g) => g.ingress))
        claim("aws_vpc_security_group_ingress_rule", r.address, `rule "${r.description}" of VPC ${vpc.name}`, at);
    }
  }
  return out;
}
