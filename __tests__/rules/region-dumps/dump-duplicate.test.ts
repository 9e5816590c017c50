import { runSpecs, findings, spec, dump, dumpEntry } from "../support";

describe("dump-duplicate", () => {
  const kms = (azs: string[]) => dumpEntry({ name: "com.amazonaws.eu-central-1.kms", azs });

  test("Noncompliance: DUMP_DUPLICATE for the same service and type twice", () => {
    const d = dump([kms(["eu-central-1a"]), kms(["eu-central-1b"])]);
    const f = findings(runSpecs({ "a.yaml": spec() }, { "eu-central-1.json": d }), "DUMP_DUPLICATE");
    expect(f).toEqual([
      expect.objectContaining({ severity: "warning", message: expect.stringContaining("(Interface)") }),
    ]);
  });

  test("Compliance: one service with two types (Gateway and Interface)", () => {
    const s3 = (type: "Gateway" | "Interface") => dumpEntry({ name: "com.amazonaws.eu-central-1.s3", type });
    const r = runSpecs({ "a.yaml": spec() }, { "eu-central-1.json": dump([s3("Gateway"), s3("Interface")]) });
    expect(findings(r, "DUMP_DUPLICATE")).toEqual([]);
  });
});
