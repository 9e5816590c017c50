import type { SubnetModel, VpcModel } from "../../input/spec-model";
import type { RuleResult } from "./types";
import { finding } from "./types";

/**
 * A gateway endpoint is attached to the route tables of the requesting
 * subnets. Every subnet on an attached table uses it, so subnets that share
 * a table without asking are named in a warning.
 */
export function planGatewayRouteTables(
  file: string,
  vpc: VpcModel,
  service: string,
  requesters: readonly SubnetModel[],
): RuleResult<string[]> {
  const findings = [];
  const tables = new Set<string>();
  for (const s of requesters) {
    if (!s.routeTable) {
      const req = s.requests.find((r) => r.key === service);
      findings.push(
        finding(
          file,
          req ?? s,
          "ROUTE_TABLE_REQUIRED",
          `subnet ${s.name} asks for ${service}, which is served by a gateway endpoint, but the subnet has no routeTable.`,
          `Add routeTable: rtb-... to subnet ${s.name}${service === "s3" ? ", or set endpoints.s3.type: interface" : ""}.`,
        ),
      );
    } else tables.add(s.routeTable);
  }
  const routeTableIds = [...tables].sort();
  const asking = new Set(requesters.map((s) => s.name));
  for (const rtb of routeTableIds) {
    const bystanders = vpc.subnets
      .filter((s) => s.routeTable === rtb && !asking.has(s.name))
      .map((s) => s.name)
      .sort();
    if (bystanders.length > 0) {
      const first = requesters.find((s) => s.routeTable === rtb) as SubnetModel;
      findings.push(
        finding(
          file,
          first,
          "SHARED_ROUTE_TABLE",
          `route table ${rtb} gets the ${service} gateway endpoint for ${first.name}; it also serves ${bystanders.join(", ")}, which did not ask for ${service}.`,
          `Their ${service} traffic will leave through the endpoint too (and its policy applies). Add ${service} to them, or give them their own route table.`,
        ),
      );
    }
  }
  return {
    decision: routeTableIds,
    findings,
    reasons: [`attached to route tables ${routeTableIds.join(", ") || "(none)"} of the requesting subnets`],
  };
}
