import type { LoadSubject } from "../../input/load";
import { rule } from "../rule";

/** No mapping of a spec repeats a key (the parser reports it; YAML leaves the meaning open). */
export const yamlDuplicateKey = rule<LoadSubject>()({
  name: "yaml-duplicate-key",
  stage: "load",
  codes: {
    YAML_DUPLICATE_KEY: {
      severity: "error",
      trigger: "a mapping of a spec has the same key twice",
      fix: "remove or merge the repeated key",
      // the parser's own words, first line only (the rest is an excerpt of the file)
      message: (d: { parserMessage: string }) => d.parserMessage.split("\n")[0].trim(),
      hint: () => "Each key may appear once in a mapping; remove or merge the repeated one.",
    },
  },
  check(subject, ctx) {
    for (const f of subject.files)
      for (const e of f.yamlErrors)
        if (e.code === "DUPLICATE_KEY")
          ctx.report({ file: f.file, pos: e.pos }, "YAML_DUPLICATE_KEY", { parserMessage: e.message });
  },
});
