import { findings, runSpecs, spec } from "../support";

describe("route-table-required", () => {
  test("Noncompliance: ROUTE_TABLE_REQUIRED when a subnet asking for s3 has no routeTable", () => {
    const r = runSpecs({ "a.yaml": spec((s) => delete s.vpcs[0].subnets[0].routeTable) });
    const f = findings(r, "ROUTE_TABLE_REQUIRED");
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe("vpcs[0].subnets[0].services[0]");
    expect(f[0].message).toContain("app-a");
    // s3 may be gateway and interface in one VPC: it can be told to be an interface endpoint
    expect(f[0].hint).toContain("endpoints.s3.type: interface");
  });

  test("Noncompliance: ROUTE_TABLE_REQUIRED for dynamodb, without the type hint", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        delete s.vpcs[0].subnets[0].routeTable;
        s.vpcs[0].subnets[0].services = ["dynamodb"];
      }),
    });
    const f = findings(r, "ROUTE_TABLE_REQUIRED");
    expect(f).toHaveLength(1);
    expect(f[0].hint).not.toContain("type: interface");
  });

  test("Compliance: s3 planned as an interface endpoint needs no route table", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        delete s.vpcs[0].subnets[0].routeTable;
        s.vpcs[0].endpoints = { s3: { type: "interface" } };
      }),
    });
    expect(findings(r, "ROUTE_TABLE_REQUIRED")).toEqual([]);
  });
});
