/**
 * Every CIDR of the spec is an IPv4 block written as its network address;
 * VPC and subnet blocks are /16 to /28 (AWS's limits). How wide a client
 * block of allowedCidrs may be is the plan stage's question.
 */
import { quote } from "../../diagnostics";
import type { CidrField, CidrFieldProblem } from "../../input/resolve";
import type { FieldSubject } from "../../input/subjects";
import { rule } from "../rule";

type Details = { text: string; what: CidrField["what"]; problem: CidrFieldProblem };

export const cidrBlocks = rule<FieldSubject>()({
  name: "cidr-blocks",
  stage: "fields",
  codes: {
    INVALID_CIDR: {
      severity: "error",
      trigger: "not an IPv4 CIDR, host bits set (the network address is suggested), VPC/subnet prefix outside /16-/28",
      fix: "write the network address",
      message: ({ text, what, problem }: Details) => {
        switch (problem.kind) {
          case "host-bits":
            return `${text} has host bits set.`;
          case "ipv6":
            return `${text} is an IPv6 block; vpce plans IPv4 endpoints.`;
          case "syntax":
            return `${quote(text)} is not an IPv4 CIDR block.`;
          case "prefix":
            return `${text} has a /${problem.prefix} prefix; AWS ${what} CIDR blocks are /16 to /28.`;
        }
      },
      hint: ({ problem }: Details) => {
        switch (problem.kind) {
          case "host-bits":
            return `Write the network address: ${problem.network}.`;
          case "ipv6":
            return "Give the IPv4 CIDR block.";
          case "syntax":
            return "Write it as a.b.c.d/n, e.g. 10.20.0.0/16.";
          case "prefix":
            return undefined;
        }
      },
    },
  },
  check(subject, ctx) {
    for (const v of subject.facts.vpcs) {
      const fields: CidrField[] = [
        ...(v.cidr ? [v.cidr] : []),
        ...v.additionalCidrs,
        ...v.subnets.flatMap((s) => (s.cidr ? [s.cidr] : [])),
        // an endpoints entry repeating an earlier key is not used: DUPLICATE_NAME is its only finding
        ...v.endpoints.filter((e) => !e.repeated).flatMap((e) => e.allowedCidrs),
      ];
      for (const f of fields)
        if (f.problem)
          ctx.report(subject.at(f.segs), "INVALID_CIDR", { text: f.text, what: f.what, problem: f.problem });
    }
  },
});
