import { BASE, pipelineOf } from "../../helpers";
import { findings } from "../support";

describe("no-specs", () => {
  test("Noncompliance: NO_SPECS for a folder without *.yaml or *.yml", () => {
    const r = pipelineOf({ "README.md": "not a spec", "a.yaml.txt": BASE });
    expect(findings(r, "NO_SPECS")).toEqual([expect.objectContaining({ severity: "error", path: "" })]);
  });

  test("Compliance: one *.yml in a subfolder is a spec", () => {
    const r = pipelineOf({ "README.md": "not a spec", "sub/a.yml": BASE });
    expect(findings(r, "NO_SPECS")).toEqual([]);
  });
});
