import { locate, type PlanSubject } from "../../planner/subject";
import { rule } from "../rule";

const HINT =
  "vpce adopt lists every existing endpoint with what happens to it. Delete the extra endpoint (by hand, or " +
  "through retire: in the spec), then record the inventory again.";

/**
 * Existing endpoints AWS would refuse a planned one beside, found before apply: two that match one planned
 * endpoint, a second private-DNS interface endpoint for one service in one VPC, a second gateway endpoint for one
 * service on one route table. Any of them stops synth and adopt (nothing is written).
 */
export const adoptionConflicts = rule<PlanSubject>()({
  name: "adoption-conflicts",
  stage: "plan",
  codes: {
    ADOPT_AMBIGUOUS: {
      severity: "error",
      trigger: "two or more existing endpoints of the inventory match one planned endpoint (VPC, service, type)",
      fix: "delete all but one (by hand or with retire:), then record the inventory again",
      message: (d: { service: string; vpc: string; ids: string }) =>
        `${d.service} in VPC ${d.vpc}: the inventory has ${d.ids}, each matching the planned endpoint; vpce adopts ` +
        "one endpoint, and which one is not its guess.",
      hint: () => HINT,
    },
    ADOPT_PRIVATE_DNS_TAKEN: {
      severity: "error",
      trigger:
        "a planned interface endpoint with private DNS meets another existing interface endpoint with private DNS " +
        "for the same service in the VPC",
      fix: "delete the existing endpoint first (retire: adopt, apply; delete, apply; record the inventory again)",
      message: (d: { service: string; vpc: string; id: string; source: string }) =>
        `${d.service} in VPC ${d.vpc}: ${d.id} (${d.source}) already has private DNS for this service; AWS refuses a ` +
        "second interface endpoint with private DNS for one service in one VPC.",
      hint: () => HINT,
    },
    ADOPT_ROUTE_TABLE_TAKEN: {
      severity: "error",
      trigger:
        "a planned gateway endpoint's route table already carries another existing gateway endpoint of the service",
      fix: "delete the existing endpoint first, or move the route table off it, then record the inventory again",
      message: (d: { service: string; vpc: string; id: string; source: string; routeTables: string }) =>
        `${d.service} in VPC ${d.vpc}: route table ${d.routeTables} already routes to ${d.id} (${d.source}); AWS ` +
        "refuses a second gateway endpoint for one service on one route table.",
      hint: () => HINT,
    },
  },
  check(subject, ctx) {
    for (const stack of subject.stacks)
      for (const vpc of stack.vpcs)
        for (const c of vpc.adoption?.conflicts ?? []) {
          const endpoint = vpc.endpoints.find((e) => e.plan.address === c.address);
          if (!endpoint) continue;
          const at = locate(stack.spec.file, endpoint.facts.at);
          const base = { service: endpoint.plan.service, vpc: `${vpc.plan.name} (${vpc.plan.id})` };
          if (c.kind === "ambiguous")
            ctx.report(at, "ADOPT_AMBIGUOUS", {
              ...base,
              ids: c.existing.map((e) => `${e.id} (${e.source})`).join(" and "),
            });
          else if (c.kind === "private-dns")
            ctx.report(at, "ADOPT_PRIVATE_DNS_TAKEN", { ...base, id: c.existing.id, source: c.existing.source });
          else
            ctx.report(at, "ADOPT_ROUTE_TABLE_TAKEN", {
              ...base,
              id: c.existing.id,
              source: c.existing.source,
              routeTables: c.routeTables.join(", "),
            });
        }
  },
});
