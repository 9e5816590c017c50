import { findings, runSpecs, spec } from "../support";

describe("known-bundles", () => {
  test("Noncompliance: UNKNOWN_BUNDLE for a misspelt bundle, with the closest", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].subnets[0].bundles = ["ecr-pul"])) });
    const [d] = findings(r, "UNKNOWN_BUNDLE");
    expect(d.path).toBe("vpcs[0].subnets[0].bundles[0]");
    expect(d.suggestions).toContain("ecr-pull");
  });

  test("Compliance: a bundle of the catalog", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].subnets[0].bundles = ["ecr-pull"])) });
    expect(findings(r, "UNKNOWN_BUNDLE")).toEqual([]);
  });
});
