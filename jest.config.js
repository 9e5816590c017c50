/** Type checking runs once in `npm run typecheck` (tsc --noEmit); jest only transpiles. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { diagnostics: false }],
  },
  setupFilesAfterEnv: ["<rootDir>/__tests__/setup.js"],
  reporters: ["default", "<rootDir>/__tests__/summary-reporter.js"],
  testTimeout: 120000,
  // Both cores: the large suites (property run, real Terraform) then overlap instead of queueing.
  maxWorkers: "100%",
};
