/** A subnet's CIDR lies inside one of its VPC's blocks. */
import { shownName } from "../../input/resolve";
import { contains } from "../../cidr";
import type { FieldSubject } from "../../input/subjects";
import { rule } from "../rule";

export const cidrInsideVpc = rule<FieldSubject>()({
  name: "cidr-inside-vpc",
  stage: "fields",
  codes: {
    CIDR_NOT_IN_VPC: {
      severity: "error",
      trigger: "a subnet CIDR outside the VPC's `cidr` and `additionalCidrs`",
      fix: "fix the CIDR or add the secondary block",
      message: (d: { subnet: string; cidr: string; vpcCidrs: readonly string[] }) =>
        `subnet ${d.subnet} has CIDR ${d.cidr}, which is not inside the VPC's CIDRs (${d.vpcCidrs.join(", ")}).`,
      hint: () => "Fix the subnet's CIDR, or add the VPC's secondary block to additionalCidrs.",
    },
  },
  check(subject, ctx) {
    for (const v of subject.facts.vpcs) {
      // a VPC block that is missing or unusable is reported where it stands; a subnet may well lie in it
      if (!v.blocksComplete) continue;
      for (const s of v.subnets) {
        const block = s.cidr?.cidr;
        if (s.cidr && block && !v.blocks.some((b) => contains(b, block)))
          ctx.report(subject.at(s.cidr.segs), "CIDR_NOT_IN_VPC", {
            subnet: shownName(s),
            cidr: s.cidr.text,
            vpcCidrs: v.blocks.map((b) => b.text),
          });
      }
    }
  },
});
