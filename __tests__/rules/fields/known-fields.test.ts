import { findings, runSpecs, spec } from "../support";

describe("known-fields", () => {
  test("Noncompliance: UNKNOWN_FIELD for a misspelt key, with the closest field", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.regoin = "eu-central-1")) });
    const [d] = findings(r, "UNKNOWN_FIELD");
    expect(d.path).toBe("regoin");
    expect(d.suggestions).toContain("region");
    expect(d.message).toContain("regoin");
  });

  test("Noncompliance: UNKNOWN_FIELD inside a subnet names the subnet", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].subnets[0].routetable = "rtb-0aaaaaaaaaaaaaaa1")) });
    expect(findings(r, "UNKNOWN_FIELD").map((d) => d.path)).toEqual(["vpcs[0].subnets[0].routetable"]);
  });

  test("Compliance: the base spec has only known fields", () => {
    expect(findings(runSpecs({ "a.yaml": spec() }), "UNKNOWN_FIELD")).toEqual([]);
  });
});
