import { findings, runSpecs, spec } from "../support";

const withFixed = (fixed: Record<string, string>, extra: Record<string, unknown> = {}) =>
  spec((s) => (s.vpcs[0].endpoints = { ssm: { fixedIps: fixed }, ...extra }));

describe("fixed-ips", () => {
  test("Noncompliance: FIXED_IP_UNKNOWN_SUBNET for a name that is no subnet, with the closest", () => {
    const r = runSpecs({ "a.yaml": withFixed({ "app-c": "10.20.1.10" }) });
    const [d] = findings(r, "FIXED_IP_UNKNOWN_SUBNET");
    expect(d.path).toBe('vpcs[0].endpoints.ssm.fixedIps["app-c"]');
    expect(d.message).toContain('"app-c"');
    expect(d.pos?.line).toBeGreaterThan(1);
    expect(r.plan).toBeUndefined();
  });

  test("Noncompliance: FIXED_IP_OUTSIDE_SUBNET for an address of another subnet", () => {
    const r = runSpecs({ "a.yaml": withFixed({ "app-a": "10.20.2.10" }) });
    expect(findings(r, "FIXED_IP_OUTSIDE_SUBNET").map((d) => d.message)).toEqual([
      "10.20.2.10 is not inside subnet app-a (10.20.1.0/24).",
    ]);
  });

  test("Noncompliance: FIXED_IP_RESERVED for the 4 first and the last address", () => {
    for (const ip of ["10.20.1.0", "10.20.1.1", "10.20.1.2", "10.20.1.3", "10.20.1.255"]) {
      const [d] = findings(runSpecs({ "a.yaml": withFixed({ "app-a": ip }) }), "FIXED_IP_RESERVED");
      expect(d.message).toContain(ip);
      expect(d.hint).toBe("Use an address from 10.20.1.4 to 10.20.1.254.");
    }
  });

  test("Noncompliance: FIXED_IP_TAKEN when two endpoints claim one address", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].subnets[0].services.push("kms");
        s.vpcs[0].endpoints = {
          kms: { fixedIps: { "app-a": "10.20.1.10" } },
          ssm: { fixedIps: { "app-a": "10.20.1.10" } },
        };
      }),
    });
    expect(findings(r, "FIXED_IP_TAKEN").map((d) => d.path)).toEqual(['vpcs[0].endpoints.ssm.fixedIps["app-a"]']);
  });

  test("Noncompliance: INVALID_VALUE for an address that is not IPv4", () => {
    const r = runSpecs({ "a.yaml": withFixed({ "app-a": "10.20.1.256" }) });
    expect(findings(r, "INVALID_VALUE").map((d) => d.path)).toEqual(['vpcs[0].endpoints.ssm.fixedIps["app-a"]']);
  });

  test("Compliance: the first and last usable addresses, distinct per endpoint", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].subnets[0].services.push("kms");
        s.vpcs[0].endpoints = {
          kms: { fixedIps: { "app-a": "10.20.1.4" } },
          ssm: { fixedIps: { "app-a": "10.20.1.254", "app-b": "10.20.2.4" } },
        };
      }),
    });
    for (const code of ["FIXED_IP_UNKNOWN_SUBNET", "FIXED_IP_OUTSIDE_SUBNET", "FIXED_IP_RESERVED", "FIXED_IP_TAKEN"])
      expect(findings(r, code as never)).toEqual([]);
    expect(r.plan).toBeDefined();
  });
});
