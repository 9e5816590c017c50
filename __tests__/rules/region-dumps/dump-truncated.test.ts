import { runSpecs, findings, spec, dump } from "../support";

describe("dump-truncated", () => {
  test("Noncompliance: DUMP_TRUNCATED for a page with a NextToken", () => {
    const f = findings(
      runSpecs({ "a.yaml": spec() }, { "eu-central-1.json": dump([], { NextToken: "abc" }) }),
      "DUMP_TRUNCATED",
    );
    expect(f).toEqual([
      expect.objectContaining({ severity: "warning", message: expect.stringContaining("NextToken") }),
    ]);
  });

  test("Compliance: an empty NextToken is the last page", () => {
    const r = runSpecs({ "a.yaml": spec() }, { "eu-central-1.json": dump([], { NextToken: "" }) });
    expect(findings(r, "DUMP_TRUNCATED")).toEqual([]);
  });
});
