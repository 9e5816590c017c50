import { findings, runSpecs, spec } from "../support";

describe("availability-zones", () => {
  test("Noncompliance: AZ_NOT_IN_REGION for a zone name of another region", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].subnets[1].az = "eu-west-1b")) });
    const [d] = findings(r, "AZ_NOT_IN_REGION");
    expect(d.path).toBe("vpcs[0].subnets[1].az");
    expect(d.message).toContain("eu-central-1");
  });

  test("Noncompliance: AZ_NOT_IN_REGION for a zone id of another region", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        delete s.vpcs[0].subnets[1].az;
        s.vpcs[0].subnets[1].azId = "use1-az1";
      }),
    });
    expect(findings(r, "AZ_NOT_IN_REGION").map((d) => d.path)).toEqual(["vpcs[0].subnets[1].azId"]);
  });

  test("Noncompliance: AZ_MISSING for a subnet with neither az nor azId", () => {
    const r = runSpecs({ "a.yaml": spec((s) => delete s.vpcs[0].subnets[1].az) });
    expect(findings(r, "AZ_MISSING").map((d) => d.path)).toEqual(["vpcs[0].subnets[1]"]);
  });

  test("Noncompliance: AZ_AMBIGUOUS for a subnet with both", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].subnets[1].azId = "euc1-az3")) });
    expect(findings(r, "AZ_AMBIGUOUS").map((d) => d.path)).toEqual(["vpcs[0].subnets[1].azId"]);
  });

  test("Compliance: one zone per subnet, by name or by id, in the region", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        delete s.vpcs[0].subnets[1].az;
        s.vpcs[0].subnets[1].azId = "euc1-az3";
      }),
    });
    for (const code of ["AZ_NOT_IN_REGION", "AZ_MISSING", "AZ_AMBIGUOUS"] as const)
      expect(findings(r, code)).toEqual([]);
  });
});
