/**
 * `npm run test:fast`: the pure layers (rules, input, planner, catalog, policy
 * tables, reports), the constructs and the CLI. Not here: real Terraform
 * (__tests__/terraform), the generated-spec runs (__tests__/property: the
 * 1,000-spec guarantees, mutations and their pairs, hostile input), the
 * workflow test (it synthesizes every example once per spec), the 40-VPC
 * markdown sizes, the catalog's cross-checks against aws-cdk-lib in every
 * region, and the cdktf CLI itself (VPCE_FAST skips that one test). `npm test`
 * runs everything, with the type check of the tests; CI runs `npm test`.
 */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  testPathIgnorePatterns: [
    "/node_modules/",
    "<rootDir>/__tests__/terraform/",
    "<rootDir>/__tests__/property/",
    "<rootDir>/__tests__/workflow\\.test\\.ts$",
    "<rootDir>/__tests__/report/markdown-size\\.test\\.ts$",
    "<rootDir>/__tests__/catalog/cdk-crosscheck\\.test\\.ts$",
    "<rootDir>/__tests__/cli/catalog-names\\.test\\.ts$",
  ],
};
