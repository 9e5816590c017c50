import * as path from "node:path";
import { runPipeline } from "../../../src/pipeline";
import { BASE, tmpDir, writeTree } from "../../helpers";
import { findings } from "../support";

describe("dump-dir-missing", () => {
  test("Noncompliance: DUMP_DIR_MISSING when the named folder does not exist", () => {
    const r = runPipeline(writeTree({ "a.yaml": BASE }), { dumpDir: path.join(tmpDir(), "nope") });
    expect(findings(r, "DUMP_DIR_MISSING")).toEqual([
      expect.objectContaining({ hint: expect.stringContaining("catalog/<region>.json") }),
    ]);
  });

  test("Compliance: the default catalog/ may be absent", () => {
    const r = runPipeline(writeTree({ "a.yaml": BASE }), { env: {} as NodeJS.ProcessEnv });
    expect(findings(r, "DUMP_DIR_MISSING")).toEqual([]);
  });
});
