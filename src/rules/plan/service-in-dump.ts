import { eachEndpoint, locate, type PlanSubject } from "../../planner/subject";
import type { EndpointType } from "../../catalog";
import { rule } from "../rule";

/** Where a region dump was recorded, it must list the service with the planned endpoint type. */
export const serviceInDump = rule<PlanSubject>()({
  name: "service-in-dump",
  stage: "plan",
  codes: {
    SERVICE_NOT_IN_DUMP: {
      severity: "error",
      trigger: "the region dump of the stack's region does not list the service with the planned endpoint type",
      fix: "choose another type, or record the region dump again",
      message: (d: { dump: string; type: string; service: string; name?: string; region: string }) =>
        `the region dump ${d.dump} has no ${d.type.toLowerCase()} endpoint service for ${d.service} ` +
        `(${d.name ?? "no catalog name"}).`,
      hint: (d: { dump: string; type: string; service: string; name?: string; region: string }) =>
        `The service is not offered in ${d.region} (or not to this account); choose another type or ` +
        `record the dump again with aws ec2 describe-vpc-endpoint-services --region ${d.region}.`,
    },
  },
  check(subject, ctx) {
    for (const { stack, endpoint } of eachEndpoint(subject)) {
      const { plan, facts } = endpoint;
      if (!facts.dump || facts.dump.entry) continue;
      ctx.report(locate(stack.spec.file, facts.at), "SERVICE_NOT_IN_DUMP", {
        dump: facts.dump.file,
        type: plan.type,
        service: plan.service,
        // a Lattice endpoint is never looked up in a dump (no facts.dump): the type here is a catalog one
        name: facts.svc.names[plan.type as EndpointType],
        region: stack.spec.region,
      });
    }
  },
});
