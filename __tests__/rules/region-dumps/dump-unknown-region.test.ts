import { runSpecs, findings, spec, dump, dumpEntry } from "../support";

describe("dump-unknown-region", () => {
  test("Noncompliance: DUMP_UNKNOWN_REGION for a file named after no known region", () => {
    const d = dump([dumpEntry({ name: "com.amazonaws.xx-new-1.ssm", azs: ["xx-new-1a"] })]);
    const f = findings(runSpecs({ "a.yaml": spec() }, { "xx-new-1.json": d }), "DUMP_UNKNOWN_REGION");
    expect(f).toEqual([expect.objectContaining({ severity: "warning", message: expect.stringContaining("xx-new-1") })]);
  });

  test("Compliance: a known region", () => {
    const d = dump([dumpEntry({ name: "com.amazonaws.eu-west-1.ssm", azs: ["eu-west-1a"] })]);
    expect(findings(runSpecs({ "a.yaml": spec() }, { "eu-west-1.json": d }), "DUMP_UNKNOWN_REGION")).toEqual([]);
  });
});
