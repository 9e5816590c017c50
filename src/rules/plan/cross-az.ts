import type { EndpointPlan } from "../../planner/plan";
import { eachEndpoint, locate, type PlanSubject } from "../../planner/subject";
import { agree } from "../../text";
import { rule } from "../rule";

/** `subnets` as "name (zone)"; `zones`: how many distinct zones they are in. */
type Details = { service: string; subnets: readonly string[]; zones: number; dedicated: boolean };

/** Requesting subnets in a zone where their interface endpoint has no ENI. */
export const crossAz = rule<PlanSubject>()({
  name: "cross-az",
  stage: "plan",
  codes: {
    CROSS_AZ: {
      severity: "warning",
      trigger: "a requesting subnet's zone has no ENI of its interface endpoint",
      fix: "add an endpoint subnet (or a requesting subnet) in that zone",
      message: (d: Details) =>
        `the ${d.service} endpoint has no ENI in the ${agree({ n: d.zones, one: "zone", many: "zones" })} of ` +
        `${d.subnets.join(", ")}; ${agree({ n: d.subnets, one: "its", many: "their" })} traffic crosses zones ` +
        "(inter-AZ data charges, and a zone outage on the other side cuts them off).",
      hint: (d: Details) =>
        d.dedicated
          ? `Add an endpoint subnet in ${agree({ n: d.zones, one: "that zone", many: "each of those zones" })}.`
          : "This follows from where the service is offered or from az/azId notation; see the reasons.",
    },
  },
  check(subject, ctx) {
    // endpoints asked for by the same subnets share their requester and ENI lists (the planner makes them once), and
    // mostly come one after another: their requesters left without an ENI in their zone are found once
    let requesters: EndpointPlan["requesters"] | undefined;
    let enis: EndpointPlan["subnets"] | undefined;
    let unserved: EndpointPlan["requesters"] = [];
    for (const { stack, endpoint } of eachEndpoint(subject)) {
      const { plan, facts } = endpoint;
      // no ENI at all is NO_ENDPOINT_AZ
      if (!facts.placement || plan.subnets.length === 0) continue;
      if (plan.requesters !== requesters || plan.subnets !== enis) {
        requesters = plan.requesters;
        enis = plan.subnets;
        // an endpoint has an ENI in a few zones at most: a search of them allocates nothing, unlike a set
        unserved = requesters.filter((r) => !plan.subnets.some((p) => p.az === r.az));
      }
      if (unserved.length === 0) continue;
      const subnets = unserved.map((r) => `${r.subnet} (${r.az})`).sort();
      ctx.report(
        locate(stack.spec.file, facts.at),
        "CROSS_AZ",
        {
          service: plan.service,
          subnets,
          zones: new Set(unserved.map((r) => r.az)).size,
          dedicated: facts.placement.dedicated,
        },
        { subnets: unserved.map((r) => r.subnet).sort() },
      );
    }
  },
});
