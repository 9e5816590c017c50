import { findings, runSpecs, spec } from "../support";

describe("endpoint-types", () => {
  test("Noncompliance: UNSUPPORTED_TYPE for both on ssm, naming the services that take both", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].endpoints = { ssm: { type: "both" } })) });
    const [d] = findings(r, "UNSUPPORTED_TYPE");
    expect(d.path).toBe("vpcs[0].endpoints.ssm.type");
    expect(d.message).toContain("(both is for s3 only)");
  });

  test("Noncompliance: UNSUPPORTED_TYPE for a gateway of a service outside the catalog", () => {
    const r = runSpecs({
      "a.yaml": spec(
        (s) =>
          (s.vpcs[0].endpoints = {
            partner: { serviceName: "com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0", type: "gateway" },
          }),
      ),
    });
    expect(findings(r, "UNSUPPORTED_TYPE").map((d) => d.path)).toEqual(["vpcs[0].endpoints.partner.type"]);
  });

  test("Compliance: both for s3, interface for ssm", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => (s.vpcs[0].endpoints = { s3: { type: "both" }, ssm: { type: "interface" } })),
    });
    expect(findings(r, "UNSUPPORTED_TYPE")).toEqual([]);
  });
});
