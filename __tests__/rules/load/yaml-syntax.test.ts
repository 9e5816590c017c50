import { BASE, pipelineOf } from "../../helpers";
import { findings } from "../support";

describe("yaml-syntax", () => {
  test("Noncompliance: YAML_SYNTAX for an unclosed flow sequence, at its line", () => {
    const f = findings(pipelineOf({ "a.yaml": "version: 1\nregion: [eu-central-1\nvpcs: []\n" }), "YAML_SYNTAX");
    expect(f.length).toBeGreaterThan(0);
    expect(f[0].pos?.line).toBeGreaterThanOrEqual(2);
  });

  test("Compliance: the flow sequence closed", () => {
    expect(findings(pipelineOf({ "a.yaml": BASE }), "YAML_SYNTAX")).toEqual([]);
  });

  test("Noncompliance: YAML_SYNTAX for two documents in one file", () => {
    const f = findings(pipelineOf({ "a.yaml": BASE + "---\n" + BASE }), "YAML_SYNTAX");
    expect(f).toEqual([expect.objectContaining({ message: expect.stringContaining("more than one YAML document") })]);
  });

  test("Noncompliance: YAML_SYNTAX for a tag the parser cannot resolve", () => {
    const f = findings(pipelineOf({ "a.yaml": BASE.replace("stack: base", "stack: !custom base") }), "YAML_SYNTAX");
    expect(f).toEqual([
      expect.objectContaining({ hint: expect.stringContaining("remove the tag"), pos: { line: 2, col: 8 } }),
    ]);
  });

  test("Compliance: the same value quoted instead of tagged", () => {
    const r = pipelineOf({ "a.yaml": BASE.replace("stack: base", 'stack: "base"') });
    expect(findings(r, "YAML_SYNTAX")).toEqual([]);
  });

  test("Noncompliance: YAML_SYNTAX for brackets nested past the scan limit, before parsing", () => {
    const f = findings(pipelineOf({ "a.yaml": BASE + "x: " + "[".repeat(200) + "\n" }), "YAML_SYNTAX");
    expect(f).toEqual([expect.objectContaining({ message: expect.stringContaining("levels deep here") })]);
  });

  test("Noncompliance: YAML_SYNTAX for a mapping nested deeper than the format allows", () => {
    const f = findings(pipelineOf({ "a.yaml": BASE + "x: " + "[".repeat(40) + "]".repeat(40) + "\n" }), "YAML_SYNTAX");
    expect(f).toEqual([
      expect.objectContaining({ pos: { line: 1, col: 1 }, message: expect.stringContaining("levels deep;") }),
    ]);
  });

  test("Compliance: nesting within the limit is no syntax error", () => {
    const r = pipelineOf({ "a.yaml": BASE + "x: " + "[".repeat(20) + "]".repeat(20) + "\n" });
    expect(findings(r, "YAML_SYNTAX")).toEqual([]);
  });
});
