/**
 * bin/vpce.js runs the bundle of dist/src (scripts/bundle.js) compiled from its code cache (bin/load-cli.js): it must
 * do what dist/src does, and fall back to dist/src whenever the bundle or its cache is not the build's.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { BASE, edit, ROOT, tmpDir, writeTree } from "../helpers";
import { outputTree } from "../reorder";

const SPECS = path.join(ROOT, "specs");
/** Without NODE_OPTIONS: a V8 flag there (a heap size) makes V8 refuse the cache, as it must. */
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "NODE_OPTIONS"));

function node(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, args, { encoding: "utf8", cwd: opts.cwd, env: { ...ENV, ...opts.env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The CLI from the modules of dist/src, as bin/vpce.js ran it before the bundle. */
const ENTRY = JSON.stringify(path.join(ROOT, "dist", "src", "cli", "index.js"));
const UNBUNDLED = `const { run, processIo } = require(${ENTRY});
process.exitCode = run(process.argv.slice(1), processIo());`;

describe("the bundle against dist/src", () => {
  const invalid = writeTree({
    "a.yaml": edit(BASE, "services: [s3, ssm]\n      - name: app-b", "services: [s3, dynamo]\n      - name: app-b"),
  });
  // an anchor: read by the yaml library (bundled), not the fast reader
  const anchored = writeTree({ "a.yaml": `${BASE}tags: &t\n  team: a\n` });
  test.each([
    ["validate", "--specs", SPECS],
    ["validate", "--specs", SPECS, "--json"],
    ["plan", "--specs", SPECS, "--format", "json"],
    ["plan", "--specs", SPECS, "--format", "markdown"],
    ["validate", "--specs", invalid],
    ["validate", "--specs", anchored],
    ["catalog", "--json"],
    ["--version"],
  ])("vpce %s ... writes the same, exits the same", (...args) => {
    const bundled = node([path.join(ROOT, "bin", "vpce.js"), ...args]);
    expect(bundled).toEqual(node(["-e", UNBUNDLED, "--", ...args]));
  });

  test("a region dump that is not JSON: the same words (jsonc-parser, left out of the bundle)", () => {
    const dumps = writeTree({ "eu-central-1.json": '{ "ServiceDetails": [ }' });
    const args = ["validate", "--specs", SPECS];
    const env = { VPCE_CATALOG: dumps };
    const bundled = node([path.join(ROOT, "bin", "vpce.js"), ...args], { env });
    expect(bundled.err).toMatch(/eu-central-1\.json/);
    expect(bundled).toEqual(node(["-e", UNBUNDLED, "--", ...args], { env }));
  });

  test("synth writes the same stacks", () => {
    const a = tmpDir();
    const b = tmpDir();
    expect(node([path.join(ROOT, "bin", "vpce.js"), "synth", "--specs", SPECS, "--out", a]).code).toBe(0);
    expect(node(["-e", UNBUNDLED, "--", "synth", "--specs", SPECS, "--out", b]).code).toBe(0);
    expect(outputTree(a, { otherCode: true })).toEqual(outputTree(b, { otherCode: true }));
  });

  test("cdktf.json's app (scripts/cdktf-app.js, from the bundle) writes what main.ts (dist/main.js) writes", () => {
    const a = tmpDir();
    const b = tmpDir();
    const env = (out: string) => ({ env: { VPCE_SPECS: SPECS, CDKTF_OUTDIR: out, CHECKPOINT_DISABLE: "1" } });
    expect(node([path.join(ROOT, "scripts", "cdktf-app.js")], env(a)).code).toBe(0);
    expect(node([path.join(ROOT, "dist", "main.js")], env(b)).code).toBe(0);
    expect(outputTree(a, { otherCode: true })).toEqual(outputTree(b, { otherCode: true }));
  });

  test("the build's bundle is used, compiled from its cache", () => {
    const script = `const r = require(${JSON.stringify(path.join(ROOT, "bin", "load-cli.js"))}).loadCli();
      const script = r.script;
      process.stdout.write(JSON.stringify({ bundled: script !== undefined, rejected: script?.cachedDataRejected }));`;
    expect(JSON.parse(node(["-e", script]).out)).toEqual({ bundled: true, rejected: false });
  });
});

describe("bin/load-cli.js chooses", () => {
  /** A tree like the project's: bin/load-cli.js, a bundle and dist/src that say which they are. */
  function project(opts: { bundle?: string; bundleAge?: number; buildAge?: number; entryAge?: number }): string {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, "bin"));
    fs.copyFileSync(path.join(ROOT, "bin", "load-cli.js"), path.join(dir, "bin", "load-cli.js"));
    fs.mkdirSync(path.join(dir, "dist", "src", "cli"), { recursive: true });
    fs.writeFileSync(path.join(dir, "dist", "src", "cli", "index.js"), 'module.exports = { from: "dist/src" };');
    const info = path.join(dir, "dist", ".tsbuildinfo");
    fs.writeFileSync(info, "{}");
    const now = Date.now() / 1000;
    fs.utimesSync(info, now - (opts.buildAge ?? 0), now - (opts.buildAge ?? 0));
    const entry = path.join(dir, "dist", "src", "cli", "index.js");
    fs.utimesSync(entry, now - (opts.entryAge ?? opts.buildAge ?? 0), now - (opts.entryAge ?? opts.buildAge ?? 0));
    if (opts.bundle !== undefined) {
      const bundle = path.join(dir, "dist", "vpce.js");
      fs.writeFileSync(bundle, opts.bundle);
      fs.utimesSync(bundle, now - (opts.bundleAge ?? 0), now - (opts.bundleAge ?? 0));
    }
    return dir;
  }
  /**
   * What loadCli loaded in a fresh process, and whether V8 took a cache; `record`: write the cache first;
   * `required`: as synth loads it.
   */
  function load(dir: string, record = false, required = false) {
    const loader = JSON.stringify(path.join(dir, "bin", "load-cli.js"));
    const script = record
      ? `const l = require(${loader}); const { script } = l.loadCli({ noCache: true });
         const source = require("node:fs").readFileSync(l.BUNDLE, "utf8");
         require("node:fs").writeFileSync(l.CACHE, Buffer.concat([Buffer.from(l.digest(source) + "\\n", "latin1"),
           script.createCachedData()]));`
      : `const r = require(${loader}).loadCli({ required: ${required} });
         process.stdout.write(JSON.stringify({ from: r.cli.from, cache: r.script?.cachedDataRejected }));`;
    const r = node(["-e", script]);
    if (r.code !== 0) throw new Error(r.err);
    return record ? undefined : JSON.parse(r.out);
  }
  const BUNDLE = 'module.exports = { from: "bundle" };';

  test("the bundle when it is as new as the last build or newer; required as a module for synth", () => {
    const dir = project({ bundle: BUNDLE, buildAge: 10 });
    expect(load(dir)).toEqual({ from: "bundle" });
    load(dir, true);
    expect(load(dir)).toEqual({ from: "bundle", cache: false });
    // no compiled script, so no cache taken
    expect(load(dir, false, true)).toEqual({ from: "bundle" });
  });

  test("dist/src when the build is newer than the bundle (tsc alone ran since), or without a bundle", () => {
    expect(load(project({ bundle: BUNDLE, bundleAge: 10 }))).toEqual({ from: "dist/src" });
    expect(load(project({}))).toEqual({ from: "dist/src" });
    // a tsc run of another config (no build info written) still rewrote the CLI's entry module
    expect(load(project({ bundle: BUNDLE, bundleAge: 5, buildAge: 10, entryAge: 0 }))).toEqual({ from: "dist/src" });
  });

  test("the cache for its own bundle only: made from other source, it is not given to V8", () => {
    const dir = project({ bundle: BUNDLE, buildAge: 10 });
    load(dir, true);
    expect(load(dir)).toEqual({ from: "bundle", cache: false });
    // the same length, other bytes: V8's own check (length, version, flags) would take it
    fs.writeFileSync(path.join(dir, "dist", "vpce.js"), BUNDLE.replace("bundle", "BUNDLE"));
    expect(load(dir)).toEqual({ from: "BUNDLE" });
  });
});
