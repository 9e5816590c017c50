import { findings, runSpecs, spec, subnet } from "../support";

const PARTNER = "com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0";

describe("unique-names", () => {
  test("Noncompliance: DUPLICATE_NAME for two subnets of a VPC with one name, pointing back at the first", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].subnets[1].name = "app-a")) });
    const [d] = findings(r, "DUPLICATE_NAME");
    expect(d.path).toBe("vpcs[0].subnets[1].name");
    expect(d.message).toContain("vpcs[0].subnets[0].name");
  });

  test("Noncompliance: DUPLICATE_NAME for two VPCs of the stack with one name", () => {
    const r = runSpecs({
      "a.yaml": spec((s) =>
        s.vpcs.push({
          name: "main",
          id: "vpc-0123456789abcdef1",
          cidr: "10.30.0.0/16",
          subnets: [subnet({ name: "x", id: "subnet-0ccccccccccccccc3", cidr: "10.30.1.0/24" })],
        }),
      ),
    });
    expect(findings(r, "DUPLICATE_NAME").map((d) => d.path)).toEqual(["vpcs[1].name"]);
  });

  test("Noncompliance: DUPLICATE_NAME for an endpoints alias beside its catalog id", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => (s.vpcs[0].endpoints = { secretsmanager: {}, "secrets-manager": {} })),
    });
    expect(findings(r, "DUPLICATE_NAME").map((d) => d.path)).toEqual(['vpcs[0].endpoints["secrets-manager"]']);
  });

  test("Noncompliance: DUPLICATE_NAME for two keys naming one serviceName, and for a catalog service's name", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].endpoints = {
          partner: { serviceName: PARTNER },
          partner2: { serviceName: PARTNER },
          myssm: { serviceName: "com.amazonaws.eu-central-1.ssm" },
        };
      }),
    });
    expect(findings(r, "DUPLICATE_NAME").map((d) => d.path)).toEqual([
      "vpcs[0].endpoints.partner2.serviceName",
      "vpcs[0].endpoints.myssm.serviceName",
    ]);
  });

  test("Compliance: distinct subnet names, distinct endpoints keys and service names", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].subnets[1].name = "app-c";
        s.vpcs[0].endpoints = { secretsmanager: {}, partner: { serviceName: PARTNER } };
      }),
    });
    expect(findings(r, "DUPLICATE_NAME")).toEqual([]);
  });
});
