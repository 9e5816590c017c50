/** The spec format version: 1 is the only one. */
import type { FieldSubject } from "../../input/subjects";
import { badValueSuggestions, schemaValueCode } from "../../input/validate-schema";
import { rule } from "../rule";

export const specVersion = rule<FieldSubject>()({
  name: "spec-version",
  stage: "fields",
  codes: {
    UNSUPPORTED_VERSION: schemaValueCode({
      trigger: "`version` other than 1",
      fix: "`version: 1`",
    }),
  },
  check(subject, ctx) {
    for (const f of subject.schema)
      if (f.kind === "bad-value" && f.code === "UNSUPPORTED_VERSION")
        ctx.report(f.at, "UNSUPPORTED_VERSION", f, { suggestions: badValueSuggestions(f) });
  },
});
