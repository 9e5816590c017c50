/**
 * `npm run test:fast`: the pure layers, the constructs and the CLI; not real
 * Terraform (__tests__/terraform, property/terraform-sample) and not the large
 * generated property run (property/guarantees). `npm test` runs everything,
 * with the type check of the tests; CI runs `npm test`.
 */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  testPathIgnorePatterns: [
    "/node_modules/",
    "<rootDir>/__tests__/terraform/",
    "<rootDir>/__tests__/property/guarantees\\.test\\.ts$",
    "<rootDir>/__tests__/property/terraform-sample\\.test\\.ts$",
  ],
};
