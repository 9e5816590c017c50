import { findings, runSpecs, spec } from "../support";

describe("local-state", () => {
  test("Noncompliance: LOCAL_STATE for a spec without backend, at the top of the file", () => {
    const f = findings(runSpecs({ "a.yaml": spec() }), "LOCAL_STATE");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", path: "backend", pos: { line: 1, col: 1 } });
    expect(f[0].message).toContain("terraform.base.tfstate");
    expect(f[0].hint).toContain("backend: { s3:");
  });

  test("Compliance: an S3 backend", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => (s.backend = { s3: { bucket: "state-bucket", key: "vpce", region: "eu-west-1" } })),
    });
    expect(findings(r, "LOCAL_STATE")).toEqual([]);
  });

  test("Compliance: an explicit local backend is a deliberate choice", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.backend = { local: { path: "state/base.tfstate" } })) });
    expect(findings(r, "LOCAL_STATE")).toEqual([]);
  });
});
