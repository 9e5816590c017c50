import type { EndpointPlan } from "../planner/plan";

const LABELS: Readonly<Record<EndpointPlan["type"], string>> = {
  Gateway: "gateway",
  Interface: "interface",
  Resource: "resource",
  ServiceNetwork: "service-network",
};

/** The endpoint's type as the spec writes it (`service-network`, not the provider's `ServiceNetwork`). */
export function typeLabel(e: EndpointPlan): string {
  return LABELS[e.type];
}

/** The TCP ports an ENI endpoint's security groups admit: `TCP 443`, `TCP 443, 5432` (VPC Lattice `ports`). */
export function tcpPorts(e: EndpointPlan): string {
  return `TCP ${(e.ports ?? [e.port]).join(", ")}`;
}
