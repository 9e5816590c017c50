import type { LoadSubject } from "../../input/load";
import { rule } from "../rule";

/** A spec's document is a mapping (version, region, vpcs), not a list or a scalar. */
export const notAMapping = rule<LoadSubject>()({
  name: "not-a-mapping",
  stage: "load",
  codes: {
    NOT_A_MAPPING: {
      severity: "error",
      trigger: "a spec's document is a list or a scalar value",
      fix: "write the spec as a mapping with version, region and vpcs",
      message: (d: { kind: "list" | "scalar" }) =>
        `the spec is ${d.kind === "list" ? "a list" : "a scalar value"}; ` +
        "a spec is a mapping with version, region and vpcs.",
    },
  },
  check(subject, ctx) {
    for (const f of subject.files) {
      const root = f.root;
      if (root && (root.kind === "list" || root.kind === "scalar"))
        ctx.report({ file: f.file, pos: root.pos }, "NOT_A_MAPPING", { kind: root.kind });
    }
  },
});
