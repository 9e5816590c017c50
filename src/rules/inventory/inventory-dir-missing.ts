import { INVENTORY_HINT, type InventorySubject } from "../../inventory/facts";
import { rule } from "../rule";

/** An inventory folder that was named (VPCE_INVENTORY) exists; the default inventory/ may be absent. */
export const inventoryDirMissing = rule<InventorySubject>()({
  name: "inventory-dir-missing",
  stage: "inventory",
  codes: {
    INVENTORY_DIR_MISSING: {
      severity: "error",
      trigger: "the inventory folder named by VPCE_INVENTORY does not exist",
      fix: "create the folder, or point VPCE_INVENTORY at the folder of recorded describe-vpc-endpoints output",
      message: (d: { dir: string }) => `The inventory folder ${d.dir} does not exist.`,
      hint: () => INVENTORY_HINT,
    },
  },
  check(subject, ctx) {
    const f = subject.folder;
    if (f?.missing && f.named) ctx.report({ file: f.shown }, "INVENTORY_DIR_MISSING", { dir: f.dir });
  },
});
