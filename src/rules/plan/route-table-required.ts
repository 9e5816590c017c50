import { eachEndpoint, locate, type PlanSubject } from "../../planner/subject";
import { rule } from "../rule";

type Details = { subnet: string; service: string; alsoInterface: boolean };

/** A subnet that asks for a service served by a gateway endpoint needs a route table to attach it to. */
export const routeTableRequired = rule<PlanSubject>()({
  name: "route-table-required",
  stage: "plan",
  codes: {
    ROUTE_TABLE_REQUIRED: {
      severity: "error",
      trigger: "a subnet asks for a service planned as a gateway endpoint but has no routeTable",
      fix: "add routeTable to the subnet (or, where the service can be both, plan it as an interface endpoint)",
      message: (d: Details) =>
        `subnet ${d.subnet} asks for ${d.service}, which is served by a gateway endpoint, but the ` +
        `subnet has no routeTable.`,
      hint: (d: Details) =>
        `Add routeTable: rtb-... to subnet ` +
        `${d.subnet}${d.alsoInterface ? `, or set endpoints.${d.service}.type: interface` : ""}.`,
    },
  },
  check(subject, ctx) {
    for (const { stack, endpoint } of eachEndpoint(subject)) {
      const { plan, facts } = endpoint;
      for (const s of facts.gateway?.unrouted ?? []) {
        const req = s.requests.find((r) => r.key === plan.service);
        ctx.report(locate(stack.spec.file, req ?? s), "ROUTE_TABLE_REQUIRED", {
          subnet: s.name,
          service: plan.service,
          // a service that may be gateway and interface in one VPC (type both) also works as an interface endpoint
          alsoInterface: facts.svc.both,
        });
      }
    }
  },
});
