import { DUMP_HINT, type DumpsSubject } from "../../region-dumps/facts";
import { rule } from "../rule";

/** A service appears once per endpoint type (two entries are merged: the AZs of both are used). */
export const dumpDuplicate = rule<DumpsSubject>()({
  name: "dump-duplicate",
  stage: "region-dumps",
  codes: {
    DUMP_DUPLICATE: {
      severity: "warning",
      trigger: "a service and endpoint type appear in two ServiceDetails entries",
      fix: "record the dump again; the AZs of both entries are used meanwhile",
      message: (d: { name: string; type: string }) =>
        `${d.name} (${d.type}) appears twice; the AZs of both entries are used.`,
      hint: () => DUMP_HINT,
    },
  },
  check(subject, ctx) {
    for (const f of subject.files)
      for (const d of f.duplicates)
        ctx.report({ file: f.shown, pos: d.pos }, "DUMP_DUPLICATE", { name: d.name, type: d.type });
  },
});
