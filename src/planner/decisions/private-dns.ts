import type { Diagnostic } from "../../diagnostics";
import type { SpecModel, SubnetModel, VpcModel, Located, EndpointSettings } from "../../input/spec-model";
import type { ResolvedService } from "../service";
import type { RuleResult } from "./types";
import { finding } from "./types";

export interface PrivateDnsDecision {
  readonly enabled: boolean;
  /** S3 only: set when private DNS is on. */
  readonly onlyForInboundResolver?: boolean;
  /** Subnets that did not ask for the service but will resolve it to the endpoint. */
  readonly captured: readonly string[];
}

/**
 * Private DNS of an interface endpoint: on by default for catalog services
 * (defaults.privateDns), off for services outside the catalog unless set.
 * S3: with a gateway in the same VPC, only the inbound resolver answers with
 * the endpoint (else creation fails); without one, the whole VPC does.
 * With private DNS, the whole VPC resolves the service to the endpoint, so
 * subnets that did not ask lose access: they are returned (`captured`) and
 * reported per VPC by reportPrivateDnsCapture. Subnets listed in
 * endpointSubnets that ask for nothing hold ENIs, not clients: not counted.
 */
export function decidePrivateDns(
  spec: SpecModel,
  vpc: VpcModel,
  svc: ResolvedService,
  settings: EndpointSettings | undefined,
  requesters: readonly SubnetModel[],
  vpcHasGateway: boolean,
): RuleResult<PrivateDnsDecision> {
  const reasons: string[] = [];
  let enabled: boolean;
  if (settings?.privateDns !== undefined) {
    enabled = settings.privateDns;
    reasons.push(`private DNS ${enabled ? "on" : "off"}: set at ${settings.path}.privateDns`);
    if (enabled && !svc.privateDns && svc.dump) {
      return {
        decision: { enabled: false, captured: [] },
        findings: [
          finding(
            spec.file,
            settings,
            "PRIVATE_DNS_UNAVAILABLE",
            `privateDns: true, but ${svc.dump} lists no private DNS name for ${svc.key}: creating the endpoint would fail.`,
            "Remove privateDns (clients use the endpoint's own DNS names), or record the dump again if the service gained private DNS.",
          ),
        ],
        reasons,
      };
    }
    if (enabled && !svc.privateDns)
      reasons.push(`the catalog knows no private DNS for ${svc.key}; kept on as asked (a region dump would settle it)`);
  } else if (svc.custom) {
    enabled = false;
    reasons.push(
      "private DNS off: services outside the catalog need a verified private DNS name; set privateDns: true if the provider has one",
    );
  } else if (!svc.privateDns) {
    enabled = false;
    reasons.push(`private DNS off: ${svc.key} offers none`);
  } else {
    enabled = spec.defaults.privateDns;
    reasons.push(
      `private DNS ${enabled ? "on" : "off"} (defaults.privateDns${spec.defaults.privateDns ? ", default true" : ""})`,
    );
  }
  if (!enabled) return { decision: { enabled, captured: [] }, findings: [], reasons };
  let onlyForInboundResolver: boolean | undefined;
  if (svc.inboundResolverOnlyWithGateway) {
    onlyForInboundResolver = vpcHasGateway;
    reasons.push(
      vpcHasGateway
        ? `the VPC has a ${svc.key} gateway endpoint: private DNS answers only the inbound resolver (VPC traffic keeps using the gateway)`
        : `no ${svc.key} gateway endpoint in the VPC: private DNS answers the whole VPC (private_dns_only_for_inbound_resolver_endpoint = false)`,
    );
    if (onlyForInboundResolver)
      return { decision: { enabled, onlyForInboundResolver, captured: [] }, findings: [], reasons };
  }
  const asking = new Set(requesters.map((s) => s.name));
  const captured = vpc.subnets
    .filter((s) => !asking.has(s.name) && !(vpc.endpointSubnets?.includes(s.name) && s.requests.length === 0))
    .map((s) => s.name)
    .sort();
  if (captured.length > 0)
    reasons.push(`private DNS also answers ${captured.join(", ")}, which did not ask: they lose access to ${svc.key}`);
  return { decision: { enabled, onlyForInboundResolver, captured }, findings: [], reasons };
}

/**
 * One warning per VPC and set of captured subnets, naming the services:
 * private DNS makes the whole VPC resolve them to endpoints whose security
 * groups do not admit those subnets.
 */
export function reportPrivateDnsCapture(
  spec: SpecModel,
  vpc: VpcModel,
  endpoints: readonly { service: string; dnsCaptured: readonly string[] }[],
): Diagnostic[] {
  const groups = new Map<string, string[]>();
  for (const e of endpoints) {
    if (e.dnsCaptured.length === 0) continue;
    const key = e.dnsCaptured.join(", ");
    groups.set(key, [...(groups.get(key) ?? []), e.service]);
  }
  return [...groups.entries()].map(([subnets, services]) => {
    const first = services[0];
    const at: Located =
      vpc.endpoints.get(first) ?? vpc.subnets.flatMap((s) => s.requests).find((r) => r.key === first) ?? vpc;
    const many = services.length > 1;
    return finding(
      spec.file,
      at,
      "PRIVATE_DNS_CAPTURE",
      `private DNS makes all of VPC ${vpc.name} resolve ${services.join(", ")} to ${many ? "their endpoints" : "the endpoint"}; ${subnets} did not ask for ${many ? "them" : "it"} and ${many ? "are not admitted by the endpoints' security groups" : "are not admitted by its security group"}, so calls from there fail instead of going through NAT.`,
      `Add the service${many ? "s" : ""} to those subnets if they use ${many ? "them" : "it"}, or set privateDns: false under endpoints.<service>.`,
    );
  });
}
