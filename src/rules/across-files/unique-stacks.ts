/** Two files naming the same stack would write one folder twice. */
import type { AcrossFilesSubject } from "../../input/subjects";
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
    // stack names become folder names: compared case-insensitively; a file whose name is not known is left out
    const first = new Map<string, string>();
    for (const { source, facts } of subject.files) {
      const stack = facts.stack;
      if (stack === undefined) continue;
      const prev = first.get(stack.toLowerCase());
      const pos = source.positionOf(facts.stackFromFileName ? [] : ["stack"]);
      if (prev !== undefined)
        ctx.report({ file: source.file, pos, path: "stack" }, "DUPLICATE_STACK", { stack, otherFile: prev });
      else first.set(stack.toLowerCase(), source.file);
    }
  },
});
