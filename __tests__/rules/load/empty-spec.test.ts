import { pipelineOf } from "../../helpers";
import { findings } from "../support";

describe("empty-spec", () => {
  test("Noncompliance: EMPTY_SPEC for a file of comments", () => {
    expect(findings(pipelineOf({ "a.yaml": "# nothing here yet\n" }), "EMPTY_SPEC")).toEqual([
      expect.objectContaining({ pos: { line: 1, col: 1 } }),
    ]);
  });

  test("Noncompliance: EMPTY_SPEC for null", () => {
    expect(findings(pipelineOf({ "a.yaml": "~\n" }), "EMPTY_SPEC")).toHaveLength(1);
  });

  test("Compliance: a file with one key is not empty (other rules judge it)", () => {
    expect(findings(pipelineOf({ "a.yaml": "# nothing here yet\nversion: 1\n" }), "EMPTY_SPEC")).toEqual([]);
  });
});
