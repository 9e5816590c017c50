import { findings, runSpecs, spec } from "../support";

describe("known-region", () => {
  test("Noncompliance: UNKNOWN_REGION for a misspelt region, with the closest one", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.region = "eu-centrl-1")) });
    const [d] = findings(r, "UNKNOWN_REGION");
    expect(d.path).toBe("region");
    expect(d.suggestions?.[0]).toBe("eu-central-1");
  });

  test.each([
    ["eu-wset-1", "eu-west-1"],
    ["us-eats-1", "us-east-1"],
    ["ap-southeast1", "ap-southeast-1"],
  ])("Noncompliance: UNKNOWN_REGION for %s suggests %s first", (written, best) => {
    const [d] = findings(runSpecs({ "a.yaml": spec((s) => (s.region = written)) }), "UNKNOWN_REGION");
    expect(d.message).toBe(`unknown region "${written}".`);
    expect(d.suggestions?.[0]).toBe(best);
  });

  test("Noncompliance: UNKNOWN_REGION for an S3 backend's region", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => (s.backend = { s3: { bucket: "state-bucket", key: "vpce", region: "mars-1" } })),
    });
    expect(findings(r, "UNKNOWN_REGION").map((d) => d.path)).toEqual(["backend.s3.region"]);
  });

  test("Compliance: known regions for the spec and the backend", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => (s.backend = { s3: { bucket: "state-bucket", key: "vpce", region: "eu-west-1" } })),
    });
    expect(findings(r, "UNKNOWN_REGION")).toEqual([]);
  });
});
