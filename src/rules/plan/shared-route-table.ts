import { eachEndpoint, locate, type PlanSubject } from "../../planner/subject";
import { agree } from "../../text";
import { rule } from "../rule";

type Details = { routeTable: string; service: string; requester: string; bystanders: readonly string[] };

/** A gateway endpoint on a route table that also serves subnets that did not ask for the service. */
export const sharedRouteTable = rule<PlanSubject>()({
  name: "shared-route-table",
  stage: "plan",
  codes: {
    SHARED_ROUTE_TABLE: {
      severity: "warning",
      trigger: "a gateway endpoint's route table also serves subnets that did not ask for the service",
      fix: "add the service to those subnets, or give them their own route table",
      message: (d: Details) =>
        `route table ${d.routeTable} gets the ${d.service} gateway endpoint for ${d.requester}; it ` +
        `also serves ${d.bystanders.join(", ")}, which did not ask for ${d.service}.`,
      hint: (d: Details) =>
        `${agree({ n: d.bystanders, one: "Its", many: "Their" })} ${d.service} traffic will leave through the ` +
        `endpoint too (and its policy applies). Add ${d.service} to ` +
        `${agree({ n: d.bystanders, one: "it, or give it its", many: "them, or give them their" })} own route table.`,
    },
  },
  check(subject, ctx) {
    for (const { stack, endpoint } of eachEndpoint(subject)) {
      for (const s of endpoint.facts.gateway?.shared ?? [])
        ctx.report(
          locate(stack.spec.file, s.requester),
          "SHARED_ROUTE_TABLE",
          {
            routeTable: s.routeTable,
            service: endpoint.plan.service,
            requester: s.requester.name,
            bystanders: s.bystanders,
          },
          { subnets: [s.requester.name, ...s.bystanders].sort() },
        );
    }
  },
});
