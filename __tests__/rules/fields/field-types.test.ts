import { findings, runSpecs, spec } from "../support";

describe("field-types", () => {
  test("Noncompliance: WRONG_TYPE for services written as a string", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].subnets[0].services = "ssm")) });
    const [d] = findings(r, "WRONG_TYPE");
    expect(d.path).toBe("vpcs[0].subnets[0].services");
    expect(d.message).toMatch(/a list/);
  });

  test("Compliance: services as a list of one", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].subnets[0].services = ["ssm"])) });
    expect(findings(r, "WRONG_TYPE")).toEqual([]);
  });
});
