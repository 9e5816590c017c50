import { findings, runSpecs, spec } from "../support";

describe("cidr-blocks", () => {
  test("Noncompliance: INVALID_CIDR for host bits, naming the network address", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].subnets[0].cidr = "10.20.1.5/24")) });
    const [d] = findings(r, "INVALID_CIDR");
    expect(d.path).toBe("vpcs[0].subnets[0].cidr");
    expect(d.hint).toContain("10.20.1.0/24");
  });

  test("Noncompliance: INVALID_CIDR for a VPC block wider than /16", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].cidr = "10.0.0.0/8")) });
    expect(findings(r, "INVALID_CIDR").map((d) => [d.path, d.message.includes("/8 prefix")])).toEqual([
      ["vpcs[0].cidr", true],
    ]);
  });

  test("Noncompliance: INVALID_CIDR for an allowedCidrs entry that is not a CIDR", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].endpoints = { ssm: { allowedCidrs: ["10.0.0.0/33"] } })) });
    expect(findings(r, "INVALID_CIDR").map((d) => d.path)).toEqual(["vpcs[0].endpoints.ssm.allowedCidrs[0]"]);
  });

  test("Compliance: network addresses and client blocks of any width (their width is the plan's matter)", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => (s.vpcs[0].endpoints = { ssm: { allowedCidrs: ["172.16.0.0/12", "10.0.0.0/7"] } })),
    });
    expect(findings(r, "INVALID_CIDR")).toEqual([]);
  });
});
