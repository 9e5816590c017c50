import type { LoadSubject } from "../../input/load";
import { rule } from "../rule";

/** A spec file is valid UTF-8. */
export const fileNotUtf8 = rule<LoadSubject>()({
  name: "file-not-utf8",
  stage: "load",
  codes: {
    FILE_NOT_UTF8: {
      severity: "error",
      trigger: "a spec file holds a byte sequence that is not valid UTF-8",
      fix: "save the spec as UTF-8",
      message: (d: { byte?: number; offset: number }) =>
        `byte 0x${d.byte?.toString(16).padStart(2, "0")} at offset ${d.offset} is not valid UTF-8.`,
      hint: () => "Save the spec as UTF-8.",
    },
  },
  check(subject, ctx) {
    for (const f of subject.files) {
      const bad = f.invalidUtf8;
      if (bad) ctx.report({ file: f.file, pos: bad.pos }, "FILE_NOT_UTF8", { byte: bad.byte, offset: bad.offset });
    }
  },
});
