import { findings, runSpecs, spec } from "../support";

/** n VPCs, each with one subnet asking for s3 (one gateway endpoint each). */
const vpcs = (n: number) =>
  spec((s) => {
    s.vpcs = Array.from({ length: n }, (_, i) => {
      const h = i.toString(16).padStart(2, "0");
      return {
        name: `v${i}`,
        id: `vpc-0123456789abcd${h}0`,
        cidr: `10.${i}.0.0/16`,
        subnets: [
          {
            name: "a",
            id: `subnet-0123456789abcd${h}0`,
            az: "eu-central-1a",
            cidr: `10.${i}.1.0/24`,
            routeTable: `rtb-0123456789abcd${h}0`,
            services: ["s3"],
          },
        ],
      };
    });
  });

describe("gateway-quota", () => {
  test("Noncompliance: GATEWAY_QUOTA with 21 gateway endpoints in one region", () => {
    const f = findings(runSpecs({ "a.yaml": vpcs(21) }), "GATEWAY_QUOTA");
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe("vpcs");
    expect(f[0].message).toContain("21 gateway endpoints");
  });

  test("Noncompliance: GATEWAY_QUOTA counts over stacks, reported once at the stack that crosses the line", () => {
    const b = vpcs(11);
    b.stack = "other";
    const f = findings(runSpecs({ "a.yaml": vpcs(10), "b.yaml": b }), "GATEWAY_QUOTA");
    expect(f).toHaveLength(1);
    expect(f[0].file).toMatch(/b\.yaml$/);
  });

  test("Compliance: 20 gateway endpoints", () => {
    expect(findings(runSpecs({ "a.yaml": vpcs(20) }), "GATEWAY_QUOTA")).toEqual([]);
  });
});
