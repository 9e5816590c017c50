import { eachEndpoint, locate, type PlanSubject } from "../../planner/subject";
import { rule } from "../rule";

type Details = { service: string; offeredBy?: string; dedicated: boolean };

/** An interface endpoint left without any subnet for its ENIs. */
export const noEndpointAz = rule<PlanSubject>()({
  name: "no-endpoint-az",
  stage: "plan",
  codes: {
    NO_ENDPOINT_AZ: {
      severity: "error",
      trigger: "no candidate subnet of an interface endpoint is in a zone that offers the service",
      fix: "add a subnet (or endpoint subnet) in a zone that offers the service",
      message: (d: Details) =>
        `no subnet can hold an ENI of the ${d.service} ` +
        `endpoint${d.offeredBy ? ` (${d.offeredBy} offers it in none of the candidate zones)` : ""}.`,
      hint: (d: Details) =>
        d.dedicated
          ? "Add an endpoint subnet in a zone that offers the service."
          : "Request the service from a subnet in a zone that offers it, or declare endpointSubnets.",
    },
  },
  check(subject, ctx) {
    for (const { stack, endpoint } of eachEndpoint(subject)) {
      const { plan, facts } = endpoint;
      if (!facts.placement || plan.subnets.length > 0) continue;
      ctx.report(locate(stack.spec.file, facts.at), "NO_ENDPOINT_AZ", {
        service: plan.service,
        offeredBy: facts.dump?.offer?.source,
        dedicated: facts.placement.dedicated,
      });
    }
  },
});
