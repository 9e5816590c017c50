#!/usr/bin/env node
// The second step of `npm run build`, after tsc: bundles the CLI that bin/vpce.js runs (dist/src/cli/index.js and
// every module it requires, of dist/src and of the packages) into dist/vpce.js with esbuild, then records V8's code
// cache for it (dist/vpce.cache) after a validate and a plan of generated specs, so that what those commands run
// starts compiled. See bin/load-cli.js.
"use strict";
const { Buffer } = require("node:buffer");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const esbuild = require("esbuild");
const { BUNDLE, CACHE, digest, loadCli } = require("../bin/load-cli.js");
const { writeSpecs } = require("./bench/specs");

const root = path.join(__dirname, "..");
// a cache never outlives the bundle it was made from
fs.rmSync(CACHE, { force: true });
esbuild.buildSync({
  entryPoints: [path.join(root, "dist", "src", "cli", "index.js")],
  outfile: BUNDLE,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  // packages are bundled too, but for those only synth needs, and jsonc-parser: its main file is a UMD module whose
  // requires a bundler cannot follow (it loads only for region dumps and inventories)
  external: ["cdktf", "@cdktf/*", "constructs", "jsonc-parser"],
  // the bundled code knows it is (src/input/spec-cache.ts: its code is this one file)
  define: { VPCE_BUNDLED: "true" },
  logLevel: "warning",
});

// The cache is recorded on generated specs (the benchmark's): a build never depends on the specs folder a team
// edits. A run that fails leaves no cache (the bundle then compiles as usual) and never fails the build.
try {
  const { cli, script } = loadCli({ noCache: true });
  if (!script) throw new Error(`${BUNDLE} was not loaded (older than the last tsc build?)`);
  const specs = writeSpecs({ dir: fs.mkdtempSync(path.join(os.tmpdir(), "vpce-bundle-")), vpcs: 4, vpcsPerFile: 2 });
  const quiet = { out() {}, write() {}, err() {}, env: {} };
  for (const args of [
    ["validate", "--specs", specs],
    ["plan", "--specs", specs, "--format", "json"],
  ]) {
    const code = cli.run(args, quiet);
    if (code !== 0) throw new Error(`vpce ${args.join(" ")} exited ${code}`);
  }
  fs.rmSync(specs, { recursive: true, force: true });
  const source = fs.readFileSync(BUNDLE, "utf8");
  fs.writeFileSync(CACHE, Buffer.concat([Buffer.from(`${digest(source)}\n`, "latin1"), script.createCachedData()]));
} catch (e) {
  process.stderr.write(`bundle: no code cache recorded (${e.message}); ${BUNDLE} compiles as usual\n`);
}
