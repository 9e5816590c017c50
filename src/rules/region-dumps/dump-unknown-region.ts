import { DUMP_HINT, type DumpsSubject } from "../../region-dumps/facts";
import { rule } from "../rule";

/** A dump's file name is a region vpce knows (a new region still loads, with a warning). */
export const dumpUnknownRegion = rule<DumpsSubject>()({
  name: "dump-unknown-region",
  stage: "region-dumps",
  codes: {
    DUMP_UNKNOWN_REGION: {
      severity: "warning",
      trigger: "a dump's file name is not a region vpce knows",
      fix: "name the file <region>.json; a region newer than vpce is used as it is",
      message: (d: { region: string }) =>
        `${d.region} is not a region vpce knows; the file name must be <region>.json.`,
      hint: () => DUMP_HINT,
    },
  },
  check(subject, ctx) {
    for (const f of subject.files)
      if (f.unknownRegion)
        ctx.report({ file: f.shown, pos: f.unknownRegion.pos }, "DUMP_UNKNOWN_REGION", { region: f.region });
  },
});
