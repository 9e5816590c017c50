import * as fs from "node:fs";
import * as path from "node:path";
import { runPipeline } from "../../../src/pipeline";
import { BASE, tmpDir, writeTree } from "../../helpers";
import { findings } from "../support";

describe("dump-unreadable", () => {
  test("Noncompliance: DUMP_UNREADABLE when the dump folder is a file", () => {
    const file = path.join(writeTree({ "x.json": "{}" }), "x.json");
    const r = runPipeline(writeTree({ "a.yaml": BASE }), { dumpDir: file });
    expect(findings(r, "DUMP_UNREADABLE")).toEqual([
      expect.objectContaining({ message: expect.stringContaining("folder") }),
    ]);
  });

  // A dump without read permission; root reads it anyway, so the case needs another user.
  const asUser = process.getuid?.() === 0 ? test.skip : test;
  asUser("Noncompliance: DUMP_UNREADABLE for a dump that cannot be read", () => {
    const dir = writeTree({ "us-east-1.json": "{}" });
    fs.chmodSync(path.join(dir, "us-east-1.json"), 0o000);
    const r = runPipeline(writeTree({ "a.yaml": BASE }), { dumpDir: dir });
    expect(findings(r, "DUMP_UNREADABLE").map((d) => path.basename(d.file))).toEqual(["us-east-1.json"]);
  });

  test("Compliance: an empty folder of dumps", () => {
    expect(findings(runPipeline(writeTree({ "a.yaml": BASE }), { dumpDir: tmpDir() }), "DUMP_UNREADABLE")).toEqual([]);
  });
});
