import { findings, runSpecs, spec } from "../support";

const statement = { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" };
const policy = (doc: unknown) => JSON.stringify(doc, null, 2);
const withPolicy = (file: string) => spec((s) => (s.defaults = { policy: file }));

describe("endpoint-policies", () => {
  test("Noncompliance: ORG_ID_REQUIRED for org-only without organizationId", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        delete s.organizationId;
        s.vpcs[0].endpoints = { ssm: { policy: "org-only" } };
      }),
    });
    expect(findings(r, "ORG_ID_REQUIRED").map((d) => d.path)).toEqual(["vpcs[0].endpoints.ssm.policy"]);
  });

  test("Compliance: org-only with organizationId", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].endpoints = { ssm: { policy: "org-only" } })) });
    expect(findings(r, "ORG_ID_REQUIRED")).toEqual([]);
  });

  test("Noncompliance: POLICY_FILE_MISSING for a path that does not exist", () => {
    const r = runSpecs({ "a.yaml": withPolicy("policies/s3.json") });
    const [d] = findings(r, "POLICY_FILE_MISSING");
    expect(d.path).toBe("defaults.policy");
    expect(d.message).toContain("policies/s3.json");
  });

  test("Noncompliance: POLICY_INVALID for a file that is not JSON, and for a statement without Effect", () => {
    const notJson = runSpecs({ "a.yaml": withPolicy("p.json"), "p.json": "{ Version: 2012-10-17" });
    expect(findings(notJson, "POLICY_INVALID")[0].message).toMatch(/not valid JSON/);
    const noEffect = runSpecs({
      "a.yaml": withPolicy("p.json"),
      "p.json": policy({ Version: "2012-10-17", Statement: [{ ...statement, Effect: "Maybe" }] }),
    });
    expect(findings(noEffect, "POLICY_INVALID")[0].message).toContain("Statement[0].Effect");
  });

  test("Noncompliance: POLICY_NO_PRINCIPAL for a statement without Principal", () => {
    const { Principal: _, ...noPrincipal } = statement;
    const r = runSpecs({
      "a.yaml": withPolicy("p.json"),
      "p.json": policy({ Version: "2012-10-17", Statement: [noPrincipal] }),
    });
    expect(findings(r, "POLICY_NO_PRINCIPAL").map((d) => d.path)).toEqual(["defaults.policy"]);
  });

  test("Noncompliance: POLICY_TOO_LARGE for a document over 20,480 characters", () => {
    const many = Array.from({ length: 400 }, (_, i) => ({ ...statement, Resource: `arn:aws:s3:::bucket-${i}/*` }));
    const r = runSpecs({
      "a.yaml": withPolicy("p.json"),
      "p.json": policy({ Version: "2012-10-17", Statement: many }),
    });
    expect(findings(r, "POLICY_TOO_LARGE")[0].message).toContain("20480");
  });

  test("Compliance: a small IAM policy with a Principal, beside the spec", () => {
    const r = runSpecs({
      "a.yaml": withPolicy("p.json"),
      "p.json": policy({ Version: "2012-10-17", Statement: [statement] }),
    });
    for (const code of ["POLICY_FILE_MISSING", "POLICY_INVALID", "POLICY_NO_PRINCIPAL", "POLICY_TOO_LARGE"] as const)
      expect(findings(r, code)).toEqual([]);
    expect(r.plan).toBeDefined();
  });
});
