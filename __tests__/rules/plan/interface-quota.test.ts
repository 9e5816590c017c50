import { findings, runSpecs, spec } from "../support";

/** The base spec plus n custom interface services requested by app-a. */
const withCustom = (n: number) =>
  spec((s) => {
    const keys = Array.from({ length: n }, (_, i) => `svc${String(i).padStart(2, "0")}`);
    s.vpcs[0].subnets[0].services.push(...keys);
    s.vpcs[0].endpoints = Object.fromEntries(
      keys.map((k, i) => [
        k,
        { serviceName: `com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcd${String(i).padStart(3, "0")}` },
      ]),
    );
  });

describe("interface-quota", () => {
  test("Noncompliance: INTERFACE_QUOTA with 51 interface endpoints in one VPC", () => {
    const f = findings(runSpecs({ "a.yaml": withCustom(50) }), "INTERFACE_QUOTA");
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe("vpcs[0]");
    expect(f[0].message).toContain("51 interface endpoints");
  });

  test("Compliance: 50 interface endpoints", () => {
    expect(findings(runSpecs({ "a.yaml": withCustom(49) }), "INTERFACE_QUOTA")).toEqual([]);
  });
});
