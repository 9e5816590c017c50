/** A VPC's blocks do not overlap one another, nor do the subnets of a VPC (AWS refuses both). */
import { shownName } from "../../input/resolve";
import { overlaps, type Cidr } from "../../cidr";
import type { FieldSubject } from "../../input/subjects";
import { rule } from "../rule";

type Details =
  | { kind: "vpc"; cidr: string; clash: string }
  | { kind: "subnet"; subnet: string; cidr: string; other: string; otherCidr: string };

export const cidrOverlap = rule<FieldSubject>()({
  name: "cidr-overlap",
  stage: "fields",
  codes: {
    CIDR_OVERLAP: {
      severity: "error",
      trigger: "two subnets of a VPC overlap, or a secondary block overlaps another",
      fix: "AWS forbids it: check for copy-paste errors",
      message: (d: Details) =>
        d.kind === "vpc"
          ? `${d.cidr} overlaps the VPC's CIDR ${d.clash}.`
          : `subnet ${d.subnet} (${d.cidr}) overlaps subnet ${d.other} (${d.otherCidr}).`,
      hint: (d: Details) =>
        d.kind === "vpc"
          ? "A VPC's CIDR blocks may not overlap."
          : "Subnets of one VPC cannot overlap; check for a copy-paste error.",
    },
  },
  check(subject, ctx) {
    for (const v of subject.facts.vpcs) {
      for (const c of v.additionalCidrs)
        if (c.clash) ctx.report(subject.at(c.segs), "CIDR_OVERLAP", { kind: "vpc", cidr: c.text, clash: c.clash.text });
      // subnets are compared only when the VPC has a usable block (else their CIDRs are not checked further)
      if (v.blocks.length === 0) continue;
      const earlier: Array<{ cidr: Cidr; name: string }> = [];
      for (const s of v.subnets) {
        const block = s.cidr?.cidr;
        if (!s.cidr || !block) continue;
        const name = shownName(s);
        const clash = earlier.find((o) => overlaps(o.cidr, block));
        if (clash)
          ctx.report(subject.at(s.cidr.segs), "CIDR_OVERLAP", {
            kind: "subnet",
            subnet: name,
            cidr: s.cidr.text,
            other: clash.name,
            otherCidr: clash.cidr.text,
          });
        earlier.push({ cidr: block, name });
      }
    }
  },
});
