import { runSpecs, findings, spec, dump, dumpEntry } from "../support";

describe("dump-entry-ignored", () => {
  const ssm = dumpEntry({ name: "com.amazonaws.eu-central-1.ssm" });

  test("Noncompliance: DUMP_ENTRY_IGNORED for a name without details", () => {
    const d = dump([ssm], { ServiceNames: [ssm.ServiceName, "com.amazonaws.eu-central-1.kms"] });
    const f = findings(runSpecs({ "a.yaml": spec() }, { "eu-central-1.json": d }), "DUMP_ENTRY_IGNORED");
    expect(f).toEqual([expect.objectContaining({ severity: "warning", message: expect.stringContaining("kms") })]);
  });

  test("Compliance: every name has its entry", () => {
    expect(
      findings(runSpecs({ "a.yaml": spec() }, { "eu-central-1.json": dump([ssm]) }), "DUMP_ENTRY_IGNORED"),
    ).toEqual([]);
  });
});
