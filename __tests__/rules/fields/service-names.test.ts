import { findings, runSpecs, spec } from "../support";

describe("service-names", () => {
  test("Noncompliance: SERVICE_NAME_MISMATCH for a serviceName on a catalog id that is not its name", () => {
    const r = runSpecs({
      "a.yaml": spec(
        (s) =>
          (s.vpcs[0].endpoints = {
            ssm: { serviceName: "com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0" },
          }),
      ),
    });
    const [d] = findings(r, "SERVICE_NAME_MISMATCH");
    expect(d.path).toBe("vpcs[0].endpoints.ssm.serviceName");
    expect(d.message).toContain("com.amazonaws.eu-central-1.ssm");
  });

  test("Compliance: the catalog's own name", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => (s.vpcs[0].endpoints = { ssm: { serviceName: "com.amazonaws.eu-central-1.ssm" } })),
    });
    expect(findings(r, "SERVICE_NAME_MISMATCH")).toEqual([]);
  });
});
