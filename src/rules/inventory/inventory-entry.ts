import {
  GONE_STATES,
  INVENTORY_HINT,
  LIVE_STATES,
  type BadInventoryEntry,
  type InventorySubject,
} from "../../inventory/facts";
import { rule } from "../rule";

function describeEntry(e: BadInventoryEntry): string {
  switch (e.kind) {
    case "not-object":
      return `VpcEndpoints[${e.index}] must be an object.`;
    case "missing":
      return `VpcEndpoints[${e.index}] has no ${e.field} string.`;
    case "wrong-type":
      return `${e.id}: ${e.field} must be ${e.expected}.`;
    case "unknown-state":
      return (
        `${e.id}: State ${JSON.stringify(e.state)} is not one the EC2 API documents ` +
        `(${[...LIVE_STATES, ...GONE_STATES].join(", ")}, in any case).`
      );
  }
}

/** Each VpcEndpoints entry has the fields vpce reads, of the API's types, and each endpoint is listed once. */
export const inventoryEntry = rule<InventorySubject>()({
  name: "inventory-entry",
  stage: "inventory",
  codes: {
    INVENTORY_ENTRY: {
      severity: "error",
      trigger:
        "a VpcEndpoints entry is not an object, lacks VpcEndpointId, VpcEndpointType, VpcId, ServiceName or " +
        "State, has a field of the wrong type, or a State the API does not document",
      fix: "record the inventory again; do not edit it by hand",
      message: (d: { entry: BadInventoryEntry }) => describeEntry(d.entry),
      hint: () => INVENTORY_HINT,
    },
    INVENTORY_DUPLICATE: {
      severity: "warning",
      trigger: "an endpoint id appears twice in one inventory",
      fix: "record the inventory again; the first entry is used meanwhile",
      message: (d: { id: string }) => `${d.id} appears a second time; the first entry is used.`,
      hint: () => INVENTORY_HINT,
    },
    INVENTORY_OTHER_ACCOUNT: {
      severity: "error",
      trigger: "an entry of <account>-<region>.json has an OwnerId other than the file name's account",
      fix: "name the file after the account it was recorded in",
      message: (d: { id: string; owner: string; account: string }) =>
        `${d.id} is owned by ${d.owner}, but the file is named for account ${d.account}.`,
      hint: () => INVENTORY_HINT,
    },
  },
  check(subject, ctx) {
    for (const f of subject.files) {
      for (const entry of f.badEntries) ctx.report({ file: f.shown, pos: entry.pos }, "INVENTORY_ENTRY", { entry });
      for (const d of f.duplicates) ctx.report({ file: f.shown, pos: d.pos }, "INVENTORY_DUPLICATE", { id: d.id });
      for (const o of f.otherAccount)
        ctx.report({ file: f.shown, pos: o.pos }, "INVENTORY_OTHER_ACCOUNT", {
          id: o.id,
          owner: o.owner,
          account: f.account ?? "",
        });
    }
  },
});
