import { DUMP_HINT, type DumpsSubject } from "../../region-dumps/facts";
import { rule } from "../rule";

/** A dump named after one region lists that region's services (another region's list is not used). */
export const dumpWrongRegion = rule<DumpsSubject>()({
  name: "dump-wrong-region",
  stage: "region-dumps",
  codes: {
    DUMP_WRONG_REGION: {
      severity: "error",
      trigger: "<region>.json lists the services of another region",
      fix: "rename the file after the region it lists",
      message: (d: { region: string; other: string }) =>
        `The file is named ${d.region}.json but lists services of ${d.other}; name it ${d.other}.json.`,
      hint: () => DUMP_HINT,
    },
  },
  check(subject, ctx) {
    for (const f of subject.files)
      if (f.otherRegion)
        ctx.report({ file: f.shown, pos: f.otherRegion.pos }, "DUMP_WRONG_REGION", {
          region: f.region,
          other: f.otherRegion.region,
        });
  },
});
