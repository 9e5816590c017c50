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

describe("known-bundles: optional services", () => {
  const planned = (services: string[]) => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].subnets[0].bundles = ["eks-private-nodes"];
        s.vpcs[0].subnets[0].services = services;
      }),
    });
    expect(findings(r, "UNKNOWN_BUNDLE")).toEqual([]);
    return r.plan?.stacks[0].vpcs[0].endpoints.map((e) => e.service) ?? [];
  };

  test("Compliance: a bundle plans its services, not its optional ones; listing one under services opts in", () => {
    const without = planned(["s3"]);
    expect(without).toEqual(expect.arrayContaining(["ec2", "eks", "route53"]));
    expect(without).not.toContain("sts");
    expect(planned(["s3", "sts"])).toContain("sts");
  });
});
