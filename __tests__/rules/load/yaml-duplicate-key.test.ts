import { BASE, pipelineOf } from "../../helpers";
import { findings } from "../support";

describe("yaml-duplicate-key", () => {
  test("Noncompliance: YAML_DUPLICATE_KEY at the repeated key", () => {
    const f = findings(
      pipelineOf({ "a.yaml": BASE.replace("stack: base\n", "stack: base\nstack: again\n") }),
      "YAML_DUPLICATE_KEY",
    );
    expect(f).toEqual([
      expect.objectContaining({ pos: expect.objectContaining({ line: 3 }), hint: expect.stringContaining("once") }),
    ]);
  });

  test("Compliance: two different keys", () => {
    const r = pipelineOf({ "a.yaml": BASE.replace("stack: base\n", "stack: base\ndescription: again\n") });
    expect(findings(r, "YAML_DUPLICATE_KEY")).toEqual([]);
  });
});
