// The baseline of `cdktf synth`: an app that does nothing but leave the empty manifest cdktf synth looks for.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const out = process.env.CDKTF_OUTDIR || "cdktf.out";
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, "manifest.json"), JSON.stringify({ version: "0.21.0", stacks: {} }));
