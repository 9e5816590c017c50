import { locate, type PlanSubject } from "../../planner/subject";
import { rule } from "../rule";

const HINT =
  "retire: removes an existing endpoint in two applies: <id>: adopt (synth imports it), apply; then " +
  "<id>: delete (synth leaves it out), apply; then delete the entry.";

/** Each `retire:` entry names a live Interface or Gateway endpoint of its VPC in the stack's inventory. */
export const retireEntries = rule<PlanSubject>()({
  name: "retire-entries",
  stage: "plan",
  codes: {
    RETIRE_NOT_FOUND: {
      severity: "warning",
      trigger: "a retire: entry names an endpoint the stack's inventory does not list as live (or there is none)",
      fix: "record the inventory again; once the endpoint is gone, delete the entry",
      message: (d: { id: string; inventory?: string }) =>
        d.inventory
          ? `${d.id} is not a live endpoint in ${d.inventory}: nothing to import (already deleted?).`
          : `${d.id}: no inventory covers this stack, so nothing is imported for it.`,
      hint: () => HINT,
    },
    RETIRE_OTHER_VPC: {
      severity: "error",
      trigger: "a retire: entry names an endpoint of another VPC",
      fix: "move the entry under the VPC the endpoint is in",
      message: (d: { id: string; vpc: string; other: string; source: string }) =>
        `${d.id} (${d.source}) is in ${d.other}, not in ${d.vpc}.`,
      hint: () => HINT,
    },
    RETIRE_UNSUPPORTED: {
      severity: "error",
      trigger: "a retire: entry names an endpoint that is neither Interface nor Gateway",
      fix: "delete it outside vpce",
      message: (d: { id: string; type: string }) =>
        `${d.id} is a ${d.type} endpoint; vpce retires Interface and Gateway endpoints only.`,
      hint: () => HINT,
    },
  },
  check(subject, ctx) {
    for (const stack of subject.stacks)
      for (const vpc of stack.vpcs) {
        if (!vpc.adoption) {
          for (const entry of vpc.model.retire?.values() ?? [])
            ctx.report(locate(stack.spec.file, entry), "RETIRE_NOT_FOUND", { id: entry.id });
          continue;
        }
        for (const f of vpc.adoption.retireFindings) {
          const at = locate(stack.spec.file, f.entry);
          if (f.kind === "not-found")
            ctx.report(at, "RETIRE_NOT_FOUND", { id: f.entry.id, inventory: vpc.adoption.inventory });
          else if (f.kind === "other-vpc")
            ctx.report(at, "RETIRE_OTHER_VPC", {
              id: f.entry.id,
              vpc: vpc.plan.id,
              other: f.existing.vpcId,
              source: f.existing.source,
            });
          else ctx.report(at, "RETIRE_UNSUPPORTED", { id: f.entry.id, type: f.existing.type });
        }
      }
  },
});
