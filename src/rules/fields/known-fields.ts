/** A key the spec format does not have (typos included), with the closest allowed keys. */
import type { FieldSubject } from "../../input/subjects";
import { closest } from "../../suggest";
import { rule } from "../rule";

export const knownFields = rule<FieldSubject>()({
  name: "known-fields",
  stage: "fields",
  codes: {
    UNKNOWN_FIELD: {
      severity: "error",
      trigger: "a key the format does not have (typos included)",
      fix: "use the suggested field; allowed fields are listed",
      message: (d: { key: string; parent: string; allowed: readonly string[] }) =>
        `unknown field ${JSON.stringify(d.key)}${d.parent ? ` in ${d.parent}` : ""}.`,
      hint: (d: { key: string; parent: string; allowed: readonly string[] }) =>
        `Allowed fields: ${d.allowed.join(", ")}.`,
    },
  },
  check(subject, ctx) {
    for (const f of subject.schema)
      if (f.kind === "unknown-field") ctx.report(f.at, "UNKNOWN_FIELD", f, { suggestions: closest(f.key, f.allowed) });
  },
});
