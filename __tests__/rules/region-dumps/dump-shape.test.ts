import { runSpecs, findings, spec, dump } from "../support";

describe("dump-shape", () => {
  test("Noncompliance: DUMP_SHAPE for a list of names", () => {
    const r = runSpecs({ "a.yaml": spec() }, { "eu-central-1.json": '["com.amazonaws.eu-central-1.ssm"]' });
    expect(findings(r, "DUMP_SHAPE")).toEqual([expect.objectContaining({ pos: { line: 1, col: 1 } })]);
  });

  test("Compliance: an object with a ServiceDetails list", () => {
    expect(findings(runSpecs({ "a.yaml": spec() }, { "eu-central-1.json": dump([]) }), "DUMP_SHAPE")).toEqual([]);
  });
});
