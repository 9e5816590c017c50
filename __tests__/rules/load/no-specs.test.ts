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

  test("Noncompliance: a .git folder is not read (a specs repository's root), whatever it holds", () => {
    const r = pipelineOf({ ".git/a.yaml": BASE, ".git/objects/ab/b.yml": BASE });
    expect(findings(r, "NO_SPECS")).toEqual([expect.objectContaining({ severity: "error" })]);
  });

  test("Compliance: beside a .git folder, the specs are read; a folder merely starting with a dot is", () => {
    const r = pipelineOf({
      ".git/a.yaml": "not: [a spec",
      ".gitlab/b.yaml": BASE,
      "c.yaml": BASE.replace("main", "other"),
    });
    expect(findings(r, "NO_SPECS")).toEqual([]);
    expect(r.models.map((m) => m.file.split(/[\\/]/).slice(-2).join("/")).sort()).toEqual([
      ".gitlab/b.yaml",
      expect.stringMatching(/c\.yaml$/),
    ]);
  });
});
