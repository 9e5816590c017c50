/** A value of the wrong type: a string where a list belongs, a number where a string belongs. */
import type { FieldSubject } from "../../input/subjects";
import { describeValue, typeWords } from "../../input/validate-schema";
import { rule } from "../rule";

export const fieldTypes = rule<FieldSubject>()({
  name: "field-types",
  stage: "fields",
  codes: {
    WRONG_TYPE: {
      severity: "error",
      trigger: "e.g. `services: ssm` instead of a list, a number where a string belongs",
      fix: "use the type named in the message",
      message: (d: { want: string; found: unknown; hint?: string }) =>
        `expected ${typeWords(d.want)}, found ${describeValue(d.found)}.`,
      hint: (d: { want: string; found: unknown; hint?: string }) => d.hint,
    },
  },
  check(subject, ctx) {
    for (const f of subject.schema) if (f.kind === "wrong-type") ctx.report(f.at, "WRONG_TYPE", f);
  },
});
