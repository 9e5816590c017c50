import { indexHolding, overlapsAny, parseCidr, type Cidr } from "../../cidr";
import type { SpecModel, SubnetModel, VpcModel, EndpointSettings } from "../../input/spec-model";
import { by } from "../../order";
import { agree } from "../../text";
import type { ResolvedService } from "../service";
import { NO_REASONS, type Decided } from "./types";

/** No subnet captured: one empty list for every endpoint (a plan is never changed). */
const NONE: readonly string[] = Object.freeze([]);

export interface PrivateDnsDecision {
  readonly enabled: boolean;
  /** S3 only: set when private DNS is on. */
  readonly onlyForInboundResolver?: boolean;
  /**
   * Subnets that did not ask for the service, will resolve it to the endpoint,
   * and are not wholly inside the blocks its security groups admit: they lose
   * access (sorted).
   */
  readonly captured: readonly string[];
  /** Of `captured`, the subnets that the admitted blocks cover only in part (sorted). */
  readonly partlyAdmitted?: readonly string[];
  /** Subnets that did not ask but lie wholly inside an admitted block (allowedCidrs): they keep access (sorted). */
  readonly admittedAnyway?: readonly string[];
  /** privateDns: true was asked, but the region dump lists no private DNS name for the service: turned off. */
  readonly unavailable?: boolean;
}

/**
 * Private DNS of an interface endpoint: on by default for catalog services
 * (defaults.privateDns), off for services outside the catalog unless set.
 * S3: with a gateway in the same VPC, only the inbound resolver answers with
 * the endpoint (else creation fails); without one, the whole VPC does.
 * With private DNS, the whole VPC resolves the service to the endpoint, so
 * subnets that did not ask lose access unless the endpoint's security groups
 * admit them anyway: every admitted block counts (the requesters' CIDRs and
 * allowedCidrs). A subnet wholly inside the admitted blocks keeps access; one
 * only partly inside is captured all the same (its other addresses fail, and
 * vpce cannot know which addresses the workloads use), and is named as partly
 * admitted. Subnets listed in endpointSubnets that ask for nothing hold ENIs,
 * not clients: not counted.
 */
export function decidePrivateDns(opts: {
  spec: SpecModel;
  vpc: VpcModel;
  svc: ResolvedService;
  settings?: EndpointSettings;
  requesters: readonly SubnetModel[];
  /** The VPC also gets this service's gateway endpoint. */
  vpcHasGateway: boolean;
  /** The blocks the endpoint's security groups admit (SecurityGroupRules.admitted); asked only when a subnet did not ask. */
  admitted: () => readonly Cidr[];
  /** Write the reasons (default); without, the decision alone (PlanOptions.explain). */
  explain?: boolean;
}): Decided<PrivateDnsDecision> {
  const { spec, vpc, svc, settings, requesters, vpcHasGateway } = opts;
  // (`reasons?.push(...)` builds no text at all without reasons)
  const reasons: string[] | undefined = opts.explain === false ? undefined : [];
  let enabled: boolean;
  if (settings?.privateDns !== undefined) {
    enabled = settings.privateDns;
    reasons?.push(`private DNS ${enabled ? "on" : "off"}: set at ${settings.path}.privateDns`);
    if (enabled && !svc.privateDns && svc.dump) {
      return { decision: { enabled: false, captured: NONE, unavailable: true }, reasons: reasons ?? NO_REASONS };
    }
    if (enabled && !svc.privateDns)
      reasons?.push(
        `the catalog knows no private DNS for ${svc.key}; kept on as asked (a region dump would settle it)`,
      );
  } else if (svc.lattice) {
    enabled = false;
    reasons?.push(
      "private DNS off: a VPC Lattice endpoint answers the custom domain names of its resources in the VPC only " +
        "when its entry sets privateDns: true (the endpoint's own DNS names always work)",
    );
  } else if (svc.custom) {
    enabled = false;
    reasons?.push(
      "private DNS off: services outside the catalog need a verified private DNS name; set " +
        "privateDns: true if the provider has one",
    );
  } else if (!svc.privateDns) {
    enabled = false;
    reasons?.push(`private DNS off: ${svc.key} offers none`);
  } else {
    enabled = spec.defaults.privateDns;
    reasons?.push(
      `private DNS ${enabled ? "on" : "off"} (defaults.privateDns${spec.defaults.privateDns ? ", default true" : ""})`,
    );
  }
  if (!enabled) return { decision: { enabled, captured: NONE }, reasons: reasons ?? NO_REASONS };
  let onlyForInboundResolver: boolean | undefined;
  if (svc.inboundResolverOnlyWithGateway) {
    onlyForInboundResolver = vpcHasGateway;
    reasons?.push(
      vpcHasGateway
        ? `the VPC also has a gateway endpoint for ${svc.key}: private DNS answers only the inbound resolver ` +
            `(VPC traffic keeps using the gateway)`
        : `no ${svc.key} gateway endpoint in the VPC: private DNS answers the whole VPC ` +
            `(private_dns_only_for_inbound_resolver_endpoint = false)`,
    );
    if (onlyForInboundResolver)
      return { decision: { enabled, onlyForInboundResolver, captured: NONE }, reasons: reasons ?? NO_REASONS };
  }
  // the requesters are distinct subnets of the VPC: when every subnet asked, none is captured
  if (requesters.length === vpc.subnets.length)
    return { decision: { enabled, onlyForInboundResolver, captured: NONE }, reasons: reasons ?? NO_REASONS };
  const { captured, partlyAdmitted, admittedAnyway } = capturedSubnets({
    subnets: vpc.subnets,
    asking: new Set(requesters.map((s) => s.name)),
    holdsEnis: (s) => vpc.endpointSubnets?.includes(s.name) === true,
    admitted: opts.admitted,
  });
  if (admittedAnyway.length > 0)
    reasons?.push(
      `private DNS also answers ${admittedAnyway.join(", ")}, which did not ask: the security group admits ` +
        `${agree({ n: admittedAnyway, one: "its CIDR", many: "their CIDRs" })} (allowedCidrs), so ` +
        `${agree({ n: admittedAnyway, one: "it keeps", many: "they keep" })} access to ${svc.key}`,
    );
  if (captured.length > 0)
    reasons?.push(
      `private DNS also answers ${captured.join(", ")}, which did not ask: ` +
        `${agree({ n: captured, one: "it loses", many: "they lose" })} access to ${svc.key}` +
        (partlyAdmitted.length > 0
          ? ` (${partlyAdmitted.join(", ")} only partly admitted: ` +
            `${agree({ n: partlyAdmitted, one: "its", many: "their" })} addresses outside allowedCidrs fail)`
          : ""),
    );
  return {
    decision: {
      enabled,
      onlyForInboundResolver,
      captured,
      ...(partlyAdmitted.length > 0 ? { partlyAdmitted } : {}),
      ...(admittedAnyway.length > 0 ? { admittedAnyway } : {}),
    },
    reasons: reasons ?? NO_REASONS,
  };
}

/**
 * The subnets of a VPC that a name answered VPC-wide (private DNS, or a hub's hosted zone associated with the
 * VPC) sends to an endpoint: those that asked are served; those that asked for nothing and hold ENIs
 * (`holdsEnis`) are not clients; of the others, a subnet wholly inside the admitted blocks keeps access, any
 * other is captured (one only partly inside is named as partly admitted). Sorted by name.
 */
export function capturedSubnets(opts: {
  subnets: readonly SubnetModel[];
  asking: ReadonlySet<string>;
  holdsEnis: (s: SubnetModel) => boolean;
  /**
   * The blocks the endpoint's security groups admit, merged (SecurityGroupRules.admitted); asked only when some subnet is neither
   * asking nor an ENI's. A hub asks once per service for all its spokes, so the caller keeps what this returns.
   */
  admitted: () => readonly Cidr[];
}): { captured: string[]; partlyAdmitted: string[]; admittedAnyway: string[] } {
  const captured: string[] = [];
  const partlyAdmitted: string[] = [];
  const admittedAnyway: string[] = [];
  // most often every subnet asked: nothing to merge, nothing to sort
  const others = opts.subnets.filter(
    (s) => !opts.asking.has(s.name) && !(opts.holdsEnis(s) && s.requests.length === 0),
  );
  if (others.length === 0) return { captured, partlyAdmitted, admittedAnyway };
  // the merged blocks are the maximal aligned blocks of the admitted addresses, so a subnet (itself an
  // aligned block) lies wholly inside the admitted addresses exactly when it lies inside one merged block
  const blocks = opts.admitted();
  for (const s of others.sort(by((s) => s.name))) {
    const cidr = parseCidr(s.cidr) as Cidr;
    if (indexHolding(blocks, cidr) >= 0) admittedAnyway.push(s.name);
    else {
      captured.push(s.name);
      if (overlapsAny(blocks, cidr)) partlyAdmitted.push(s.name);
    }
  }
  return { captured, partlyAdmitted, admittedAnyway };
}
