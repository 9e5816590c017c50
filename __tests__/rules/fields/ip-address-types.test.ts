import { findings, runSpecs, spec } from "../support";

describe("ip-address-types", () => {
  test("Noncompliance: INVALID_IPV6_CIDR for an IPv4 block, a bad size, host bits, junk", () => {
    const cases: Array<[string, string]> = [
      ["10.20.1.0/24", "IPv4"],
      ["2001:db8:1234:1a00::/62", "/44, /48"],
      ["2001:db8:1234:1a00::1/64", "host bits"],
      ["2001:db8::zz/64", "not an IPv6 CIDR"],
    ];
    for (const [text, why] of cases) {
      const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].subnets[0].ipv6Cidr = text)) });
      const [d] = findings(r, "INVALID_IPV6_CIDR");
      expect(d.path).toBe("vpcs[0].subnets[0].ipv6Cidr");
      expect(d.message).toContain(why);
      expect(r.plan).toBeUndefined();
    }
  });

  test("Noncompliance: DNS_RECORD_IP_TYPE for pairs AWS refuses, the default ipv4 included", () => {
    const refused: Array<[string | undefined, string]> = [
      [undefined, "dualstack"],
      ["ipv4", "ipv6"],
      ["ipv4", "service-defined"],
      ["ipv6", "ipv4"],
      ["ipv6", "dualstack"],
    ];
    for (const [ip, dns] of refused) {
      const r = runSpecs({
        "a.yaml": spec(
          (s) => (s.vpcs[0].endpoints = { ssm: { ...(ip ? { ipAddressType: ip } : {}), dnsRecordIpType: dns } }),
        ),
      });
      expect(findings(r, "DNS_RECORD_IP_TYPE").map((d) => d.path)).toEqual(["vpcs[0].endpoints.ssm.dnsRecordIpType"]);
    }
  });

  test("Compliance: /64, /56 blocks; every accepted pair; an ill-formed ipAddressType gets only its own error", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].subnets[0].ipv6Cidr = "2001:db8:1234:1a00::/64";
        s.vpcs[0].subnets[1].ipv6Cidr = "2001:db8:1234:1b00::/56";
      }),
    });
    expect(findings(r, "INVALID_IPV6_CIDR")).toEqual([]);
    const accepted: Array<[string, string]> = [
      ["ipv4", "ipv4"],
      ["dualstack", "ipv4"],
      ["dualstack", "dualstack"],
      ["dualstack", "ipv6"],
      ["dualstack", "service-defined"],
      ["ipv6", "ipv6"],
    ];
    for (const [ip, dns] of accepted) {
      const ok = runSpecs({
        "a.yaml": spec((s) => (s.vpcs[0].endpoints = { ssm: { ipAddressType: ip, dnsRecordIpType: dns } })),
      });
      expect(findings(ok, "DNS_RECORD_IP_TYPE")).toEqual([]);
    }
    const bad = runSpecs({
      "a.yaml": spec((s) => (s.vpcs[0].endpoints = { ssm: { ipAddressType: "v6", dnsRecordIpType: "ipv6" } })),
    });
    expect(findings(bad, "DNS_RECORD_IP_TYPE")).toEqual([]);
    expect(findings(bad, "INVALID_VALUE").map((d) => d.path)).toEqual(["vpcs[0].endpoints.ssm.ipAddressType"]);
  });
});
