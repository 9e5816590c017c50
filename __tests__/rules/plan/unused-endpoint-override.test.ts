import { hubSpec, spokeSpec } from "../../hub-support";
import { findings, runSpecs, spec } from "../support";

describe("unused-endpoint-override", () => {
  test("Noncompliance: UNUSED_ENDPOINT_OVERRIDE for an entry no subnet requests", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].endpoints = { kms: { privateDns: false } })) });
    const f = findings(r, "UNUSED_ENDPOINT_OVERRIDE");
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe("vpcs[0].endpoints.kms");
    expect(f[0].message).toContain("no subnet");
  });

  test("Compliance: a subnet requests kms", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].subnets[0].services.push("kms");
        s.vpcs[0].endpoints = { kms: { privateDns: false } };
      }),
    });
    expect(findings(r, "UNUSED_ENDPOINT_OVERRIDE")).toEqual([]);
  });

  test("Noncompliance: UNUSED_ENDPOINT_OVERRIDE for allowedCidrs on the s3 gateway", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].endpoints = { s3: { allowedCidrs: ["192.168.0.0/16"] } })) });
    const f = findings(r, "UNUSED_ENDPOINT_OVERRIDE");
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain("allowedCidrs");
    expect(f[0].hint).toContain("type: both");
  });

  test("Noncompliance: UNUSED_ENDPOINT_OVERRIDE for allowedSecurityGroups on the s3 gateway", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => (s.vpcs[0].endpoints = { s3: { allowedSecurityGroups: ["sg-01234567"] } })),
    });
    expect(findings(r, "UNUSED_ENDPOINT_OVERRIDE").map((d) => d.message)).toEqual([
      "endpoints.s3 sets allowedSecurityGroups, which only interface endpoints use, " +
        "but s3 is planned as a gateway endpoint: it does nothing.",
    ]);
  });

  test("Noncompliance: UNUSED_ENDPOINT_OVERRIDE for dynamodb suggests type: interface", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].subnets[0].services.push("dynamodb");
        s.vpcs[0].endpoints = { dynamodb: { privateDns: true } };
      }),
    });
    const f = findings(r, "UNUSED_ENDPOINT_OVERRIDE");
    expect(f).toHaveLength(1);
    expect(f[0].hint).toContain("Set type: interface");
  });

  test("Compliance: type both gives the settings an interface endpoint", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => (s.vpcs[0].endpoints = { s3: { type: "both", allowedCidrs: ["192.168.0.0/16"] } })),
    });
    expect(findings(r, "UNUSED_ENDPOINT_OVERRIDE")).toEqual([]);
  });

  test("Noncompliance: UNUSED_ENDPOINT_OVERRIDE for useHub: false and gbPerMonth in a VPC that is not a spoke", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].subnets[0].services.push("kms");
        s.vpcs[0].endpoints = { kms: { useHub: false, gbPerMonth: 500 } };
      }),
    });
    const f = findings(r, "UNUSED_ENDPOINT_OVERRIDE");
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe("vpcs[0].endpoints.kms");
    expect(f[0].message).toMatch(/sets useHub: false and gbPerMonth, which only a spoke of a hub reads/);
    expect(f[0].hint).toMatch(/^Set useHub: <stack>\/<vpc> on VPC /);
  });

  test("Compliance: the same settings in a spoke", () => {
    const r = runSpecs({
      "hub.yaml": hubSpec(),
      "a.yaml": spokeSpec({
        stack: "payments",
        n: 20,
        services: ["kms"],
        edit: (s) => (s.vpcs[0].endpoints = { kms: { gbPerMonth: 500 } }),
      }),
      "b.yaml": spokeSpec({
        stack: "orders",
        n: 21,
        services: ["kms"],
        edit: (s) => (s.vpcs[0].endpoints = { kms: { useHub: false } }),
      }),
    });
    expect(findings(r, "UNUSED_ENDPOINT_OVERRIDE")).toEqual([]);
  });
});
