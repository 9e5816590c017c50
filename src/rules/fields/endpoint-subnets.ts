/** endpointSubnets names subnets of its own VPC. */
import { shownName } from "../../input/resolve";
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
    for (const v of subject.facts.vpcs) {
      // a subnet without a well-formed name may be the one named: reported where it stands
      if (!v.subnetNamesComplete) continue;
      const subnets = v.subnets.flatMap((s) => (s.spec.name !== undefined ? [s.spec.name] : []));
      for (const { name, segs } of v.endpointSubnets)
        if (!subnets.includes(name))
          ctx.report(
            subject.at(segs),
            "UNKNOWN_ENDPOINT_SUBNET",
            { name, vpc: shownName(v), subnets },
            { suggestions: closest(name, subnets) },
          );
    }
  },
});
