import type { LoadSubject } from "../../input/load";
import { rule } from "../rule";

/** A spec file holds a document (not only comments, whitespace or null). */
export const emptySpec = rule<LoadSubject>()({
  name: "empty-spec",
  stage: "load",
  codes: {
    EMPTY_SPEC: {
      severity: "error",
      trigger: "a spec file is empty, only comments, or null",
      fix: "write the spec, or remove the file",
      message: () => "the file is empty.",
      hint: () => "A spec needs at least version, region and vpcs; remove the file if it is not a spec.",
    },
  },
  check(subject, ctx) {
    for (const f of subject.files)
      if (f.root?.kind === "empty") ctx.report({ file: f.file, pos: { line: 1, col: 1 } }, "EMPTY_SPEC", {});
  },
});
