// Top frames of a V8 .cpuprofile (node --cpu-prof) by self time: node scripts/bench/top-frames.js <file> [count]
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const profile = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const count = Number(process.argv[3] ?? 15);
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  const f = byId.get(id).callFrame;
  const key = `${f.functionName || "(anonymous)"} ${path.basename(f.url || "")}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, count))
  console.log(`${(us / 1000).toFixed(0).padStart(6)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
