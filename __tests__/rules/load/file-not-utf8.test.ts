import { BASE, pipelineOf } from "../../helpers";
import { findings } from "../support";

describe("file-not-utf8", () => {
  test("Noncompliance: FILE_NOT_UTF8 names the byte and its line", () => {
    const bytes = Buffer.concat([Buffer.from(BASE), Buffer.from("# caf"), Buffer.from([0xff]), Buffer.from("\n")]);
    const f = findings(pipelineOf({ "a.yaml": bytes }), "FILE_NOT_UTF8");
    expect(f).toEqual([expect.objectContaining({ message: expect.stringContaining("0xff") })]);
    expect(f[0].pos).toEqual({ line: BASE.split("\n").length, col: 6 });
  });

  test("Compliance: a file read after one that is not UTF-8 (one decoder serves every file)", () => {
    const bad = Buffer.concat([Buffer.from(BASE), Buffer.from([0xe2, 0x82])]);
    const r = pipelineOf({ "a.yaml": bad, "b.yaml": BASE.replace("stack: base", "stack: other") + "# café\n" });
    expect(findings(r, "FILE_NOT_UTF8").map((d) => d.file.replace(/.*\//, ""))).toEqual(["a.yaml"]);
    expect(r.models.map((m) => m.stack)).toEqual(["other"]);
  });

  test("Compliance: the same character encoded as UTF-8", () => {
    expect(findings(pipelineOf({ "a.yaml": BASE + "# café\n" }), "FILE_NOT_UTF8")).toEqual([]);
  });
});
