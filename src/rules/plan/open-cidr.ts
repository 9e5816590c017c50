import { isCidr, parseCidr } from "../../cidr";
import { locate, type PlanSubject } from "../../planner/subject";
import { counted } from "../../text";
import { rule } from "../rule";

/** Widest block allowedCidrs may name (a /8 is a whole private range such as 10.0.0.0/8). */
export const MIN_ALLOWED_PREFIX = 8;

type Details =
  | { case: "wide-entry"; cidr: string; prefix: number }
  | { case: "merged"; service: string; blocks: number; cidr: string };

/**
 * Endpoint security groups are least privilege: an allowedCidrs entry wider
 * than /8 is refused where it is written; otherwise, clients that merge into
 * a block covering every address are refused at the endpoint (reported only
 * when no entry of its allowedCidrs was refused already).
 */
export const openCidr = rule<PlanSubject>()({
  name: "open-cidr",
  stage: "plan",
  codes: {
    OPEN_CIDR: {
      severity: "error",
      trigger:
        `an allowedCidrs entry is wider than /${MIN_ALLOWED_PREFIX}, or an endpoint's clients cover ` +
        `every IPv4 address`,
      fix: "list only the networks that need the endpoint",
      message: (d: Details) =>
        d.case === "wide-entry"
          ? `${d.cidr} admits ${d.prefix === 0 ? "every address" : `2^${32 - d.prefix} addresses`}; ` +
            `endpoint security groups are least privilege (blocks of /${MIN_ALLOWED_PREFIX} or ` +
            `smaller).`
          : `the ${d.service} endpoint's clients (${counted({ n: d.blocks, one: "block" })} after merging) ` +
            "cover every IPv4 " +
            `address (${d.cidr}); an endpoint security group never admits 0.0.0.0/0.`,
      hint: (d: Details) =>
        d.case === "wide-entry"
          ? "List the on-premises or peered ranges that need the endpoint."
          : "List only the networks that need the endpoint.",
    },
  },
  check(subject, ctx) {
    for (const stack of subject.stacks) {
      for (const vpc of stack.vpcs) {
        const refused = new Set<string>();
        for (const settings of vpc.model.endpoints.values()) {
          settings.allowedCidrs.forEach((text, i) => {
            const c = parseCidr(text);
            if (!isCidr(c) || c.prefix >= MIN_ALLOWED_PREFIX) return;
            refused.add(settings.key);
            ctx.report(locate(stack.spec.file, settings.allowedCidrsAt[i]), "OPEN_CIDR", {
              case: "wide-entry",
              cidr: text,
              prefix: c.prefix,
            });
          });
        }
        for (const { plan, facts } of vpc.endpoints) {
          if (refused.has(plan.service)) continue;
          // merging is lossless, so a /0 means the listed blocks cover every address: read from what the planner
          // kept of the rules (an organisation has hundreds of thousands; a gateway endpoint has none)
          const rules = facts.securityGroupRules;
          if (rules?.open !== undefined)
            ctx.report(locate(stack.spec.file, facts.at), "OPEN_CIDR", {
              case: "merged",
              service: plan.service,
              blocks: rules.count,
              cidr: rules.open,
            });
        }
      }
    }
  },
});
