import { DUMP_HINT, type DumpsSubject } from "../../region-dumps/facts";
import { rule } from "../rule";

/** A region dump has the API's shape: an object with a ServiceDetails list. */
export const dumpShape = rule<DumpsSubject>()({
  name: "dump-shape",
  stage: "region-dumps",
  codes: {
    DUMP_SHAPE: {
      severity: "error",
      trigger: 'a region dump is not an object with a "ServiceDetails" list',
      fix: "save the whole output of aws ec2 describe-vpc-endpoint-services",
      message: () =>
        'Expected the output of `aws ec2 describe-vpc-endpoint-services`: an object with a "ServiceDetails" list.',
      hint: () => DUMP_HINT,
    },
  },
  check(subject, ctx) {
    for (const f of subject.files)
      if (f.notTheApiShape) ctx.report({ file: f.shown, pos: f.notTheApiShape.pos }, "DUMP_SHAPE", {});
  },
});
