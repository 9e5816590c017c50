import { findings, runSpecs, spec, subnet } from "../support";

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

  test("Noncompliance: one dropped subnet reads in the singular", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        delete s.vpcs[0].subnets[1].az;
        s.vpcs[0].subnets[1].azId = "euc1-az3";
      }),
    });
    const [f] = findings(r, "AZ_NOTATION_MIXED");
    expect(f.message).toContain("cannot tell whether app-a shares a zone with the others");
  });

  test("Noncompliance: two dropped subnets read in the plural", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        delete s.vpcs[0].subnets[1].az;
        s.vpcs[0].subnets[1].azId = "euc1-az3";
        s.vpcs[0].subnets.push(
          subnet({
            name: "app-c",
            id: "subnet-0ccccccccccccccc3",
            az: "eu-central-1c",
            cidr: "10.20.3.0/24",
            services: ["ssm"],
          }),
          { name: "app-d", id: "subnet-0ddddddddddddddd4", azId: "euc1-az1", cidr: "10.20.4.0/24", services: ["ssm"] },
        );
      }),
    });
    const [f] = findings(r, "AZ_NOTATION_MIXED");
    expect(f.message).toContain("cannot tell whether app-a, app-c share a zone with the others");
  });
});
