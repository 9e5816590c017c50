import * as fs from "node:fs";
import * as path from "node:path";
import { runPipeline } from "../../../src/pipeline";
import { BASE, tmpDir, writeTree } from "../../helpers";
import { findings } from "../support";

describe("specs-dir-missing", () => {
  test("Noncompliance: SPECS_DIR_MISSING when the folder does not exist", () => {
    const dir = path.join(tmpDir(), "no-such-specs");
    const r = runPipeline(dir, { dumpDir: tmpDir() });
    expect(findings(r, "SPECS_DIR_MISSING")).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/does not exist/) }),
    ]);
  });

  test("Noncompliance: SPECS_DIR_MISSING when the path is a file other than a spec", () => {
    const file = path.join(writeTree({ "a.txt": BASE }), "a.txt");
    const r = runPipeline(file, { dumpDir: tmpDir() });
    expect(findings(r, "SPECS_DIR_MISSING")).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/not a folder/) }),
    ]);
  });

  test("Compliance: one spec file (*.yaml, *.yml) instead of a folder", () => {
    const file = path.join(writeTree({ "a.yaml": BASE }), "a.yaml");
    const r = runPipeline(file, { dumpDir: tmpDir() });
    expect(findings(r, "SPECS_DIR_MISSING")).toEqual([]);
    expect(r.plan?.stacks.map((s) => s.stack)).toEqual(["base"]);
  });

  test("Compliance: an existing folder of specs", () => {
    const dir = writeTree({ "a.yaml": BASE });
    expect(fs.statSync(dir).isDirectory()).toBe(true);
    expect(findings(runPipeline(dir, { dumpDir: tmpDir() }), "SPECS_DIR_MISSING")).toEqual([]);
  });
});
