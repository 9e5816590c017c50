import { parseDump } from "../../../src/region-dumps/read";
import { runSpecs, findings, spec, dump } from "../support";

describe("dump-json-syntax", () => {
  test("Noncompliance: DUMP_JSON_SYNTAX at the trailing comma", () => {
    const r = runSpecs({ "a.yaml": spec() }, { "eu-central-1.json": '{"ServiceDetails": [],\n "ServiceNames": [],}' });
    expect(findings(r, "DUMP_JSON_SYNTAX")).toEqual([expect.objectContaining({ pos: { line: 2, col: 21 } })]);
  });

  test("Noncompliance: DUMP_JSON_SYNTAX for a comment, and for nesting past the limit", () => {
    const at = (text: string) => parseDump({ text, file: "eu-central-1.json", region: "eu-central-1" }).diagnostics;
    expect(at('{"ServiceDetails": [] /* c */}').map((d) => d.code)).toEqual(["DUMP_JSON_SYNTAX"]);
    expect(at("[".repeat(100)).map((d) => [d.code, d.pos])).toEqual([["DUMP_JSON_SYNTAX", { line: 1, col: 66 }]]);
  });

  test("Compliance: the same dump without the trailing comma", () => {
    const r = runSpecs({ "a.yaml": spec() }, { "eu-central-1.json": '{"ServiceDetails": [],\n "ServiceNames": []}' });
    expect(findings(r, "DUMP_JSON_SYNTAX")).toEqual([]);
    expect(findings(runSpecs({ "a.yaml": spec() }, { "eu-central-1.json": dump([]) }), "DUMP_JSON_SYNTAX")).toEqual([]);
  });
});
