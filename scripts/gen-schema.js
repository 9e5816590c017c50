#!/usr/bin/env node
// Writes schema/spec.schema.json and src/input/spec-validator.generated.ts from the schema (npm run schema).
// A test fails when the committed file and the schema drift apart.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { specJsonSchema } = require("../dist/src/input/schema.js");
const file = path.join(__dirname, "..", "schema", "spec.schema.json");
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, JSON.stringify(specJsonSchema(), null, 2) + "\n");
console.log(`wrote ${path.relative(process.cwd(), file)}`);
// The validator itself, compiled ahead of time (src/input/spec-validator-source.ts says why).
const { specValidatorSource, SPEC_VALIDATOR_FILE } = require("../dist/src/input/spec-validator-source.js");
fs.writeFileSync(path.join(__dirname, "..", SPEC_VALIDATOR_FILE), specValidatorSource());
console.log(`wrote ${SPEC_VALIDATOR_FILE}`);
