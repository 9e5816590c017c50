import { findings, runSpecs, spec } from "../support";

describe("endpoint-subnets", () => {
  test("Noncompliance: UNKNOWN_ENDPOINT_SUBNET for a name the VPC does not have, with the closest", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].endpointSubnets = ["app-c"])) });
    const [d] = findings(r, "UNKNOWN_ENDPOINT_SUBNET");
    expect(d.path).toBe("vpcs[0].endpointSubnets[0]");
    expect(d.suggestions).toContain("app-a");
  });

  test("Compliance: a subnet of the VPC", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].endpointSubnets = ["app-a"])) });
    expect(findings(r, "UNKNOWN_ENDPOINT_SUBNET")).toEqual([]);
  });
});
