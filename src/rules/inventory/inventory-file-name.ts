import { INVENTORY_HINT, type InventorySubject } from "../../inventory/facts";
import { rule } from "../rule";

/** An inventory is named `<account>-<region>.json` or `<region>.json`, after a region vpce knows. */
export const inventoryFileName = rule<InventorySubject>()({
  name: "inventory-file-name",
  stage: "inventory",
  codes: {
    INVENTORY_FILE_NAME: {
      severity: "warning",
      trigger: "a file of the inventory folder is not named <account>-<region>.json or <region>.json",
      fix: "rename it after the account (12 digits) and region it was recorded in; it is ignored meanwhile",
      message: (d: { name: string }) =>
        `${d.name} is not named <account>-<region>.json or <region>.json: it is ignored, nothing is adopted from it.`,
      hint: () => INVENTORY_HINT,
    },
    INVENTORY_UNKNOWN_REGION: {
      severity: "warning",
      trigger: "an inventory's file name names a region vpce does not know",
      fix: "name the file after the region it was recorded in; a region newer than vpce is used as it is",
      message: (d: { region: string }) => `${d.region} is not a region vpce knows.`,
      hint: () => INVENTORY_HINT,
    },
  },
  check(subject, ctx) {
    for (const f of subject.files) {
      if (f.badName) ctx.report({ file: f.shown }, "INVENTORY_FILE_NAME", { name: f.shown });
      if (f.unknownRegion && f.region) ctx.report({ file: f.shown }, "INVENTORY_UNKNOWN_REGION", { region: f.region });
    }
  },
});
