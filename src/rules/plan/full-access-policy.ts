import type { Located } from "../../input/spec-model";
import { locate, type PlanSubject } from "../../planner/subject";
import { rule } from "../rule";
import { agree } from "../../text";

type Why = "explicit" | "custom" | "default";
type Details = { vpc: string; services: readonly string[]; why: Why; organizationId: boolean };

/**
 * Endpoints left with full access, one warning per place that decided it
 * (an endpoint's own `policy`, a service outside the catalog, or the
 * defaults), listing the services.
 */
export const fullAccessPolicy = rule<PlanSubject>()({
  name: "full-access-policy",
  stage: "plan",
  codes: {
    FULL_ACCESS_POLICY: {
      severity: "warning",
      trigger: "an endpoint keeps the full-access policy (any principal, any resource of the service)",
      fix: "set defaults.policy: org-only, or a policy file",
      message: (d: Details) =>
        `in VPC ${d.vpc}, ${d.services.join(", ")} ${agree({ n: d.services, one: "has", many: "have" })} a ` +
        `full-access endpoint policy: any principal may reach any resource of the service through it.`,
      hint: (d: Details) =>
        d.why === "explicit"
          ? "full-access is set here; use org-only or a policy file to restrict what the endpoint reaches."
          : d.why === "custom"
            ? `Services outside the catalog get no policy unless their entry sets one: add policy: ` +
              `<file> to endpoints.${d.services[0]}.`
            : d.organizationId
              ? "Set defaults.policy: org-only (or a policy file) to keep traffic inside your organization."
              : "Set organizationId and defaults.policy: org-only, or a policy file, to restrict what " +
                "the endpoint reaches.",
    },
  },
  check(subject, ctx) {
    for (const { spec, vpcs } of subject.stacks) {
      for (const { model, plan } of vpcs) {
        const groups = new Map<string, { at: Located; why: Why; services: Set<string> }>();
        for (const e of plan.endpoints) {
          if (e.policy.kind !== "full-access") continue;
          const settings = model.endpoints.get(e.service);
          const [at, why]: [Located, Why] =
            settings?.policy?.kind === "full-access" && settings.policyPath
              ? [settings.policyPath, "explicit"]
              : settings?.serviceName
                ? [settings, "custom"]
                : [spec.defaults.policyPath ?? model, "default"];
          const g = groups.get(at.path) ?? { at, why, services: new Set<string>() };
          g.services.add(e.service);
          groups.set(at.path, g);
        }
        for (const { at, why, services } of groups.values())
          ctx.report(locate(spec.file, at), "FULL_ACCESS_POLICY", {
            vpc: model.name,
            services: [...services].sort(),
            why,
            organizationId: spec.organizationId !== undefined,
          });
      }
    }
  },
});
