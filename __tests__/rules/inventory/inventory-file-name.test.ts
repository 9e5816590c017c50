import { inventory, runWithInventory } from "../../inventory/support";
import { findings, spec } from "../support";

describe("inventory-file-name", () => {
  test("Noncompliance: INVENTORY_FILE_NAME for a file named neither <account>-<region>.json nor <region>.json", () => {
    const r = runWithInventory({ "a.yaml": spec() }, { "endpoints-frankfurt.json": inventory([]) });
    expect(findings(r, "INVENTORY_FILE_NAME")).toEqual([expect.objectContaining({ severity: "warning" })]);
    expect(r.plan?.stacks[0].inventory).toBeUndefined();
  });

  test("Noncompliance: INVENTORY_UNKNOWN_REGION for a well-formed name of a region vpce does not know", () => {
    const r = runWithInventory({ "a.yaml": spec() }, { "111122223333-xx-nowhere-9.json": inventory([]) });
    expect(findings(r, "INVENTORY_UNKNOWN_REGION")).toHaveLength(1);
  });

  test("Compliance: 111122223333-eu-central-1.json matches that account's spec; eu-central-1.json one without", () => {
    const withAccount = runWithInventory(
      { "a.yaml": spec((s) => (s.account = "111122223333")) },
      { "111122223333-eu-central-1.json": inventory([]), "eu-central-1.json": inventory([]) },
    );
    expect(findings(withAccount, "INVENTORY_FILE_NAME")).toEqual([]);
    expect(withAccount.plan?.stacks[0].inventory).toMatch(/111122223333-eu-central-1\.json$/);
    const without = runWithInventory(
      { "a.yaml": spec() },
      { "111122223333-eu-central-1.json": inventory([]), "eu-central-1.json": inventory([]) },
    );
    expect(without.plan?.stacks[0].inventory).toMatch(/[/\\]eu-central-1\.json$/);
  });
});
