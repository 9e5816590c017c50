import { SG_LIMITS } from "../../planner/decisions/security-group";
import { eachEndpoint, locate, type PlanSubject } from "../../planner/subject";
import { rule } from "../rule";

/** An interface endpoint that needs more security groups than an interface may have, even after merging. */
export const securityGroupQuota = rule<PlanSubject>()({
  name: "security-group-quota",
  stage: "plan",
  codes: {
    SG_RULE_LIMIT: {
      severity: "error",
      trigger:
        `an endpoint needs more than ${SG_LIMITS.groupsPerInterface} security groups of ` +
        `${SG_LIMITS.inboundRulesPerGroup} ingress rules after merging adjacent CIDRs`,
      fix: "request higher quotas, or group the requesting subnets into contiguous blocks",
      message: (d: { service: string; vpc: string; rules: number }) =>
        `the ${d.service} endpoint in ${d.vpc} needs ${d.rules} ingress rules even after merging ` +
        `adjacent CIDRs: more than ${SG_LIMITS.groupsPerInterface} security groups of ` +
        `${SG_LIMITS.inboundRulesPerGroup} rules.`,
      hint: () =>
        "Request higher quotas (rules per security group, groups per interface), or group the " +
        "requesting subnets into contiguous blocks.",
    },
  },
  check(subject, ctx) {
    for (const { stack, endpoint } of eachEndpoint(subject)) {
      const { plan, facts } = endpoint;
      if (plan.securityGroups.length <= SG_LIMITS.groupsPerInterface) continue;
      ctx.report(locate(stack.spec.file, facts.at), "SG_RULE_LIMIT", {
        service: plan.service,
        vpc: plan.vpc,
        rules: plan.securityGroups.flatMap((g) => g.ingress).length,
      });
    }
  },
});
