/**
 * A fixed IP (`fixedIps`) needs an ENI to hold it: only an interface endpoint has ENIs, and only in the subnets
 * placement chose (one per AZ), so the named subnet must be one of those.
 */
import { eachEndpoint, locate, type PlanSubject } from "../../planner/subject";
import { rule } from "../rule";

type Details =
  | { kind: "gateway"; service: string }
  | { kind: "not-eni-subnet"; service: string; subnet: string; eniSubnets: readonly string[] };

export const fixedIpPlacement = rule<PlanSubject>()({
  name: "fixed-ip-placement",
  stage: "plan",
  codes: {
    FIXED_IP_NO_ENI: {
      severity: "error",
      trigger: "`fixedIps` on a gateway endpoint, or naming a subnet that holds none of the endpoint's ENIs",
      fix: "name only the endpoint's ENI subnets (vpce plan --why lists them), or plan an interface endpoint",
      message: (d: Details) =>
        d.kind === "gateway"
          ? `endpoints.${d.service}.fixedIps is set, but ${d.service} is planned as a gateway endpoint, ` +
            "which has no network interfaces."
          : `endpoints.${d.service}.fixedIps names subnet ${d.subnet}, which holds no ENI of the ${d.service} ` +
            "endpoint.",
      hint: (d: Details) =>
        d.kind === "gateway"
          ? "Remove fixedIps, or set type: interface (or both)."
          : `The endpoint's ENIs are in ${d.eniSubnets.join(", ")} (one subnet per AZ).`,
    },
  },
  check(subject, ctx) {
    for (const { stack, endpoint } of eachEndpoint(subject)) {
      const { plan, facts } = endpoint;
      const settings = facts.settings;
      if (!settings || Object.keys(settings.fixedIps).length === 0) continue;
      if (plan.type === "Gateway") {
        // with type both, the interface half holds the addresses
        if (!facts.split)
          ctx.report(locate(stack.spec.file, settings), "FIXED_IP_NO_ENI", { kind: "gateway", service: settings.key });
        continue;
      }
      const eniSubnets = plan.subnets.map((s) => s.subnet);
      for (const subnet of Object.keys(settings.fixedIps).sort())
        if (!eniSubnets.includes(subnet))
          ctx.report(locate(stack.spec.file, settings.fixedIpsAt[subnet]), "FIXED_IP_NO_ENI", {
            kind: "not-eni-subnet",
            service: settings.key,
            subnet,
            eniSubnets,
          });
    }
  },
});
