import type { LoadSubject } from "../../input/load";
import { rule } from "../rule";

/** Aliases a document may expand (YAML alias bombs). */
export const MAX_ALIAS_COUNT = 100;

/** A spec's aliases resolve, and expand to at most MAX_ALIAS_COUNT nodes. */
export const yamlAliasLimit = rule<LoadSubject>()({
  name: "yaml-alias-limit",
  stage: "load",
  codes: {
    YAML_ALIAS_LIMIT: {
      severity: "error",
      trigger: `a spec's aliases expand to more than ${MAX_ALIAS_COUNT} nodes, or name an undefined anchor`,
      fix: "write the values out instead of aliasing them",
      message: (d: { parserMessage: string }) => `${d.parserMessage.split("\n")[0].trim()}.`,
      hint: () => `Aliases may expand to at most ${MAX_ALIAS_COUNT} nodes; write the values out.`,
    },
  },
  check(subject, ctx) {
    for (const f of subject.files)
      if (f.aliasError !== undefined)
        ctx.report({ file: f.file, pos: { line: 1, col: 1 } }, "YAML_ALIAS_LIMIT", { parserMessage: f.aliasError });
  },
});
