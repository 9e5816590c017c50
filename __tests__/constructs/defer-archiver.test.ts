/** deferModule: the module loads on its export's first use, and every use reaches the real export. */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { deferModule } from "../../src/constructs/defer-archiver";

const ROOT = path.join(__dirname, "..", "..");
type Cache = Parameters<typeof deferModule>[0]["cache"] & object;

/** A stand-in for archiver: a function with a property, counting how often it was loaded. */
function fakeModule() {
  const real = Object.assign(
    function archiver(this: unknown, format: string) {
      return { format, self: this };
    },
    { version: "7" },
  );
  const loads: string[] = [];
  return { real, loads, load: (f: string) => (loads.push(f), real) };
}

test("Noncompliance: nothing loads until the export is used; then calls, reads and `new` reach the real one", () => {
  // GIVEN a deferred module
  const cache: Cache = {};
  const m = fakeModule();
  deferModule({ file: "/x/archiver/index.js", cache, load: m.load });
  const entry = cache["/x/archiver/index.js"] as { exports: any; loaded: boolean };
  // THEN it is in the cache as a loaded module, and the real one is not loaded
  expect(entry.loaded).toBe(true);
  expect(m.loads).toEqual([]);
  // WHEN its export is called, read and constructed
  const called = entry.exports("zip");
  const read = entry.exports.version;
  const constructed = new entry.exports("tar");
  // THEN each reaches the real export, which loaded once, and the cache entry made way for it
  expect(called.format).toBe("zip");
  expect(read).toBe("7");
  expect(constructed.format).toBe("tar");
  expect(m.loads).toEqual(["/x/archiver/index.js"]);
  expect(cache["/x/archiver/index.js"]).toBeUndefined();
});

test("Compliance: a module already loaded is left as it is", () => {
  const loaded = { exports: "already" };
  const cache: Cache = { "/x/archiver/index.js": loaded };
  const m = fakeModule();
  deferModule({ file: "/x/archiver/index.js", cache, load: m.load });
  expect(cache["/x/archiver/index.js"]).toBe(loaded);
});

test("a module that does not export a function is a clear error at its first use", () => {
  const cache: Cache = {};
  deferModule({ file: "/x/odd.js", cache, load: () => ({}) });
  expect(() => (cache["/x/odd.js"] as { exports: () => void }).exports()).toThrow(
    "internal: deferred module /x/odd.js exports object, not the function vpce expects",
  );
});

test("in Node, loading the construct layer leaves archiver unloaded, and cdktf's archiver still works", () => {
  // (the built layer in a fresh node: jest's own module registry never consults Node's cache)
  const script = `
    require(${JSON.stringify(path.join(ROOT, "dist", "src", "constructs", "app.js"))});
    const loaded = () => Object.keys(require.cache).filter((f) => /[\\\\/]archiver[\\\\/]lib[\\\\/]/.test(f)).length;
    const before = loaded();
    const cdktfDir = require("path").dirname(require.resolve("cdktf/package.json"));
    const archiver = require(require.resolve("archiver", { paths: [cdktfDir] }));
    const zip = archiver("zip");
    const format = archiver.isRegisteredFormat("zip");
    console.log(JSON.stringify({ before, after: loaded(), append: typeof zip.append, format }));`;
  const out = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" }));
  expect(out.before).toBe(0);
  expect(out.after).toBeGreaterThan(0);
  expect(out.append).toBe("function");
  // its properties read through the forwarder are the real module's
  expect(out.format).toBe(true);
});
