#!/usr/bin/env node
"use strict";
// A closed pipe (vpce plan | head) is not an error.
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  else throw e;
});
// synth from the bundle required as a module, every other command compiled from its code cache (load-cli.js)
const { run, processIo } = require("./load-cli.js").loadCli({ required: process.argv[2] === "synth" }).cli;
process.exitCode = run(process.argv.slice(2), processIo());
