import { existing, inventory, runWithInventory } from "../../inventory/support";
import { findings, spec } from "../support";

describe("inventory-json", () => {
  test("Noncompliance: INVENTORY_JSON_SYNTAX with the line and column of the mistake", () => {
    const r = runWithInventory(
      { "a.yaml": spec() },
      { "eu-central-1.json": '{\n  "VpcEndpoints": [\n    {,}\n  ]\n}\n' },
    );
    expect(findings(r, "INVENTORY_JSON_SYNTAX")).toEqual([
      expect.objectContaining({ severity: "error", pos: { line: 3, col: 6 } }),
    ]);
    expect(r.plan).toBeUndefined();
  });

  test("Noncompliance: INVENTORY_JSON_SYNTAX for nesting deeper than 64 levels (no stack overflow)", () => {
    const deep = '{"VpcEndpoints": ' + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    const r = runWithInventory({ "a.yaml": spec() }, { "eu-central-1.json": deep });
    expect(findings(r, "INVENTORY_JSON_SYNTAX")[0].message).toContain("nests more than 64");
  });

  test("Noncompliance: INVENTORY_SHAPE for describe-vpc-endpoint-services output (no VpcEndpoints)", () => {
    const r = runWithInventory({ "a.yaml": spec() }, { "eu-central-1.json": { ServiceDetails: [] } });
    expect(findings(r, "INVENTORY_SHAPE")).toEqual([expect.objectContaining({ pos: { line: 1, col: 1 } })]);
  });

  test("Noncompliance: INVENTORY_TRUNCATED for one page of the list (an endpoint it lacks would be duplicated)", () => {
    const r = runWithInventory(
      { "a.yaml": spec() },
      { "eu-central-1.json": inventory([], { NextToken: "eyJ2IjoxfQ==" }) },
    );
    expect(findings(r, "INVENTORY_TRUNCATED")).toEqual([expect.objectContaining({ severity: "error" })]);
    expect(r.plan).toBeUndefined();
  });

  test("Compliance: the whole output, with an empty NextToken, plans", () => {
    const r = runWithInventory(
      { "a.yaml": spec() },
      {
        "eu-central-1.json": inventory([existing({ id: "vpce-0a1b2c3d4e5f60002", service: "ssm" })], { NextToken: "" }),
      },
    );
    for (const code of ["INVENTORY_JSON_SYNTAX", "INVENTORY_SHAPE", "INVENTORY_TRUNCATED"] as const)
      expect(findings(r, code)).toEqual([]);
    expect(r.plan).toBeDefined();
  });
});
