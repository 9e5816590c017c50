import { eachEndpoint, locate, type PlanSubject } from "../../planner/subject";
import { agree } from "../../text";
import { rule } from "../rule";

/** An interface endpoint whose candidate subnets mix az and azId: ENIs went only to one notation's subnets. */
export const azNotationMixed = rule<PlanSubject>()({
  name: "az-notation-mixed",
  stage: "plan",
  codes: {
    AZ_NOTATION_MIXED: {
      severity: "warning",
      trigger: "an interface endpoint's candidate subnets mix az and azId, so some zones cannot be told apart",
      fix: "give every subnet of the VPC by azId",
      message: (d: { service: string; dropped: readonly string[]; kept: "az" | "azId" }) =>
        `the ${d.service} endpoint's candidate subnets mix az and azId, so vpce cannot tell whether ` +
        `${d.dropped.join(", ")} ${agree({
          n: d.dropped,
          one: "shares",
          many: "share",
        })} a zone with the others; ENIs are placed only in subnets given by ${d.kept}.`,
      hint: () =>
        "Give every subnet of the VPC by azId (ids are the same in every account) to get an ENI in each zone.",
    },
  },
  check(subject, ctx) {
    for (const { stack, endpoint } of eachEndpoint(subject)) {
      const notation = endpoint.facts.placement?.notation;
      if (notation)
        ctx.report(locate(stack.spec.file, endpoint.facts.at), "AZ_NOTATION_MIXED", {
          service: endpoint.plan.service,
          ...notation,
        });
    }
  },
});
