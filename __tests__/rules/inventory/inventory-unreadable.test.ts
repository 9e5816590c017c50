import * as fs from "node:fs";
import * as path from "node:path";
import { MAX_INVENTORY_BYTES } from "../../../src/inventory/read";
import { existing, inventory, runWithInventory } from "../../inventory/support";
import { findings, spec } from "../support";
import { runPipeline } from "../../../src/pipeline";

describe("inventory-unreadable", () => {
  test("Noncompliance: INVENTORY_UNREADABLE for a file larger than the limit (never read into memory)", () => {
    const r0 = runWithInventory({ "a.yaml": spec() }, {});
    // a sparse file: the size the guard reads, without writing 64 MiB
    const file = path.join(r0.inventoryDir, "eu-central-1.json");
    fs.writeFileSync(file, "");
    fs.truncateSync(file, MAX_INVENTORY_BYTES + 1);
    const r = runPipeline(r0.dir, { inventoryDir: r0.inventoryDir });
    expect(findings(r, "INVENTORY_UNREADABLE")).toEqual([
      expect.objectContaining({ severity: "error", message: expect.stringContaining("more than the") }),
    ]);
    expect(r.plan).toBeUndefined();
  });

  test("Noncompliance: INVENTORY_UNREADABLE when the folder is a file", () => {
    const r0 = runWithInventory({ "a.yaml": spec() }, { "x.json": "{}" });
    const r = runPipeline(r0.dir, { inventoryDir: path.join(r0.inventoryDir, "x.json") });
    expect(findings(r, "INVENTORY_UNREADABLE")).toHaveLength(1);
  });

  test("Compliance: a file of ordinary size is read", () => {
    const r = runWithInventory(
      { "a.yaml": spec() },
      { "eu-central-1.json": inventory([existing({ id: "vpce-0a1b2c3d4e5f60002", service: "ssm" })]) },
    );
    expect(findings(r, "INVENTORY_UNREADABLE")).toEqual([]);
    expect(r.plan?.stacks[0].inventory).toContain("eu-central-1.json");
  });
});
