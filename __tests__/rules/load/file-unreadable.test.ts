import * as fs from "node:fs";
import * as path from "node:path";
import { runPipeline } from "../../../src/pipeline";
import { BASE, tmpDir, writeTree } from "../../helpers";
import { findings } from "../support";

describe("file-unreadable", () => {
  test("Noncompliance: FILE_UNREADABLE for a dangling link named like a spec", () => {
    const dir = writeTree({ "a.yaml": BASE });
    fs.symlinkSync(path.join(dir, "missing-target.yaml"), path.join(dir, "broken.yaml"));
    const r = runPipeline(dir, { dumpDir: tmpDir() });
    const f = findings(r, "FILE_UNREADABLE");
    expect(f).toEqual([expect.objectContaining({ message: expect.stringContaining("ENOENT") })]);
    expect(f[0].file).toMatch(/broken\.yaml$/);
  });

  test("Compliance: a link to an existing spec is read", () => {
    const dir = writeTree({ "a.yaml": BASE });
    const other = writeTree({ "b.yaml": BASE.replace("stack: base", "stack: other") });
    fs.symlinkSync(path.join(other, "b.yaml"), path.join(dir, "linked.yaml"));
    expect(findings(runPipeline(dir, { dumpDir: tmpDir() }), "FILE_UNREADABLE")).toEqual([]);
  });
});
