import { findings, runSpecs, spec, type SpecDoc } from "../support";

const v6 = (s: SpecDoc) => {
  s.vpcs[0].subnets[0].ipv6Cidr = "2001:db8:1234:1a00::/64";
  s.vpcs[0].subnets[1].ipv6Cidr = "2001:db8:1234:1b00::/64";
};

describe("ip-address-type-support", () => {
  test("Noncompliance: IPV6_SUBNET_MISSING for a dualstack endpoint with an ENI subnet without ipv6Cidr", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].subnets[0].ipv6Cidr = "2001:db8:1234:1a00::/64";
        s.vpcs[0].endpoints = { ssm: { ipAddressType: "dualstack" } };
      }),
    });
    const [d] = findings(r, "IPV6_SUBNET_MISSING");
    expect(d.path).toBe("vpcs[0].endpoints.ssm");
    expect(d.message).toContain("ENIs in app-b, which has no ipv6Cidr");
    expect(r.plan).toBeUndefined();
  });

  test("Noncompliance: IPV6_ONLY_SUBNETS for an ipv6 interface endpoint", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (v6(s), (s.vpcs[0].endpoints = { ssm: { ipAddressType: "ipv6" } }))) });
    expect(findings(r, "IPV6_ONLY_SUBNETS").map((d) => d.path)).toEqual(["vpcs[0].endpoints.ssm"]);
  });

  test("Noncompliance: IP_ADDRESS_TYPE_UNSUPPORTED for a dynamodb or ipv6 s3 gateway, a dump without ipv6", () => {
    const gw = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].subnets[0].services.push("dynamodb");
        s.vpcs[0].endpoints = { dynamodb: { ipAddressType: "dualstack" }, s3: { ipAddressType: "ipv6" } };
      }),
    });
    expect(findings(gw, "IP_ADDRESS_TYPE_UNSUPPORTED").map((d) => d.hint)).toEqual([
      "Remove ipAddressType, or use an interface endpoint (type: interface).",
      "Allowed for its gateway: ipv4, dualstack.",
    ]);
    const entry = (name: string, type: string, ip: string[]) => ({
      ServiceName: name,
      ServiceType: [{ ServiceType: type }],
      AvailabilityZones: ["eu-central-1a", "eu-central-1b"],
      SupportedIpAddressTypes: ip,
    });
    const dump = {
      ServiceNames: ["com.amazonaws.eu-central-1.s3", "com.amazonaws.eu-central-1.ssm"],
      ServiceDetails: [
        entry("com.amazonaws.eu-central-1.s3", "Gateway", ["ipv4"]),
        entry("com.amazonaws.eu-central-1.ssm", "Interface", ["ipv4"]),
      ],
    };
    const r = runSpecs(
      { "a.yaml": spec((s) => (v6(s), (s.vpcs[0].endpoints = { ssm: { ipAddressType: "dualstack" } }))) },
      { "eu-central-1.json": dump },
    );
    const [d] = findings(r, "IP_ADDRESS_TYPE_UNSUPPORTED");
    expect(d.message).toContain("SupportedIpAddressTypes ipv4; ipAddressType dualstack needs ipv4 and ipv6");
  });

  test("Compliance: dualstack with IPv6 blocks on every ENI subnet; a dualstack s3 gateway", () => {
    const r = runSpecs({
      "a.yaml": spec(
        (s) => (
          v6(s),
          (s.vpcs[0].endpoints = { ssm: { ipAddressType: "dualstack" }, s3: { ipAddressType: "dualstack" } })
        ),
      ),
    });
    for (const code of ["IPV6_SUBNET_MISSING", "IPV6_ONLY_SUBNETS", "IP_ADDRESS_TYPE_UNSUPPORTED"])
      expect(findings(r, code as never)).toEqual([]);
    expect(r.plan).toBeDefined();
  });
});
