import { DUMP_HINT, type DumpsSubject } from "../../region-dumps/facts";
import { rule } from "../rule";

/** A region dump is valid JSON. */
export const dumpJsonSyntax = rule<DumpsSubject>()({
  name: "dump-json-syntax",
  stage: "region-dumps",
  codes: {
    DUMP_JSON_SYNTAX: {
      severity: "error",
      trigger: "a region dump is not valid JSON (or nests deeper than 64 levels)",
      fix: "record the dump again with aws ec2 describe-vpc-endpoint-services",
      message: (d: { error: string }) => `Not valid JSON: ${d.error}.`,
      hint: () => DUMP_HINT,
    },
  },
  check(subject, ctx) {
    for (const f of subject.files)
      if (f.syntaxError)
        ctx.report({ file: f.shown, pos: f.syntaxError.pos }, "DUMP_JSON_SYNTAX", { error: f.syntaxError.message });
  },
});
