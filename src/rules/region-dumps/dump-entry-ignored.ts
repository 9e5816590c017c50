import { DUMP_HINT, type DumpsSubject } from "../../region-dumps/facts";
import { rule } from "../rule";

/** Every name in ServiceNames has a ServiceDetails entry (a name alone says nothing vpce can use). */
export const dumpEntryIgnored = rule<DumpsSubject>()({
  name: "dump-entry-ignored",
  stage: "region-dumps",
  codes: {
    DUMP_ENTRY_IGNORED: {
      severity: "warning",
      trigger: "a name in ServiceNames has no ServiceDetails entry",
      fix: "record the dump again; the name is ignored meanwhile",
      message: (d: { name: string }) => `${d.name} is in ServiceNames but has no ServiceDetails entry: ignored.`,
      hint: () => DUMP_HINT,
    },
  },
  check(subject, ctx) {
    for (const f of subject.files)
      for (const u of f.unlisted) ctx.report({ file: f.shown, pos: u.pos }, "DUMP_ENTRY_IGNORED", { name: u.name });
  },
});
