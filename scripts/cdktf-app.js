#!/usr/bin/env node
// The "app" of cdktf.json: what main.ts does (vpce synth's flow), run from the CLI's bundle as bin/vpce.js runs its
// synth (bin/load-cli.js; dist/src when the bundle is not the build's). It builds first only when dist/main.js is
// missing or a source is newer than the last build (dist/.tsbuildinfo, rewritten by every build that changed
// something). Building on every synth cost seconds of tsc per `cdktf synth`; a fresh clone without dist/ still works.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const main = path.join(root, "dist", "main.js");

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The newest modification time among the build's inputs: main.ts, src/**, the tsconfigs, package.json. */
function newestSource() {
  let newest = 0;
  const visit = (file) => (newest = Math.max(newest, mtime(file) ?? 0));
  for (const f of ["main.ts", "tsconfig.json", "tsconfig.build.json", "package.json"]) visit(path.join(root, f));
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else visit(full);
    }
  };
  walk(path.join(root, "src"));
  return newest;
}

/** Builds when dist/main.js is missing or older than a source; returns false when the build failed. */
function ensureBuilt() {
  const info = path.join(root, "dist", ".tsbuildinfo");
  const built = mtime(info);
  if (mtime(main) !== undefined && built !== undefined && newestSource() <= built) return true;
  const tsc = require.resolve("typescript/bin/tsc");
  const r = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], { stdio: "inherit" });
  if (r.status !== 0) return false;
  // tsc leaves the build info alone when no output changed (a touched, unchanged file): mark the check as done.
  const now = new Date();
  fs.utimesSync(info, now, now);
  // then the bundle, as npm run build makes it (without it, or when it fails, dist/src runs)
  spawnSync(process.execPath, [path.join(root, "scripts", "bundle.js")], { stdio: "inherit" });
  return true;
}

if (ensureBuilt()) {
  // main.ts's two lines, with the CLI's functions
  const { cli } = require("../bin/load-cli.js").loadCli({ required: true });
  const io = cli.processIo();
  process.exitCode = cli.guarded(io, () => cli.synthesize({ outDir: process.env.CDKTF_OUTDIR || undefined, io }));
} else process.exitCode = 1;
