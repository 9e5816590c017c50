import { findings, runSpecs, spec } from "../support";

describe("cross-az", () => {
  test("Noncompliance: CROSS_AZ when the endpoint subnets miss a requesting zone", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].endpointSubnets = ["app-a"])) });
    const f = findings(r, "CROSS_AZ");
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe("vpcs[0].subnets[0].services[1]");
    expect(f[0].message).toContain("app-b (eu-central-1b)");
    expect(f[0].hint).toContain("endpoint subnet");
  });

  test("Compliance: an endpoint subnet in every requesting zone", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].endpointSubnets = ["app-a", "app-b"])) });
    expect(findings(r, "CROSS_AZ")).toEqual([]);
  });
});
