import { BASE, pipelineOf } from "../../helpers";
import { findings } from "../support";

describe("yaml-alias-limit", () => {
  const bomb = (levels: number) => {
    let text = BASE + "a0: &a0 [x, x, x, x, x, x, x, x, x]\n";
    for (let i = 1; i < levels; i++)
      text += `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(", ")}]\n`;
    return text;
  };

  test("Noncompliance: YAML_ALIAS_LIMIT for aliases that expand past the limit", () => {
    const f = findings(pipelineOf({ "a.yaml": bomb(6) }), "YAML_ALIAS_LIMIT");
    expect(f).toEqual([expect.objectContaining({ pos: { line: 1, col: 1 }, hint: expect.stringContaining("100") })]);
  });

  test("Noncompliance: YAML_ALIAS_LIMIT for an alias to an undefined anchor", () => {
    expect(findings(pipelineOf({ "a.yaml": BASE + "x: *nope\n" }), "YAML_ALIAS_LIMIT")).toHaveLength(1);
  });

  test("Compliance: one alias to a defined anchor expands", () => {
    expect(findings(pipelineOf({ "a.yaml": BASE + "x: &a [1]\ny: *a\n" }), "YAML_ALIAS_LIMIT")).toEqual([]);
  });
});
