import { findings, runSpecs, spec } from "../support";

describe("az-notation-mixed", () => {
  test("Noncompliance: AZ_NOTATION_MIXED when one requesting subnet is given by azId", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        delete s.vpcs[0].subnets[1].az;
        s.vpcs[0].subnets[1].azId = "euc1-az3";
      }),
    });
    const f = findings(r, "AZ_NOTATION_MIXED");
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe("vpcs[0].subnets[0].services[1]");
    expect(f[0].message).toContain("app-a");
  });

  test("Compliance: every subnet given by azId", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        delete s.vpcs[0].subnets[0].az;
        s.vpcs[0].subnets[0].azId = "euc1-az2";
        delete s.vpcs[0].subnets[1].az;
        s.vpcs[0].subnets[1].azId = "euc1-az3";
      }),
    });
    expect(findings(r, "AZ_NOTATION_MIXED")).toEqual([]);
  });
});
