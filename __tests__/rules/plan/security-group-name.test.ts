import { findings, runSpecs, spec } from "../support";

const withKey = (key: string) =>
  spec((s) => {
    s.vpcs[0].subnets[0].services.push(key);
    s.vpcs[0].endpoints = { [key]: { serviceName: "com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0" } };
  });

describe("security-group-name", () => {
  // vpce-main- (10) + key + - (1): a key of 219 characters makes a 230-character prefix
  test("Noncompliance: SG_NAME_TOO_LONG for a prefix over 229 characters", () => {
    const r = runSpecs({ "a.yaml": withKey(`p${"x".repeat(218)}`) });
    const [d] = findings(r, "SG_NAME_TOO_LONG");
    expect(d.path).toBe(`vpcs[0].endpoints.p${"x".repeat(218)}`);
    expect(d.message).toContain("has 230 characters");
    expect(r.plan).toBeUndefined();
  });

  test("Compliance: a prefix of exactly 229 characters", () => {
    const r = runSpecs({ "a.yaml": withKey(`p${"x".repeat(217)}`) });
    expect(findings(r, "SG_NAME_TOO_LONG")).toEqual([]);
    expect(r.plan).toBeDefined();
  });
});
