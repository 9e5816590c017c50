import { findings, runSpecs, spec, subnet } from "../support";

describe("fixed-ip-placement", () => {
  test("Noncompliance: FIXED_IP_NO_ENI for a subnet that holds no ENI of the endpoint", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        // app-a2 is a smaller subnet of eu-central-1a: app-a holds the ENI there
        s.vpcs[0].subnets.push(
          subnet({ name: "app-a2", id: "subnet-0aaaaaaaaaaaaaaa3", cidr: "10.20.3.0/25", services: ["ssm"] }),
        );
        s.vpcs[0].endpoints = { ssm: { fixedIps: { "app-a2": "10.20.3.10" } } };
      }),
    });
    const [d] = findings(r, "FIXED_IP_NO_ENI");
    expect(d.path).toBe('vpcs[0].endpoints.ssm.fixedIps["app-a2"]');
    expect(d.hint).toBe("The endpoint's ENIs are in app-a, app-b (one subnet per AZ).");
    expect(r.plan).toBeUndefined();
  });

  test("Noncompliance: FIXED_IP_NO_ENI on a gateway endpoint", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => (s.vpcs[0].endpoints = { s3: { fixedIps: { "app-a": "10.20.1.10" } } })),
    });
    expect(findings(r, "FIXED_IP_NO_ENI").map((d) => d.path)).toEqual(["vpcs[0].endpoints.s3"]);
  });

  test("Compliance: an ENI subnet; the interface half of s3 type both", () => {
    const r = runSpecs({
      "a.yaml": spec(
        (s) =>
          (s.vpcs[0].endpoints = {
            ssm: { fixedIps: { "app-a": "10.20.1.10" } },
            s3: { type: "both", fixedIps: { "app-b": "10.20.2.10" } },
          }),
      ),
    });
    expect(findings(r, "FIXED_IP_NO_ENI")).toEqual([]);
    expect(r.plan).toBeDefined();
  });
});
