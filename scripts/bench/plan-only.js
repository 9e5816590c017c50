// Plan-only timing for the benchmark: loads and validates a specs folder (untimed), then times planStacks alone.
//   node scripts/bench/plan-only.js <specs dir> [profile.cpuprofile] [--no-reasons]
//   -> prints {"subnets":..,"ms":..,"cpuMs":..}
// With a profile file, planStacks alone is profiled (the V8 profiler through node:inspector). --no-reasons plans as
// validate and synth do (PlanOptions.explain false); by default with reasons, as `vpce plan` does.
"use strict";
const path = require("node:path");

const dist = path.join(__dirname, "..", "..", "dist", "src");
const { loadSpecs } = require(path.join(dist, "input"));
const { planStacks } = require(path.join(dist, "planner"));
const { hasErrors } = require(path.join(dist, "diagnostics"));

const args = process.argv.slice(2).filter((a) => a !== "--no-reasons");
const explain = !process.argv.includes("--no-reasons");
const specs = loadSpecs(path.resolve(args[0]), { dumpFacts: () => undefined });
if (hasErrors(specs.diagnostics)) throw new Error("the generated specs are invalid");
const subnets = specs.models.reduce((n, m) => n + m.vpcs.reduce((k, v) => k + v.subnets.length, 0), 0);
const profileFile = args[1];
const session = profileFile ? new (require("node:inspector").Session)() : undefined;
const post = (method) =>
  session.post(method, (err, r) => {
    if (err) throw err;
    if (r && r.profile) require("node:fs").writeFileSync(profileFile, JSON.stringify(r.profile));
  });
// a full collection first: the garbage the untimed loading left is loading's cost, not planning's (which of the two
// paid for collecting it otherwise depended on where V8's heap limits happened to fall)
require("node:v8").setFlagsFromString("--expose-gc");
require("node:vm").runInNewContext("gc")();
if (session) {
  session.connect();
  post("Profiler.enable");
  post("Profiler.start"); // the inspector's posts are synchronous within the same thread
}
const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
const planned = planStacks(specs.models, { dumps: new Map(), explain });
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
if (session) post("Profiler.stop");
if (!planned.plan) throw new Error("no plan");
process.stdout.write(JSON.stringify({ subnets, ms, cpuMs }) + "\n");
