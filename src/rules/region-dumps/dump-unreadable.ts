import { DUMP_HINT, type DumpsSubject } from "../../region-dumps/facts";
import { rule } from "../rule";

/** The region dump folder can be listed and each dump read. */
export const dumpUnreadable = rule<DumpsSubject>()({
  name: "dump-unreadable",
  stage: "region-dumps",
  codes: {
    DUMP_UNREADABLE: {
      severity: "error",
      trigger: "the region dump folder cannot be listed (or is a file), or a dump cannot be read",
      fix: "check the permissions; VPCE_CATALOG names a folder",
      message: (d: { folder: boolean; path: string; reason: string }) =>
        d.folder ? `Cannot read the region dump folder ${d.path}: ${d.reason}` : `Cannot read ${d.path}: ${d.reason}`,
      hint: () => DUMP_HINT,
    },
  },
  check(subject, ctx) {
    const f = subject.folder;
    if (f?.listError !== undefined)
      ctx.report({ file: f.shown }, "DUMP_UNREADABLE", { folder: true, path: f.dir, reason: f.listError });
    for (const file of subject.files)
      if (file.readError !== undefined)
        ctx.report({ file: file.shown }, "DUMP_UNREADABLE", { folder: false, path: file.file, reason: file.readError });
  },
});
