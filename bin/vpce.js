#!/usr/bin/env node
"use strict";
// A closed pipe (vpce plan | head) is not an error.
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  else throw e;
});
const { run, processIo } = require("./load-cli.js").loadCli().cli;
process.exitCode = run(process.argv.slice(2), processIo());
