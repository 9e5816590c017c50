import { MAX_SPEC_BYTES } from "../../../src/rules/load/file-too-large";
import { BASE, pipelineOf } from "../../helpers";
import { findings } from "../support";

describe("file-too-large", () => {
  const padded = (bytes: number) => BASE + "#".repeat(bytes - Buffer.byteLength(BASE) - 1) + "\n";

  test("Noncompliance: FILE_TOO_LARGE one byte over the limit", () => {
    const r = pipelineOf({ "a.yaml": padded(MAX_SPEC_BYTES + 1) });
    expect(findings(r, "FILE_TOO_LARGE")).toEqual([
      expect.objectContaining({ message: expect.stringContaining(`${MAX_SPEC_BYTES + 1} bytes`) }),
    ]);
  });

  test("Compliance: exactly the limit is read", () => {
    expect(findings(pipelineOf({ "a.yaml": padded(MAX_SPEC_BYTES) }), "FILE_TOO_LARGE")).toEqual([]);
  });
});
