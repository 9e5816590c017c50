import { pipelineOf } from "../../helpers";
import { findings } from "../support";

describe("not-a-mapping", () => {
  test("Noncompliance: NOT_A_MAPPING for a list", () => {
    const f = findings(pipelineOf({ "a.yaml": "- version: 1\n- region: eu-central-1\n" }), "NOT_A_MAPPING");
    expect(f).toEqual([
      expect.objectContaining({ pos: { line: 1, col: 1 }, message: expect.stringContaining("a list") }),
    ]);
  });

  test("Noncompliance: NOT_A_MAPPING for a scalar, at the scalar", () => {
    const f = findings(pipelineOf({ "a.yaml": "# a spec\n  just some text\n" }), "NOT_A_MAPPING");
    expect(f).toEqual([
      expect.objectContaining({ pos: { line: 2, col: 3 }, message: expect.stringContaining("scalar") }),
    ]);
  });

  test("Compliance: the same keys as a mapping", () => {
    expect(findings(pipelineOf({ "a.yaml": "version: 1\nregion: eu-central-1\n" }), "NOT_A_MAPPING")).toEqual([]);
  });
});
