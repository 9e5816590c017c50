/**
 * A security group's name is its name_prefix plus the 26 characters Terraform appends (id.PrefixedUniqueId:
 * a timestamp and a counter), and AWS takes group names of up to 255 characters (EC2 API reference,
 * CreateSecurityGroup GroupName): a longer prefix fails at apply, so it is refused here.
 */
import { eachEndpoint, locate, type PlanSubject } from "../../planner/subject";
import { rule } from "../rule";

/** 255 characters of a group name, less the 26 of Terraform's unique suffix. */
export const MAX_NAME_PREFIX = 255 - 26;

export const securityGroupName = rule<PlanSubject>()({
  name: "security-group-name",
  stage: "plan",
  codes: {
    SG_NAME_TOO_LONG: {
      severity: "error",
      trigger: `a security group name prefix (vpce-<vpc>-<service>-) longer than ${MAX_NAME_PREFIX} characters`,
      fix: "shorten the endpoints key or the VPC name",
      message: (d: { prefix: string }) =>
        `the security group name prefix ${d.prefix} has ${d.prefix.length} characters; with Terraform's ` +
        `26-character suffix it exceeds AWS's 255.`,
      hint: () => `Shorten the endpoints key or the VPC name (at most ${MAX_NAME_PREFIX} characters together).`,
    },
  },
  check(subject, ctx) {
    for (const { stack, endpoint } of eachEndpoint(subject))
      for (const g of endpoint.plan.securityGroups) {
        const prefix = `${g.name}-`;
        if (prefix.length > MAX_NAME_PREFIX)
          ctx.report(locate(stack.spec.file, endpoint.facts.at), "SG_NAME_TOO_LONG", { prefix });
      }
  },
});
