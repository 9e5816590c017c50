import type { SpecModel, SubnetModel, VpcModel, EndpointSettings } from "../../input/spec-model";
import type { ResolvedService } from "../service";
import type { Decided } from "./types";

export interface PrivateDnsDecision {
  readonly enabled: boolean;
  /** S3 only: set when private DNS is on. */
  readonly onlyForInboundResolver?: boolean;
  /** Subnets that did not ask for the service but will resolve it to the endpoint. */
  readonly captured: readonly string[];
  /** privateDns: true was asked, but the region dump lists no private DNS name for the service: turned off. */
  readonly unavailable?: boolean;
}

/**
 * Private DNS of an interface endpoint: on by default for catalog services
 * (defaults.privateDns), off for services outside the catalog unless set.
 * S3: with a gateway in the same VPC, only the inbound resolver answers with
 * the endpoint (else creation fails); without one, the whole VPC does.
 * With private DNS, the whole VPC resolves the service to the endpoint, so
 * subnets that did not ask lose access: they are returned (`captured`).
 * Subnets listed in
 * endpointSubnets that ask for nothing hold ENIs, not clients: not counted.
 */
export function decidePrivateDns(opts: {
  spec: SpecModel;
  vpc: VpcModel;
  svc: ResolvedService;
  settings?: EndpointSettings;
  requesters: readonly SubnetModel[];
  /** The VPC also gets this service's gateway endpoint. */
  vpcHasGateway: boolean;
}): Decided<PrivateDnsDecision> {
  const { spec, vpc, svc, settings, requesters, vpcHasGateway } = opts;
  const reasons: string[] = [];
  let enabled: boolean;
  if (settings?.privateDns !== undefined) {
    enabled = settings.privateDns;
    reasons.push(`private DNS ${enabled ? "on" : "off"}: set at ${settings.path}.privateDns`);
    if (enabled && !svc.privateDns && svc.dump) {
      return { decision: { enabled: false, captured: [], unavailable: true }, reasons };
    }
    if (enabled && !svc.privateDns)
      reasons.push(`the catalog knows no private DNS for ${svc.key}; kept on as asked (a region dump would settle it)`);
  } else if (svc.custom) {
    enabled = false;
    reasons.push(
      "private DNS off: services outside the catalog need a verified private DNS name; set " +
        "privateDns: true if the provider has one",
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
  if (!enabled) return { decision: { enabled, captured: [] }, reasons };
  let onlyForInboundResolver: boolean | undefined;
  if (svc.inboundResolverOnlyWithGateway) {
    onlyForInboundResolver = vpcHasGateway;
    reasons.push(
      vpcHasGateway
        ? `the VPC has a ${svc.key} gateway endpoint: private DNS answers only the inbound resolver ` +
            `(VPC traffic keeps using the gateway)`
        : `no ${svc.key} gateway endpoint in the VPC: private DNS answers the whole VPC ` +
            `(private_dns_only_for_inbound_resolver_endpoint = false)`,
    );
    if (onlyForInboundResolver) return { decision: { enabled, onlyForInboundResolver, captured: [] }, reasons };
  }
  const asking = new Set(requesters.map((s) => s.name));
  const captured = vpc.subnets
    .filter((s) => !asking.has(s.name) && !(vpc.endpointSubnets?.includes(s.name) && s.requests.length === 0))
    .map((s) => s.name)
    .sort();
  if (captured.length > 0)
    reasons.push(`private DNS also answers ${captured.join(", ")}, which did not ask: they lose access to ${svc.key}`);
  return { decision: { enabled, onlyForInboundResolver, captured }, reasons };
}
