import { DUMP_HINT, type DumpsSubject } from "../../region-dumps/facts";
import { rule } from "../rule";

/** A region dump folder that was named (argument or VPCE_CATALOG) exists; the default catalog/ may be absent. */
export const dumpDirMissing = rule<DumpsSubject>()({
  name: "dump-dir-missing",
  stage: "region-dumps",
  codes: {
    DUMP_DIR_MISSING: {
      severity: "error",
      trigger: "the region dump folder named by VPCE_CATALOG does not exist",
      fix: "create the folder, or point VPCE_CATALOG at the folder of <region>.json dumps",
      message: (d: { dir: string }) => `The region dump folder ${d.dir} does not exist.`,
      hint: () => DUMP_HINT,
    },
  },
  check(subject, ctx) {
    const f = subject.folder;
    if (f?.missing && f.named) ctx.report({ file: f.shown }, "DUMP_DIR_MISSING", { dir: f.dir });
  },
});
