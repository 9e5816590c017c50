/**
 * Drift check: the catalog against aws-cdk-lib (exact-pinned devDependency),
 * every CDK interface and gateway service in every region of regions.json.
 * The same check as `npx ts-node --transpile-only scripts/catalog-check.ts`.
 */
import * as catalog from "../../src/catalog";

describe("catalog vs aws-cdk-lib", () => {
  test("every CDK service name matches serviceName() in every region", async () => {
    // GIVEN aws-cdk-lib, loaded by deep path (aws-cdk-lib/aws-ec2) inside the helper
    const t0 = Date.now();
    const cdk = await import("../../scripts/catalog-cdk");
    const loadMs = Date.now() - t0;

    // WHEN
    const t1 = Date.now();
    const result = cdk.crossCheck(catalog);
    const checkMs = Date.now() - t1;

    // THEN
    expect(result.mismatches).toEqual([]);
    expect(result.regions).toBe(catalog.allRegions().length);
    expect(result.compared).toBeGreaterThan(390 * result.regions);
    // Time it takes, so a slow upgrade of aws-cdk-lib is visible in the test log.
    console.log(`aws-cdk-lib ${cdk.cdkVersion()}: load ${loadMs} ms, ${result.compared} names in ${checkMs} ms`);
    expect(loadMs + checkMs).toBeLessThan(60000);
  });

  test("a catalog that drifts is caught", async () => {
    const cdk = await import("../../scripts/catalog-cdk");
    // GIVEN a catalog whose China exception list forgot ecr.dkr
    const drifted: typeof catalog = {
      ...catalog,
      serviceName: (s, region, type) =>
        s.id === "ecr.dkr" && region === "cn-north-1"
          ? `com.amazonaws.${region}.ecr.dkr`
          : catalog.serviceName(s, region, type),
    };
    // WHEN
    const result = cdk.crossCheck(drifted);
    // THEN
    expect(result.mismatches).toEqual([
      "ecr.dkr Interface in cn-north-1: catalog com.amazonaws.cn-north-1.ecr.dkr, " +
        "aws-cdk-lib cn.com.amazonaws.cn-north-1.ecr.dkr",
    ]);
  });
});
