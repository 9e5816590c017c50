import { findings, runSpecs, spec } from "../support";

describe("unique-ids", () => {
  test("Noncompliance: DUPLICATE_ID for one subnet id twice in a file, pointing back at the first", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].subnets[1].id = s.vpcs[0].subnets[0].id)) });
    const [d] = findings(r, "DUPLICATE_ID");
    expect(d.path).toBe("vpcs[0].subnets[1].id");
    expect(d.message).toContain("vpcs[0].subnets[0].id");
    expect(r.plan).toBeUndefined();
  });

  test("Noncompliance: DUPLICATE_ID for a VPC described in two files", () => {
    const r = runSpecs({ "a.yaml": spec(), "b.yaml": spec((s) => (s.stack = "other")) });
    const found = findings(r, "DUPLICATE_ID");
    expect(found.map((d) => [d.file.replace(/.*\//, ""), d.path])).toEqual([
      ["b.yaml", "vpcs[0]"],
      ["b.yaml", "vpcs[0].subnets[0]"],
      ["b.yaml", "vpcs[0].subnets[1]"],
    ]);
    expect(found[0].message).toMatch(/a\.yaml/);
  });

  test("Compliance: distinct ids in a file and across files", () => {
    const r = runSpecs({
      "a.yaml": spec(),
      "b.yaml": spec((s) => {
        s.stack = "other";
        s.vpcs[0].id = "vpc-0123456789abcdef1";
        s.vpcs[0].subnets[0].id = "subnet-0ccccccccccccccc1";
        s.vpcs[0].subnets[1].id = "subnet-0ccccccccccccccc2";
      }),
    });
    expect(findings(r, "DUPLICATE_ID")).toEqual([]);
  });
});
