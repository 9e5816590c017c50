import { findings, runSpecs, spec } from "../support";

describe("spec-version", () => {
  test("Noncompliance: UNSUPPORTED_VERSION for version 2", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.version = 2)) });
    const [d] = findings(r, "UNSUPPORTED_VERSION");
    expect(d.path).toBe("version");
    expect(d.hint).toContain("version: 1");
    expect(findings(r, "INVALID_VALUE")).toEqual([]);
  });

  test("Compliance: version 1", () => {
    expect(findings(runSpecs({ "a.yaml": spec((s) => (s.version = 1)) }), "UNSUPPORTED_VERSION")).toEqual([]);
  });
});
