import { dump, dumpEntry, findings, runSpecs, spec } from "../support";

const partner = "com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0";
const base = [
  dumpEntry({ name: "com.amazonaws.eu-central-1.s3", type: "Gateway" }),
  dumpEntry({ name: "com.amazonaws.eu-central-1.ssm", privateDns: "ssm.eu-central-1.amazonaws.com" }),
];
const withPartner = spec((s) => {
  s.vpcs[0].subnets[0].services.push("partner");
  s.vpcs[0].endpoints = { partner: { serviceName: partner, privateDns: true } };
});

describe("private-dns-available", () => {
  test("Noncompliance: PRIVATE_DNS_UNAVAILABLE when the dump lists no private DNS name", () => {
    const r = runSpecs(
      { "a.yaml": withPartner },
      { "eu-central-1.json": dump([...base, dumpEntry({ name: partner })]) },
    );
    const f = findings(r, "PRIVATE_DNS_UNAVAILABLE");
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe("vpcs[0].endpoints.partner");
    expect(f[0].message).toContain("partner");
  });

  test("Compliance: the dump lists a private DNS name", () => {
    const entry = dumpEntry({ name: partner, privateDns: "api.partner.example" });
    const r = runSpecs({ "a.yaml": withPartner }, { "eu-central-1.json": dump([...base, entry]) });
    expect(findings(r, "PRIVATE_DNS_UNAVAILABLE")).toEqual([]);
  });
});
