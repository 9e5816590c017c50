import { findings, runSpecs, spec, type SpecDoc } from "../support";

const withEntry = (entry: SpecDoc, key = "s3-west") =>
  spec((s) => {
    s.vpcs[0].subnets[0].services.push(key);
    s.vpcs[0].endpoints = { [key]: entry };
  });

describe("cross-region", () => {
  test("Noncompliance: CROSS_REGION_INCOMPLETE for service without serviceRegion, or beside serviceName", () => {
    const r = runSpecs({ "a.yaml": withEntry({ service: "s3" }) });
    expect(findings(r, "CROSS_REGION_INCOMPLETE").map((d) => d.path)).toEqual(['vpcs[0].endpoints["s3-west"]']);
    const both = runSpecs({
      "a.yaml": withEntry({
        service: "s3",
        serviceRegion: "us-west-2",
        serviceName: "com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0",
      }),
    });
    expect(findings(both, "CROSS_REGION_INCOMPLETE")).toHaveLength(1);
    expect(r.plan).toBeUndefined();
  });

  test("Noncompliance: CROSS_REGION_NOT_OFFERED for ssm, a gateway-only service, an unknown id", () => {
    const ssm = runSpecs({ "a.yaml": withEntry({ service: "ssm", serviceRegion: "us-west-2" }) });
    expect(findings(ssm, "CROSS_REGION_NOT_OFFERED").map((d) => d.path)).toEqual([
      'vpcs[0].endpoints["s3-west"].service',
    ]);
    expect(findings(ssm, "CROSS_REGION_NOT_OFFERED")[0].hint).toContain("s3");
    const gw = runSpecs({ "a.yaml": withEntry({ service: "s3express", serviceRegion: "us-west-2" }) });
    expect(findings(gw, "CROSS_REGION_NOT_OFFERED")[0].message).toContain("only gateway endpoints");
    const unknown = runSpecs({ "a.yaml": withEntry({ service: "s4", serviceRegion: "us-west-2" }) });
    expect(findings(unknown, "CROSS_REGION_NOT_OFFERED")[0].suggestions).toContain("s3");
  });

  test("Noncompliance: CROSS_REGION_REGION for an unknown region, the own region, another partition", () => {
    for (const [region, text] of [
      ["xx-nowhere-9", "not a region"],
      ["eu-central-1", "own region"],
      ["cn-north-1", "another partition"],
    ]) {
      const r = runSpecs({ "a.yaml": withEntry({ service: "s3", serviceRegion: region }) });
      const [d] = findings(r, "CROSS_REGION_REGION");
      expect(d.path).toBe('vpcs[0].endpoints["s3-west"].serviceRegion');
      expect(d.message).toContain(text);
    }
  });

  test("Noncompliance: CROSS_REGION_TYPE for type gateway or both", () => {
    for (const type of ["gateway", "both"]) {
      const r = runSpecs({ "a.yaml": withEntry({ service: "s3", serviceRegion: "us-west-2", type }) });
      expect(findings(r, "CROSS_REGION_TYPE").map((d) => d.path)).toEqual(['vpcs[0].endpoints["s3-west"].type']);
    }
  });

  test("Compliance: s3 in us-west-2 under its own key; kms by its catalog id", () => {
    const r = runSpecs({ "a.yaml": withEntry({ service: "s3", serviceRegion: "us-west-2", type: "interface" }) });
    const kms = runSpecs({ "a.yaml": withEntry({ serviceRegion: "us-west-2" }, "kms") });
    for (const x of [r, kms]) {
      for (const code of [
        "CROSS_REGION_INCOMPLETE",
        "CROSS_REGION_NOT_OFFERED",
        "CROSS_REGION_REGION",
        "CROSS_REGION_TYPE",
      ])
        expect(findings(x, code as never)).toEqual([]);
      expect(x.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    }
  });
});
