/**
 * cdktf's package root loads `archiver` (the zip writer of TerraformAsset) as it loads, and the provider bindings
 * load that root: about 50 ms of every synth's start-up on these machines, a sixth of a one-VPC synth, for a module
 * vpce never calls (it makes no assets). Imported before cdktf, this module puts a forwarder in Node's module cache
 * under archiver's own file: cdktf's `require("archiver")` gets the forwarder, and the real module loads on its
 * first use, if ever. Under a module system with its own registry (jest) the cache entry is simply not consulted.
 */
import { createRequire, Module } from "node:module";
import * as path from "node:path";

/** The module cache to defer in: Node's `require.cache` by default (a test passes its own). */
type ModuleCache = Record<string, { exports: unknown } | undefined>;

/**
 * Defers loading `file` (a resolved module path) until its export is first called, constructed or read. The export
 * must be a function (archiver's is); a module already loaded is left as it is. Listing or describing the export's
 * own properties (Object.keys) is not forwarded: a Proxy of a strict function may not report archiver's sloppy-mode
 * `arguments`, and cdktf only calls it.
 */
export function deferModule(opts: { file: string; cache?: ModuleCache; load?: (file: string) => unknown }): void {
  const { file } = opts;
  const cache = opts.cache ?? (require.cache as ModuleCache);
  const load = opts.load ?? createRequire(file);
  if (cache[file]) return;
  let real: ((...args: unknown[]) => unknown) | undefined;
  const target = (): ((...args: unknown[]) => unknown) => {
    if (real) return real;
    // the real module takes the cache entry, so later requires get it directly
    delete cache[file];
    const loaded = load(file);
    if (typeof loaded !== "function")
      throw new Error(`internal: deferred module ${file} exports ${typeof loaded}, not the function vpce expects`);
    real = loaded as (...args: unknown[]) => unknown;
    return real;
  };
  const forwarder = new Proxy(function deferred() {}, {
    apply: (_t, self, args) => Reflect.apply(target(), self, args),
    construct: (_t, args) => Reflect.construct(target(), args),
    get: (_t, key) => Reflect.get(target(), key),
    has: (_t, key) => Reflect.has(target(), key),
    set: (_t, key, value) => Reflect.set(target(), key, value),
  });
  // a loaded Module, as Node's own cache holds: Module._load returns its exports without loading anything
  const entry = new Module(file);
  entry.filename = file;
  entry.loaded = true;
  entry.exports = forwarder;
  cache[file] = entry;
}

/** archiver as cdktf resolves it (cdktf's own dependency), or undefined where it cannot be found. */
function archiverFile(): string | undefined {
  try {
    const cdktf = path.dirname(require.resolve("cdktf/package.json"));
    return require.resolve("archiver", { paths: [cdktf] });
  } catch {
    return undefined;
  }
}

const file = archiverFile();
if (file) deferModule({ file });
