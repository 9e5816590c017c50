import { findings, runSpecs, spec } from "../support";

const apprunner = (policy: string) =>
  spec((s) => {
    s.vpcs[0].subnets[0].services = ["apprunner.requests"];
    s.vpcs[0].endpoints = { "apprunner.requests": { policy } };
  });

describe("policy-not-supported", () => {
  test("Noncompliance: POLICY_NOT_SUPPORTED for an org-only policy on a service that takes none", () => {
    const f = findings(runSpecs({ "a.yaml": apprunner("org-only") }), "POLICY_NOT_SUPPORTED");
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe('vpcs[0].endpoints["apprunner.requests"].policy');
    expect(f[0].message).toContain("org-only");
  });

  test("Compliance: full access, which is what such an endpoint has anyway", () => {
    expect(findings(runSpecs({ "a.yaml": apprunner("full-access") }), "POLICY_NOT_SUPPORTED")).toEqual([]);
  });
});
