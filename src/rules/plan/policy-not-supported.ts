import { eachEndpoint, locate, type PlanSubject } from "../../planner/subject";
import { rule } from "../rule";

/** A policy asked for on a service that takes none: it is not attached. */
export const policyNotSupported = rule<PlanSubject>()({
  name: "policy-not-supported",
  stage: "plan",
  codes: {
    POLICY_NOT_SUPPORTED: {
      severity: "warning",
      trigger: "an org-only or file policy applies to a service that does not support endpoint policies",
      fix: "control access with the security group and IAM instead",
      message: (d: { service: string; kind: string }) =>
        `${d.service} does not support endpoint policies; the ${d.kind} policy is not attached to its endpoint.`,
      hint: () => "Control access with the security group and IAM instead.",
    },
  },
  check(subject, ctx) {
    for (const { stack, endpoint } of eachEndpoint(subject)) {
      const { plan, facts } = endpoint;
      // full access is what an endpoint without a policy has anyway: nothing is lost
      if (plan.policy.kind !== "unsupported" || facts.policy.choice.kind === "full-access") continue;
      ctx.report(locate(stack.spec.file, facts.policy.choiceAt), "POLICY_NOT_SUPPORTED", {
        service: plan.service,
        kind: facts.policy.choice.kind,
      });
    }
  },
});
