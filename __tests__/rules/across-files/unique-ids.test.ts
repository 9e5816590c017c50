import { stringify } from "yaml";
import { findings, runSpecs, spec } from "../support";

/** The 1-based line of the first line of `text` holding `needle`. */
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("unique-ids", () => {
  test("Noncompliance: DUPLICATE_ID for one subnet id twice in a file, pointing back at the first", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].subnets[1].id = s.vpcs[0].subnets[0].id)) });
    const [d] = findings(r, "DUPLICATE_ID");
    expect(d.path).toBe("vpcs[0].subnets[1].id");
    expect(d.message).toContain("vpcs[0].subnets[0].id");
    expect(r.plan).toBeUndefined();
  });

  test("Noncompliance: DUPLICATE_ID names the line of the first id (looked up only for the finding)", () => {
    const doc = spec((s) => (s.vpcs[0].subnets[1].id = s.vpcs[0].subnets[0].id));
    const text = stringify(doc);
    const [d] = findings(runSpecs({ "a.yaml": text }), "DUPLICATE_ID");
    expect(d.message).toContain(`(first at vpcs[0].subnets[0].id, line ${lineOf(text, "subnet-0aaaaaaaaaaaaaaa1")})`);
    expect(d.pos?.line).toBeGreaterThan(lineOf(text, "subnet-0aaaaaaaaaaaaaaa1"));
  });

  test("Noncompliance: DUPLICATE_ID across files names the line of the element in the first file", () => {
    // b.yaml is a.yaml's layout two lines further down: each element of b.yaml is two lines below its twin
    const b = `# two lines\n# further down\n${stringify(spec((s) => (s.stack = "two")))}`;
    const r = runSpecs({ "a.yaml": spec((s) => (s.stack = "one")), "b.yaml": b });
    const found = findings(r, "DUPLICATE_ID");
    expect(found).toHaveLength(3);
    for (const d of found) expect(d.message).toContain(`a.yaml (line ${(d.pos?.line ?? 0) - 2});`);
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
