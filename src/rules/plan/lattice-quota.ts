import { SPEC_TYPE_NAMES } from "../../planner/plan";
import { locate, type PlanSubject } from "../../planner/subject";
import { rule } from "../rule";

/**
 * Default quotas of VPC Lattice endpoints per VPC (AWS PrivateLink quotas,
 * https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-limits-endpoints.html: "Resource VPC endpoints per VPC"
 * 200, "Service network VPC endpoints per VPC" 50, both adjustable). They count apart from the interface quota.
 */
export const LATTICE_ENDPOINTS_PER_VPC = { Resource: 200, ServiceNetwork: 50 } as const;

type Details = { vpc: string; count: number; type: keyof typeof LATTICE_ENDPOINTS_PER_VPC };

export const latticeQuota = rule<PlanSubject>()({
  name: "lattice-quota",
  stage: "plan",
  codes: {
    LATTICE_QUOTA: {
      severity: "warning",
      trigger:
        `a VPC gets more resource endpoints (${LATTICE_ENDPOINTS_PER_VPC.Resource}) or service-network endpoints ` +
        `(${LATTICE_ENDPOINTS_PER_VPC.ServiceNetwork}) than the default quota per VPC`,
      fix: "request a quota increase before applying",
      message: (d: Details) =>
        `VPC ${d.vpc} gets ${d.count} ${SPEC_TYPE_NAMES[d.type]} endpoints; the default quota is ` +
        `${LATTICE_ENDPOINTS_PER_VPC[d.type]} per VPC.`,
      hint: (d: Details) =>
        `Request a quota increase (Service Quotas, Amazon VPC: ${SPEC_TYPE_NAMES[d.type]} VPC endpoints per VPC) ` +
        "before applying, or share fewer, larger resource configurations.",
    },
  },
  check(subject, ctx) {
    for (const { spec, vpcs } of subject.stacks)
      for (const { model, plan } of vpcs)
        for (const type of ["Resource", "ServiceNetwork"] as const) {
          const count = plan.endpoints.filter((e) => e.type === type).length;
          if (count > LATTICE_ENDPOINTS_PER_VPC[type])
            ctx.report(locate(spec.file, model), "LATTICE_QUOTA", { vpc: model.name, count, type });
        }
  },
});
