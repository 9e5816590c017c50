/** AWS ids (vpc-, subnet-, rtb-, account, organization) of the wrong form. */
import type { FieldSubject } from "../../input/subjects";
import { badValueSuggestions, schemaValueCode } from "../../input/validate-schema";
import { rule } from "../rule";

export const idFormat = rule<FieldSubject>()({
  name: "id-format",
  stage: "fields",
  codes: {
    INVALID_ID: schemaValueCode({
      trigger: "`vpc-`, `subnet-`, `rtb-` ids, account or organization ids of the wrong form",
      fix: "copy the id from the console or CLI",
    }),
  },
  check(subject, ctx) {
    for (const f of subject.schema)
      if (f.kind === "bad-value" && f.code === "INVALID_ID")
        ctx.report(f.at, "INVALID_ID", f, { suggestions: badValueSuggestions(f) });
  },
});
