import { findings, runSpecs, spec } from "../support";

describe("full-access-policy", () => {
  test("Noncompliance: FULL_ACCESS_POLICY once for the services left with the default policy", () => {
    const f = findings(runSpecs({ "a.yaml": spec() }), "FULL_ACCESS_POLICY");
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe("vpcs[0]");
    expect(f[0].message).toContain("s3, ssm");
    expect(f[0].hint).toContain("defaults.policy: org-only");
  });

  test("Noncompliance: FULL_ACCESS_POLICY at an endpoint's own full-access policy", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.defaults = { policy: "org-only" };
        s.vpcs[0].endpoints = { ssm: { policy: "full-access" } };
      }),
    });
    const f = findings(r, "FULL_ACCESS_POLICY");
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe("vpcs[0].endpoints.ssm.policy");
  });

  test("Compliance: defaults.policy org-only", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.defaults = { policy: "org-only" })) });
    expect(findings(r, "FULL_ACCESS_POLICY")).toEqual([]);
  });
});
