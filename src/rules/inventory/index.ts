/**
 * The rules of the inventory stage (subject: the folder of recorded describe-vpc-endpoints output as read), in
 * the order they run. One file per rule.
 */
import { inventoryDirMissing } from "./inventory-dir-missing";
import { inventoryEntry } from "./inventory-entry";
import { inventoryFileName } from "./inventory-file-name";
import { inventoryJson } from "./inventory-json";
import { inventoryUnreadable } from "./inventory-unreadable";

export const INVENTORY_RULES = [
  inventoryDirMissing,
  inventoryUnreadable,
  inventoryFileName,
  inventoryJson,
  inventoryEntry,
] as const;
