import { findings, runSpecs, spec } from "../support";

describe("service-aliases", () => {
  test("Noncompliance: SERVICE_ALIAS for a subnet asking for secrets-manager (planned as secretsmanager)", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].subnets[0].services = ["s3", "secrets-manager"])) });
    const [d] = findings(r, "SERVICE_ALIAS");
    expect(d.path).toBe("vpcs[0].subnets[0].services[1]");
    expect(d.severity).toBe("info");
    expect(d.message).toContain("secretsmanager");
    expect(r.plan).toBeDefined();
  });

  test("Noncompliance: SERVICE_ALIAS for an endpoints key written as an alias", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].endpoints = { "secrets-manager": { privateDns: false } })) });
    expect(findings(r, "SERVICE_ALIAS").map((d) => d.path)).toEqual(['vpcs[0].endpoints["secrets-manager"]']);
  });

  test("Compliance: the catalog id", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].subnets[0].services = ["s3", "secretsmanager"];
        s.vpcs[0].endpoints = { secretsmanager: { privateDns: false } };
      }),
    });
    expect(findings(r, "SERVICE_ALIAS")).toEqual([]);
  });
});
