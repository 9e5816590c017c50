// Loads cdktf jest matchers (toHaveResourceWithProperties, ...).
const { Testing } = require("cdktf");
Testing.setupJest();
