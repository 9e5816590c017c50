import { PRICES } from "../../planner/pricing";
import { locate, type PlanSubject } from "../../planner/subject";
import { rule } from "../rule";

/**
 * Each hub service is reached through a private hosted zone named after its
 * private DNS name: a service with none in the region (the dump or the
 * catalog says so) cannot be served from a hub. A hub service that no subnet
 * asks for, of the hub or of a spoke, is an endpoint paid for nothing.
 */
export const hubServiceZones = rule<PlanSubject>()({
  name: "hub-service-zones",
  stage: "plan",
  codes: {
    HUB_SERVICE_NO_DNS: {
      severity: "error",
      trigger: "a hub service without a private DNS name in the region (no zone can answer for it)",
      fix: "remove it from hub.services; VPCs that need it get their own endpoint",
      message: (d: { service: string; region: string }) =>
        `${d.service} has no private DNS name in ${d.region}: no hosted zone can send the spokes to the hub ` +
        "endpoint.",
      hint: () =>
        "Clients of such a service call the endpoint's own DNS names; give each VPC that needs it its own endpoint.",
    },
    HUB_SERVICE_UNUSED: {
      severity: "warning",
      trigger: "a hub service that no subnet of the hub or of its spokes asks for",
      fix: "remove it from hub.services, or add it to the subnets that need it",
      message: (d: { service: string; hub: string; usd: number }) =>
        `no subnet of ${d.hub} or of its spokes asks for ${d.service}: its hub endpoint costs ` +
        `$${d.usd.toFixed(2)}/month for nothing.`,
      hint: () => "Spokes get a hub service only by listing it in a subnet's services (or bundles).",
    },
  },
  check(subject, ctx) {
    for (const stack of subject.stacks)
      for (const vpc of stack.vpcs) {
        const node = vpc.hubNode;
        const hub = vpc.plan.hub;
        if (!node || !hub) continue;
        for (const s of hub.services) {
          const at = locate(stack.spec.file, node.vpc.hub?.servicesAt[s.service] ?? vpc.model);
          if (s.zones.length === 0)
            ctx.report(at, "HUB_SERVICE_NO_DNS", { service: s.service, region: stack.spec.region });
          const endpoint = vpc.endpoints.find((e) => e.plan.address === s.endpoint);
          if (s.clients.length === 0 && (endpoint?.facts.requesters.length ?? 0) === 0)
            ctx.report(at, "HUB_SERVICE_UNUSED", {
              service: s.service,
              hub: `${stack.spec.stack}/${vpc.model.name}`,
              usd: Math.round((endpoint?.plan.hourlyUsd ?? 0) * PRICES.hoursPerMonth * 100) / 100,
            });
        }
      }
  },
});
