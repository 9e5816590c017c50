import { findings, runSpecs, spec } from "../support";

describe("id-format", () => {
  test("Noncompliance: INVALID_ID for a VPC id of the wrong length", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].id = "vpc-0123")) });
    const [d] = findings(r, "INVALID_ID");
    expect(d.path).toBe("vpcs[0].id");
    expect(d.message).toContain("vpc-0123");
    expect(findings(r, "INVALID_VALUE")).toEqual([]);
  });

  test("Noncompliance: INVALID_ID for an unquoted-looking account id of 11 digits", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.account = "12345678901")) });
    expect(findings(r, "INVALID_ID").map((d) => d.path)).toEqual(["account"]);
  });

  test("Compliance: an id of 8 hex digits and a 12-digit account", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].id = "vpc-01234567";
        s.account = "123456789012";
      }),
    });
    expect(findings(r, "INVALID_ID")).toEqual([]);
  });
});
