import { findings, runSpecs, spec } from "../support";

describe("required-fields", () => {
  test("Noncompliance: MISSING_FIELD for a spec without region", () => {
    const r = runSpecs({ "a.yaml": spec((s) => delete s.region) });
    const [d] = findings(r, "MISSING_FIELD");
    expect(d.path).toBe("region");
    expect(d.message).toContain('"region"');
  });

  test("Noncompliance: MISSING_FIELD for a subnet without cidr, pointing at the subnet", () => {
    const r = runSpecs({ "a.yaml": spec((s) => delete s.vpcs[0].subnets[1].cidr) });
    expect(findings(r, "MISSING_FIELD").map((d) => d.path)).toEqual(["vpcs[0].subnets[1].cidr"]);
  });

  test("Compliance: every required field present", () => {
    expect(findings(runSpecs({ "a.yaml": spec() }), "MISSING_FIELD")).toEqual([]);
  });
});
