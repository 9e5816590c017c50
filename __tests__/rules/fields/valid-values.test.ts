import { findings, runSpecs, spec } from "../support";

describe("valid-values", () => {
  test("Noncompliance: INVALID_VALUE for a type outside the enum, with the closest value", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].endpoints = { ssm: { type: "interfase" } })) });
    const [d] = findings(r, "INVALID_VALUE");
    expect(d.path).toBe("vpcs[0].endpoints.ssm.type");
    expect(d.suggestions).toContain("interface");
  });

  test("Noncompliance: INVALID_VALUE for an endpoints key of a bad form", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].endpoints = { "Bad Key": {} })) });
    expect(findings(r, "INVALID_VALUE").map((d) => d.path)).toEqual(['vpcs[0].endpoints["Bad Key"]']);
  });

  test("Noncompliance: INVALID_VALUE for a stack name taken from a file name that is not a name", () => {
    const r = runSpecs({ "1-bad.yaml": spec((s) => delete s.stack) });
    const [d] = findings(r, "INVALID_VALUE");
    expect(d.message).toContain('"1-bad"');
    expect(d.pos?.line).toBe(1);
  });

  test("Noncompliance: INVALID_VALUE for port on a catalog service", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].endpoints = { ssm: { port: 8443 } })) });
    const [d] = findings(r, "INVALID_VALUE");
    expect(d.path).toBe("vpcs[0].endpoints.ssm.port");
    expect(d.message).toContain("443");
  });

  test("Noncompliance: INVALID_VALUE for endpoint tag keys vpce sets itself (Name, vpce:*) or AWS reserves", () => {
    const r = runSpecs({
      "a.yaml": spec(
        (s) => (s.vpcs[0].endpoints = { ssm: { tags: { Name: "x", "vpce:service": "y", "aws:z": "z" } } }),
      ),
    });
    expect(findings(r, "INVALID_VALUE").map((d) => d.path)).toEqual([
      "vpcs[0].endpoints.ssm.tags.Name",
      'vpcs[0].endpoints.ssm.tags["vpce:service"]',
      'vpcs[0].endpoints.ssm.tags["aws:z"]',
    ]);
    expect(r.plan).toBeUndefined();
  });

  test("Compliance: endpoint tags of ordinary keys", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => (s.vpcs[0].endpoints = { ssm: { tags: { owner: "platform", "team:name": "x" } } })),
    });
    expect(findings(r, "INVALID_VALUE")).toEqual([]);
  });

  test("Compliance: an allowed type, a valid key, a file name that is a name, the service's own port", () => {
    const r = runSpecs({
      "good-name.yaml": spec((s) => {
        delete s.stack;
        s.vpcs[0].endpoints = { ssm: { type: "interface", port: 443 } };
      }),
    });
    expect(findings(r, "INVALID_VALUE")).toEqual([]);
  });
});
