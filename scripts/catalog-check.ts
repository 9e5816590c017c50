/**
 * Cross-checks the catalog data against aws-cdk-lib (the exact-pinned
 * devDependency): every interface and gateway service of CDK, in every region
 * of regions.json, must get the same full name from `serviceName()` as CDK
 * synthesizes. Exit code 1 on any difference.
 *
 *   npx ts-node --transpile-only scripts/catalog-check.ts
 *
 * The same check runs in jest (__tests__/catalog/cdk-crosscheck.test.ts).
 */
import * as catalog from "../src/catalog";
import { cdkVersion, crossCheck } from "./catalog-cdk";

const started = Date.now();
const result = crossCheck(catalog);
for (const n of result.notes) console.log(`note: ${n}`);
for (const m of result.mismatches) console.log(`MISMATCH: ${m}`);
console.log(
  `aws-cdk-lib ${cdkVersion()}: ${result.compared} names compared over ${result.regions} regions, ` +
    `${result.mismatches.length} mismatches (${Date.now() - started} ms).`,
);
process.exitCode = result.mismatches.length === 0 ? 0 : 1;
