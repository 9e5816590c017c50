import { runSpecs, findings, spec, dump, dumpEntry } from "../support";

describe("dump-wrong-region", () => {
  test("Noncompliance: DUMP_WRONG_REGION for eu-west-1's list in eu-central-1.json", () => {
    const d = dump([dumpEntry({ name: "com.amazonaws.eu-west-1.ssm", azs: ["eu-west-1a"] })]);
    const f = findings(runSpecs({ "a.yaml": spec() }, { "eu-central-1.json": d }), "DUMP_WRONG_REGION");
    expect(f).toEqual([expect.objectContaining({ message: expect.stringContaining("eu-west-1.json") })]);
  });

  test("Compliance: the same list in eu-west-1.json", () => {
    const d = dump([dumpEntry({ name: "com.amazonaws.eu-west-1.ssm", azs: ["eu-west-1a"] })]);
    expect(findings(runSpecs({ "a.yaml": spec() }, { "eu-west-1.json": d }), "DUMP_WRONG_REGION")).toEqual([]);
  });
});
