import { findings, runSpecs, spec } from "../support";

describe("cidr-inside-vpc", () => {
  test("Noncompliance: CIDR_NOT_IN_VPC for a subnet outside the VPC's block", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].subnets[1].cidr = "10.30.2.0/24")) });
    const [d] = findings(r, "CIDR_NOT_IN_VPC");
    expect(d.path).toBe("vpcs[0].subnets[1].cidr");
    expect(d.message).toContain("10.20.0.0/16");
  });

  test("Compliance: the same subnet inside a secondary block of the VPC", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].subnets[1].cidr = "10.30.2.0/24";
        s.vpcs[0].additionalCidrs = ["10.30.0.0/16"];
      }),
    });
    expect(findings(r, "CIDR_NOT_IN_VPC")).toEqual([]);
  });
});
