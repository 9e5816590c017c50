import { locate, type PlanSubject } from "../../planner/subject";
import { rule } from "../rule";

/** Default quota of interface endpoints per VPC (Amazon VPC quotas page). */
export const INTERFACE_ENDPOINTS_PER_VPC = 50;

export const interfaceQuota = rule<PlanSubject>()({
  name: "interface-quota",
  stage: "plan",
  codes: {
    INTERFACE_QUOTA: {
      severity: "warning",
      trigger: `a VPC gets more interface endpoints than the default quota (${INTERFACE_ENDPOINTS_PER_VPC} per VPC)`,
      fix: "request a quota increase before applying, or centralize endpoints",
      message: (d: { vpc: string; count: number }) =>
        `VPC ${d.vpc} gets ${d.count} interface endpoints; the default quota is ` +
        `${INTERFACE_ENDPOINTS_PER_VPC} per VPC.`,
      hint: () =>
        "Request a quota increase (Service Quotas, Amazon VPC) before applying, or centralize endpoints in a hub VPC.",
    },
  },
  check(subject, ctx) {
    for (const { spec, vpcs } of subject.stacks) {
      for (const { model, plan } of vpcs) {
        const count = plan.endpoints.filter((e) => e.type === "Interface").length;
        if (count > INTERFACE_ENDPOINTS_PER_VPC)
          ctx.report(locate(spec.file, model), "INTERFACE_QUOTA", { vpc: model.name, count });
      }
    }
  },
});
