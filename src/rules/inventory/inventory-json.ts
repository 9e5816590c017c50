import { INVENTORY_HINT, type InventorySubject } from "../../inventory/facts";
import { rule } from "../rule";

/** An inventory is the whole JSON output of describe-vpc-endpoints: valid JSON, a VpcEndpoints list, no NextToken. */
export const inventoryJson = rule<InventorySubject>()({
  name: "inventory-json",
  stage: "inventory",
  codes: {
    INVENTORY_JSON_SYNTAX: {
      severity: "error",
      trigger: "an inventory is not valid JSON (or nests deeper than 64 levels)",
      fix: "record it again with aws ec2 describe-vpc-endpoints --output json",
      message: (d: { error: string }) => `Not valid JSON: ${d.error}.`,
      hint: () => INVENTORY_HINT,
    },
    INVENTORY_SHAPE: {
      severity: "error",
      trigger: 'an inventory is not an object with a "VpcEndpoints" list',
      fix: "save the whole output of aws ec2 describe-vpc-endpoints",
      message: () => 'Expected the output of `aws ec2 describe-vpc-endpoints`: an object with a "VpcEndpoints" list.',
      hint: () => INVENTORY_HINT,
    },
    INVENTORY_TRUNCATED: {
      severity: "error",
      trigger: "an inventory has a NextToken: it is one page of the list",
      fix: "record it again without --max-items/--no-paginate",
      message: () =>
        "The inventory has a NextToken: it is one page of the list, and an endpoint it lacks would be created a " +
        "second time. Record it again without --max-items/--no-paginate.",
      hint: () => INVENTORY_HINT,
    },
  },
  check(subject, ctx) {
    for (const f of subject.files) {
      if (f.syntaxError)
        ctx.report({ file: f.shown, pos: f.syntaxError.pos }, "INVENTORY_JSON_SYNTAX", {
          error: f.syntaxError.message,
        });
      if (f.notTheApiShape) ctx.report({ file: f.shown, pos: f.notTheApiShape.pos }, "INVENTORY_SHAPE", {});
      if (f.nextToken) ctx.report({ file: f.shown, pos: f.nextToken.pos }, "INVENTORY_TRUNCATED", {});
    }
  },
});
