import * as path from "node:path";
import { runPipeline } from "../../../src/pipeline";
import { writeTree } from "../../helpers";
import { findings, spec } from "../support";
import { stringify } from "yaml";

describe("inventory-dir-missing", () => {
  const specs = () => writeTree({ "a.yaml": stringify(spec()) });

  test("Noncompliance: INVENTORY_DIR_MISSING when VPCE_INVENTORY names a folder that does not exist", () => {
    const dir = specs();
    const r = runPipeline(dir, { env: { VPCE_INVENTORY: path.join(dir, "nowhere") } });
    expect(findings(r, "INVENTORY_DIR_MISSING")).toEqual([expect.objectContaining({ severity: "error" })]);
    expect(r.plan).toBeUndefined();
  });

  test("Compliance: no inventory/ folder at all is no inventory (nothing adopted, no finding)", () => {
    const dir = specs();
    const r = runPipeline(dir, { env: { VPCE_INVENTORY: "" } });
    expect(findings(r, "INVENTORY_DIR_MISSING")).toEqual([]);
    expect(r.plan?.stacks[0].inventory).toBeUndefined();
  });
});
