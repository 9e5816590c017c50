import { runSpecs, findings, spec, dump, dumpEntry } from "../support";

describe("dump-entry", () => {
  const ssm = () => dumpEntry({ name: "com.amazonaws.eu-central-1.ssm" });

  test("Noncompliance: DUMP_ENTRY for an entry without ServiceName, at the entry", () => {
    const { ServiceName: _, ...nameless } = ssm();
    const r = runSpecs({ "a.yaml": spec() }, { "eu-central-1.json": dump([nameless]) });
    expect(findings(r, "DUMP_ENTRY")).toEqual([
      expect.objectContaining({ message: expect.stringContaining("ServiceDetails[0]") }),
    ]);
  });

  test("Noncompliance: DUMP_ENTRY for AvailabilityZones that is not a list", () => {
    const r = runSpecs(
      { "a.yaml": spec() },
      { "eu-central-1.json": dump([{ ...ssm(), AvailabilityZones: "eu-central-1a" }]) },
    );
    expect(findings(r, "DUMP_ENTRY")).toEqual([
      expect.objectContaining({ message: expect.stringContaining("AvailabilityZones") }),
    ]);
  });

  test("Compliance: the entry as AWS prints it", () => {
    expect(findings(runSpecs({ "a.yaml": spec() }, { "eu-central-1.json": dump([ssm()]) }), "DUMP_ENTRY")).toEqual([]);
  });
});
