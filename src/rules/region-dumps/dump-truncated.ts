import { DUMP_HINT, type DumpsSubject } from "../../region-dumps/facts";
import { rule } from "../rule";

/** A dump is the whole list, not one page of it. */
export const dumpTruncated = rule<DumpsSubject>()({
  name: "dump-truncated",
  stage: "region-dumps",
  codes: {
    DUMP_TRUNCATED: {
      severity: "warning",
      trigger: "a dump has a NextToken: it is one page of a paginated list",
      fix: "record it again without --max-results/--no-paginate",
      message: () =>
        "The dump has a NextToken: it is one page of the list and may lack services. " +
        "Record it again without --max-results/--no-paginate.",
      hint: () => DUMP_HINT,
    },
  },
  check(subject, ctx) {
    for (const f of subject.files)
      if (f.nextToken) ctx.report({ file: f.shown, pos: f.nextToken.pos }, "DUMP_TRUNCATED", {});
  },
});
