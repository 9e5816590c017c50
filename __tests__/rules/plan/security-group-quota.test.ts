import { findings, runSpecs, spec } from "../support";

/** n /24 blocks, every other one, so no two merge. */
const blocks = (n: number) =>
  Array.from({ length: n }, (_, i) => `172.${16 + Math.floor(i / 128)}.${(i % 128) * 2}.0/24`);

describe("security-group-quota", () => {
  test("Noncompliance: SG_RULE_LIMIT past 5 groups of 60 rules", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].endpoints = { ssm: { allowedCidrs: blocks(301) } })) });
    const f = findings(r, "SG_RULE_LIMIT");
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe("vpcs[0].endpoints.ssm");
    expect(f[0].message).toContain("303 ingress rules");
  });

  test("Compliance: 300 rules fit in 5 groups", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].endpoints = { ssm: { allowedCidrs: blocks(298) } })) });
    expect(findings(r, "SG_RULE_LIMIT")).toEqual([]);
    expect(r.plan).toBeDefined();
  });
});
