"use strict";
/**
 * Loads the CLI for bin/vpce.js: the bundle dist/vpce.js (scripts/bundle.js) with V8's code cache for it
 * (dist/vpce.cache), else the modules of dist/src.
 *
 * Why: a command is a short process, and before its first spec it spent about 80 ms finding, reading and compiling
 * some 200 modules; one file compiled from its cache takes a third of that. The bundle is used only when it is at
 * least as new as the last TypeScript build (dist/.tsbuildinfo) and as the CLI's entry module it was made from
 * (dist/src/cli/index.js, which any tsc run writes): a build of dist/src alone is never shadowed by an older
 * bundle. The cache is used only for the bundle it was made from (its SHA-256 heads the file), and V8 itself refuses
 * a cache from another version or other flags; without one the bundle is compiled as usual.
 */
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { createRequire } = require("node:module");

const DIST = path.join(__dirname, "..", "dist");
const BUNDLE = path.join(DIST, "vpce.js");
const CACHE = path.join(DIST, "vpce.cache");
/** The CLI's entry module in dist/src: what the bundle is made from, and what runs without it. */
const ENTRY = path.join(DIST, "src", "cli", "index.js");

/** Node's own module wrapper, written out: the cache is made and read for exactly this text. */
const wrap = (source) => `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The bundle's SHA-256, which heads its cache file (a line of 64 hex digits). */
function digest(source) {
  return crypto.createHash("sha256").update(source).digest("hex");
}

/** The V8 code cache recorded for `source`, or undefined (none, or made from other source). */
function cacheFor(source) {
  let bytes;
  try {
    bytes = fs.readFileSync(CACHE);
  } catch {
    return undefined;
  }
  const head = bytes.subarray(0, 65).toString("latin1");
  return head === `${digest(source)}\n` ? bytes.subarray(65) : undefined;
}

/**
 * The CLI's exports, and the compiled bundle (scripts/bundle.js records its cache after a run), or undefined when
 * the bundle is not used or is required as a module. `required`: the bundle as a module, without the code cache.
 * Why: synthesizing (cdktf's part of the work), the bundle compiled through vm.Script held about twice the memory
 * in 4 runs of 5 (10 VPCs: 200 MB against 130 MB required, 120 MB from dist/src; the garbage of a stack's build
 * kept until a full collection), for a reason not found; what the cache saves is 30 ms of start.
 */
function loadCli(opts = {}) {
  const bundled = mtime(BUNDLE);
  const built = Math.max(mtime(path.join(DIST, ".tsbuildinfo")) ?? 0, mtime(ENTRY) ?? 0);
  if (bundled === undefined || built > bundled) return { cli: require(ENTRY), script: undefined };
  if (opts.required) return { cli: require(BUNDLE), script: undefined };
  const source = fs.readFileSync(BUNDLE, "utf8");
  const cachedData = opts.noCache ? undefined : cacheFor(source);
  const script = new vm.Script(wrap(source), { filename: BUNDLE, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, DIST);
  return { cli: module.exports, script };
}

module.exports = { loadCli, digest, BUNDLE, CACHE };
