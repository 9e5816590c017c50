/** endpointSubnets names subnets of its own VPC. */
import { quote } from "../../diagnostics";
import type { FieldSubject } from "../../input/subjects";
import { closest } from "../../suggest";
import { rule } from "../rule";

export const endpointSubnets = rule<FieldSubject>()({
  name: "endpoint-subnets",
  stage: "fields",
  codes: {
    UNKNOWN_ENDPOINT_SUBNET: {
      severity: "error",
      trigger: "`endpointSubnets` names a subnet the VPC does not have",
      fix: "use a subnet name of the VPC",
      message: (d: { name: string; vpc: string; subnets: readonly string[] }) =>
        `endpointSubnets names ${quote(d.name)}, which is not a subnet of VPC ${d.vpc}.`,
      hint: (d: { name: string; vpc: string; subnets: readonly string[] }) =>
        `Subnets of this VPC: ${d.subnets.join(", ")}.`,
    },
  },
  check(subject, ctx) {
    for (const v of subject.resolved?.vpcs ?? []) {
      const subnets = v.spec.subnets.map((s) => s.name);
      (v.spec.endpointSubnets ?? []).forEach((name, k) => {
        if (!subnets.includes(name))
          ctx.report(
            subject.at([...v.segs, "endpointSubnets", k]),
            "UNKNOWN_ENDPOINT_SUBNET",
            { name, vpc: v.spec.name, subnets },
            { suggestions: closest(name, subnets) },
          );
      });
    }
  },
});
