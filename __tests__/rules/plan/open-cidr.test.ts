import { stringify } from "yaml";
import { loadSpecs } from "../../../src/input";
import type { SpecModel, VpcModel } from "../../../src/input/spec-model";
import { planStacks } from "../../../src/planner";
import { writeTree } from "../../helpers";
import { findings, runSpecs, spec } from "../support";

const allowing = (allowedCidrs: string[]) => spec((s) => (s.vpcs[0].endpoints = { ssm: { allowedCidrs } }));

/**
 * The model of a valid spec whose ssm allows 10.0.0.0/8, with that entry
 * replaced by `cidr` (same position): the plan rule judges what the fields
 * stage would let through.
 */
function planWithEntry(cidr: string) {
  const [model] = loadSpecs(writeTree({ "a.yaml": stringify(allowing(["10.0.0.0/8"])) })).models;
  const vpc = model.vpcs[0];
  const ssm = vpc.endpoints.get("ssm");
  if (!ssm) throw new Error("fixture: no ssm entry");
  const endpoints = new Map(vpc.endpoints).set("ssm", { ...ssm, allowedCidrs: [cidr] });
  const changed: SpecModel = { ...model, vpcs: [{ ...vpc, endpoints } as VpcModel] };
  return planStacks([changed]);
}

describe("open-cidr", () => {
  test("Noncompliance: OPEN_CIDR at an allowedCidrs entry wider than /8, reported once", () => {
    const f = findings(planWithEntry("0.0.0.0/0"), "OPEN_CIDR");
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe("vpcs[0].endpoints.ssm.allowedCidrs[0]");
    expect(f[0].message).toContain("every address");
  });

  test("Noncompliance: OPEN_CIDR for a /1 entry through the whole pipeline", () => {
    const f = findings(runSpecs({ "a.yaml": allowing(["0.0.0.0/1"]) }), "OPEN_CIDR");
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe("vpcs[0].endpoints.ssm.allowedCidrs[0]");
    expect(f[0].message).toContain("2^31 addresses");
  });

  test("Compliance: a /8 entry", () => {
    expect(findings(planWithEntry("10.0.0.0/8"), "OPEN_CIDR")).toEqual([]);
    expect(findings(runSpecs({ "a.yaml": allowing(["10.0.0.0/8"]) }), "OPEN_CIDR")).toEqual([]);
  });

  test("Noncompliance: OPEN_CIDR when the merged clients cover every address", () => {
    const all = Array.from({ length: 256 }, (_, i) => `${i}.0.0.0/8`);
    const f = findings(runSpecs({ "a.yaml": allowing(all) }), "OPEN_CIDR");
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe("vpcs[0].endpoints.ssm");
    expect(f[0].message).toContain("0.0.0.0/0");
    // lossless merging leaves one block: the /0 itself
    expect(f[0].message).toContain("clients (1 block after merging)");
  });

  test("Compliance: one /8 short of every address", () => {
    const most = Array.from({ length: 255 }, (_, i) => `${i}.0.0.0/8`);
    expect(findings(runSpecs({ "a.yaml": allowing(most) }), "OPEN_CIDR")).toEqual([]);
  });
});
