import { findings, runSpecs, spec } from "../support";

describe("cidr-overlap", () => {
  test("Noncompliance: CIDR_OVERLAP for two subnets of one VPC that overlap", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].subnets[1].cidr = "10.20.1.128/25")) });
    const [d] = findings(r, "CIDR_OVERLAP");
    expect(d.path).toBe("vpcs[0].subnets[1].cidr");
    expect(d.message).toContain("app-a");
  });

  test("Noncompliance: CIDR_OVERLAP for a secondary block overlapping the primary", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].additionalCidrs = ["10.20.0.0/17"])) });
    expect(findings(r, "CIDR_OVERLAP").map((d) => d.path)).toEqual(["vpcs[0].additionalCidrs[0]"]);
  });

  test("Compliance: a neighbouring subnet and a disjoint secondary block", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].subnets[1].cidr = "10.20.3.0/24";
        s.vpcs[0].additionalCidrs = ["10.21.0.0/16"];
      }),
    });
    expect(findings(r, "CIDR_OVERLAP")).toEqual([]);
  });
});
