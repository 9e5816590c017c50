import type { LoadSubject } from "../../input/load";
import { rule } from "../rule";

/** Files larger than this are refused before they are read (a spec is a few KiB). */
export const MAX_SPEC_BYTES = 1024 * 1024;

/** A spec file is small enough to read. */
export const fileTooLarge = rule<LoadSubject>()({
  name: "file-too-large",
  stage: "load",
  codes: {
    FILE_TOO_LARGE: {
      severity: "error",
      trigger: `a spec file is larger than ${MAX_SPEC_BYTES} bytes`,
      fix: "split the spec into several files (one stack each)",
      message: (d: { size: number }) => `the file is ${d.size} bytes; specs are limited to ${MAX_SPEC_BYTES} bytes.`,
      hint: () => "Split the spec into several files (one stack each).",
    },
  },
  check(subject, ctx) {
    for (const f of subject.files)
      if (f.size !== undefined && f.size > MAX_SPEC_BYTES)
        ctx.report({ file: f.file }, "FILE_TOO_LARGE", { size: f.size });
  },
});
