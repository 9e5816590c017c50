import { findings, runSpecs, spec, subnet } from "../support";

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

  test("Noncompliance: one subnet in one missed zone reads in the singular", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].endpointSubnets = ["app-a"])) });
    const [f] = findings(r, "CROSS_AZ");
    expect(f.message).toContain("no ENI in the zone of app-b (eu-central-1b); its traffic crosses zones");
    expect(f.hint).toBe("Add an endpoint subnet in that zone.");
  });

  test("Noncompliance: two subnets in two missed zones read in the plural", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].endpointSubnets = ["app-a"];
        s.vpcs[0].subnets.push(
          subnet({
            name: "app-c",
            id: "subnet-0ccccccccccccccc3",
            az: "eu-central-1c",
            cidr: "10.20.3.0/24",
            services: ["ssm"],
          }),
        );
      }),
    });
    const [f] = findings(r, "CROSS_AZ");
    expect(f.message).toContain(
      "no ENI in the zones of app-b (eu-central-1b), app-c (eu-central-1c); their traffic crosses zones",
    );
    expect(f.hint).toBe("Add an endpoint subnet in each of those zones.");
  });

  test("Noncompliance: two subnets in one missed zone: one zone, their traffic", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].endpointSubnets = ["app-a"];
        s.vpcs[0].subnets.push(
          subnet({
            name: "app-c",
            id: "subnet-0ccccccccccccccc3",
            az: "eu-central-1b",
            cidr: "10.20.3.0/24",
            services: ["ssm"],
          }),
        );
      }),
    });
    const [f] = findings(r, "CROSS_AZ");
    expect(f.message).toContain("no ENI in the zone of app-b (eu-central-1b), app-c (eu-central-1b); their traffic");
    expect(f.hint).toBe("Add an endpoint subnet in that zone.");
  });
});
