/** A required field is absent. */
import type { FieldSubject } from "../../input/subjects";
import { rule } from "../rule";

export const requiredFields = rule<FieldSubject>()({
  name: "required-fields",
  stage: "fields",
  codes: {
    MISSING_FIELD: {
      severity: "error",
      trigger: "a required field is absent (`version`, `region`, `vpcs`, a subnet's `cidr`...)",
      fix: "add it",
      message: (d: { missing: string; parent: string }) =>
        `missing required field ${JSON.stringify(d.missing)}${d.parent ? ` in ${d.parent}` : ""}.`,
    },
  },
  check(subject, ctx) {
    for (const f of subject.schema) if (f.kind === "missing") ctx.report(f.at, "MISSING_FIELD", f);
  },
});
