import { SPEC_TYPE_NAMES, type EndpointPlan } from "../planner/plan";

/** The endpoint's type as the spec writes it (`service-network`, not the provider's `ServiceNetwork`). */
export function typeLabel(e: EndpointPlan): string {
  return SPEC_TYPE_NAMES[e.type];
}

/** The TCP ports an ENI endpoint's security groups admit: `TCP 443`, `TCP 443, 5432` (VPC Lattice `ports`). */
export function tcpPorts(e: EndpointPlan): string {
  return `TCP ${(e.ports ?? [e.port]).join(", ")}`;
}
