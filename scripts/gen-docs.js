#!/usr/bin/env node
// Writes docs/diagnostics.md from the rule registry (npm run docs).
// A test fails when the committed file and the registry drift apart.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { renderDiagnosticsDoc } = require("../dist/src/rules/docs.js");
const file = path.join(__dirname, "..", "docs", "diagnostics.md");
fs.writeFileSync(file, renderDiagnosticsDoc());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
