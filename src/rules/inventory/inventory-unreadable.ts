import { INVENTORY_HINT, type InventorySubject } from "../../inventory/facts";
import { rule } from "../rule";

/** The inventory folder can be listed and each inventory read (and is not larger than vpce reads). */
export const inventoryUnreadable = rule<InventorySubject>()({
  name: "inventory-unreadable",
  stage: "inventory",
  codes: {
    INVENTORY_UNREADABLE: {
      severity: "error",
      trigger: "the inventory folder cannot be listed, or an inventory cannot be read or is larger than 64 MiB",
      fix: "check the permissions; record one file per account and region",
      message: (d: { path: string; reason: string }) => `Cannot read ${d.path}: ${d.reason}`,
      hint: () => INVENTORY_HINT,
    },
  },
  check(subject, ctx) {
    const f = subject.folder;
    if (f?.listError !== undefined)
      ctx.report({ file: f.shown }, "INVENTORY_UNREADABLE", { path: f.dir, reason: f.listError });
    for (const file of subject.files) {
      if (file.readError !== undefined)
        ctx.report({ file: file.shown }, "INVENTORY_UNREADABLE", { path: file.file, reason: file.readError });
      if (file.tooLarge)
        ctx.report({ file: file.shown }, "INVENTORY_UNREADABLE", {
          path: file.file,
          reason: `${file.tooLarge.bytes} bytes, more than the ${file.tooLarge.max} an inventory may have.`,
        });
    }
  },
});
