#!/usr/bin/env node
"use strict";
// A closed pipe (vpce plan | head) is not an error.
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  else throw e;
});
const { run } = require("../dist/src/cli/main.js");
process.exitCode = run(process.argv.slice(2), {
  out: (t) => process.stdout.write(t + "\n"),
  err: (t) => process.stderr.write(t + "\n"),
  env: process.env,
});
