#!/usr/bin/env node
// Speed and memory of the main paths, measured (not asserted): `npm run bench`.
// Runs each command 3 times in a fresh process and reports the median wall
// time and the peak RSS (process.resourceUsage().maxRSS, read at exit).
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { stringify } = require("yaml");

const root = path.join(__dirname, "..");
const main = path.join(root, "dist", "main.js");
const bin = path.join(root, "bin", "vpce.js");
if (!fs.existsSync(main)) throw new Error("run `npm run build` first");

/** A large, valid specs folder: files x VPCs x subnets, every subnet asking for many services. */
function largeSpecs(files, vpcs, subnets) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vpce-bench-"));
  const services = [
    "s3",
    "dynamodb",
    "ssm",
    "ssmmessages",
    "ec2messages",
    "logs",
    "monitoring",
    "kms",
    "sts",
    "sqs",
    "sns",
    "secretsmanager",
    "ecr.api",
    "ecr.dkr",
    "lambda",
  ];
  for (let f = 0; f < files; f++) {
    const spec = { version: 1, stack: `bench-${f}`, region: "eu-central-1", vpcs: [] };
    for (let v = 0; v < vpcs; v++) {
      const n = f * vpcs + v;
      const hex = n.toString(16).padStart(4, "0");
      spec.vpcs.push({
        name: `vpc${v}`,
        id: `vpc-0aaaaaaaaaaaa${hex}`,
        cidr: `10.${n % 250}.0.0/16`,
        subnets: Array.from({ length: subnets }, (_, s) => ({
          name: `s${s}`,
          id: `subnet-0aaaaaaaa${hex}${s.toString(16).padStart(4, "0")}`,
          azId: `euc1-az${(s % 3) + 1}`,
          cidr: `10.${n % 250}.${s}.0/24`,
          routeTable: `rtb-0aaaaaaaaaaaa${hex}`,
          services: services.filter((_, k) => (k + s) % 3 !== 0),
        })),
      });
    }
    fs.writeFileSync(path.join(dir, `bench-${f}.yaml`), stringify(spec));
  }
  return dir;
}

function measure(label, args, env) {
  const times = [];
  let rss = 0;
  for (let i = 0; i < 3; i++) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "vpce-bench-out-"));
    const t0 = process.hrtime.bigint();
    const r = spawnSync(
      process.execPath,
      ["-r", path.join(__dirname, "bench-rss.js"), ...args.map((a) => a.replace("$OUT", out))],
      { env: { ...process.env, ...env, CDKTF_OUTDIR: out }, encoding: "utf8" },
    );
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`${label} failed:\n${r.stderr}`);
    const m = /VPCE_MAX_RSS_KB=(\d+)/.exec(r.stderr);
    rss = Math.max(rss, m ? Number(m[1]) : 0);
    fs.rmSync(out, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  return { label, medianMs: Math.round(times[1]), maxRssMb: Math.round(rss / 1024) };
}

const examples = path.join(root, "specs");
const large = largeSpecs(10, 3, 12);
const rows = [
  measure("synth examples (node dist/main.js, as cdktf synth runs it)", [main], { VPCE_SPECS: examples }),
  measure("validate examples (vpce validate)", [bin, "validate", "--specs", examples], {}),
  measure("plan examples --format json", [bin, "plan", "--specs", examples, "--format", "json"], {}),
  measure("synth large: 10 files x 3 VPCs x 12 subnets", [main], { VPCE_SPECS: large }),
  measure("validate large", [bin, "validate", "--specs", large], {}),
];
fs.rmSync(large, { recursive: true, force: true });
console.log("| command | median wall ms | peak RSS MB |\n| --- | ---: | ---: |");
for (const r of rows) console.log(`| ${r.label} | ${r.medianMs} | ${r.maxRssMb} |`);
