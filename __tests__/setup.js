// cdktf's jest matchers (toHaveResourceWithProperties, ...) for the construct tests only: the other test files
// never touch cdktf, and loading it costs each of them time.
const { expect } = require("@jest/globals");

if (/[\\/]__tests__[\\/]constructs[\\/]/.test(expect.getState().testPath)) {
  const { Testing } = require("cdktf");
  Testing.setupJest();
}
