/** Two files naming the same stack would write one folder twice. */
import type { AcrossFilesSubject } from "../../input/subjects";
import type { SpecModel } from "../../input/spec-model";
import { rule } from "../rule";

export const uniqueStacks = rule<AcrossFilesSubject>()({
  name: "unique-stacks",
  stage: "across-files",
  codes: {
    DUPLICATE_STACK: {
      severity: "error",
      trigger: "two files produce one stack name",
      fix: "set `stack:` or rename a file",
      message: (d: { stack: string; otherFile: string }) =>
        `stack ${JSON.stringify(d.stack)} is also produced by ${d.otherFile}.`,
      hint: () => "Every spec file is one stack: give one of them another `stack:` name or file name.",
    },
  },
  check(subject, ctx) {
    // stack names become folder names: compared case-insensitively
    const first = new Map<string, SpecModel>();
    for (const m of subject.models) {
      const prev = first.get(m.stack.toLowerCase());
      if (prev)
        ctx.report({ file: m.file, pos: m.stackPos, path: "stack" }, "DUPLICATE_STACK", {
          stack: m.stack,
          otherFile: prev.file,
        });
      else first.set(m.stack.toLowerCase(), m);
    }
  },
});
