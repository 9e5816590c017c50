/**
 * The spec cache's parts: which known specs a scoped synth loads after all (specsToLoad, table-driven: each case
 * that loads a file beside a close one that must not), when an entry is known (bytes, shown path, policy files),
 * and reading the cache back (absent, stale, unreadable, paths relative to the working directory in the file).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  cacheKey,
  readSpecCache,
  SPEC_CACHE_FILE,
  SpecCache,
  specsToLoad,
  writeSpecCache,
} from "../../src/input/spec-cache";
import type { SpecSummary } from "../../src/input/spec-summary";
import { createHash } from "node:crypto";
import { loadSpecs } from "../../src/input";
import { BASE, tmpDir, writeTree } from "../helpers";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** A summary of stack `stack` in /s/<stack>.yaml with these ids and hubs (`useHub: <hub>/x`). */
function sum(stack: string, opts: { ids?: string[]; hubs?: string[] } = {}): SpecSummary {
  return {
    stack,
    file: `s/${stack}.yaml`,
    path: `/s/${stack}.yaml`,
    region: "eu-west-1",
    policies: [],
    ids: opts.ids ?? [`vpc-${stack}`],
    vpcsAt: { line: 1, col: 1 },
    spokes: (opts.hubs ?? []).map((hub) => ({
      vpc: stack,
      hub,
      useHub: { path: "vpcs[0].useHub", pos: { line: 3, col: 5 } },
    })),
  };
}

interface Case {
  name: string;
  summaries: SpecSummary[];
  loaded?: string[];
  previous?: SpecSummary[];
  selected?: string[];
  /** The stacks whose files are loaded. */
  load: string[];
}

const cases: Case[] = [
  { name: "nothing changed or selected: nothing", summaries: [sum("a"), sum("b")], load: [] },
  {
    name: "a changed spec sharing an id with a cached one: both",
    summaries: [sum("a", { ids: ["vpc-1"] }), sum("b", { ids: ["vpc-1"] }), sum("c")],
    loaded: ["a"],
    load: ["a", "b"],
  },
  {
    name: "ids alike but not equal: the changed one only",
    summaries: [sum("a", { ids: ["vpc-1"] }), sum("b", { ids: ["vpc-10"] })],
    loaded: ["a"],
    load: ["a"],
  },
  {
    name: "a changed spec whose stack name is another's in other case: both",
    summaries: [sum("a"), sum("A", { ids: ["vpc-x"] })],
    loaded: ["A"],
    load: ["A", "a"],
  },
  {
    name: "a selected spoke: its hub and the hub's other spokes",
    summaries: [sum("hub"), sum("s1", { hubs: ["hub"] }), sum("s2", { hubs: ["hub"] }), sum("other")],
    selected: ["s1"],
    load: ["hub", "s1", "s2"],
  },
  {
    name: "a selected stack without hub relations: itself",
    summaries: [sum("hub"), sum("s1", { hubs: ["hub"] }), sum("other")],
    selected: ["other"],
    load: ["other"],
  },
  {
    name: "a hub gone (its old summary): the cached spokes naming it, and so every spec (their error suggests names)",
    summaries: [sum("s1", { hubs: ["hub"] }), sum("s2", { hubs: ["hub2"] }), sum("hub2")],
    previous: [sum("hub")],
    load: ["hub2", "s1", "s2"],
  },
  {
    name: "a hub that was, now another's spec too (its old summary): the cached spokes naming it, with the hub",
    summaries: [sum("s1", { hubs: ["hub"] }), sum("hub"), sum("s2", { hubs: ["hub2"] }), sum("hub2")],
    previous: [sum("hub", { hubs: ["root"] })],
    load: ["hub", "s1"],
  },
  {
    name: "a spoke that named a hub before (its old summary): that hub, and its spokes",
    summaries: [sum("s1"), sum("hub"), sum("s2", { hubs: ["hub"] }), sum("other")],
    loaded: ["s1"],
    previous: [sum("s1", { hubs: ["hub"] })],
    load: ["hub", "s1", "s2"],
  },
  {
    name: "a spec to load naming a hub that no spec is: every spec (its error suggests every stack's name)",
    summaries: [sum("s1", { hubs: ["hubb"] }), sum("hub"), sum("x")],
    loaded: ["s1"],
    load: ["hub", "s1", "x"],
  },
  {
    name: "a changed spec naming a cached hub: the hub's whole cluster",
    summaries: [sum("s1", { hubs: ["hub"] }), sum("hub", { hubs: ["root"] }), sum("root"), sum("x")],
    loaded: ["s1"],
    load: ["hub", "root", "s1"],
  },
];

describe("specsToLoad", () => {
  test.each(cases)("$name", ({ summaries, loaded, previous, selected, load }) => {
    const paths = specsToLoad({
      summaries,
      loaded: new Set((loaded ?? []).map((s) => `/s/${s}.yaml`)),
      previous: previous ?? [],
      selected: new Set(selected ?? []),
    });
    expect([...paths].map((p) => path.basename(p, ".yaml")).sort()).toEqual([...load].sort());
  });
});

describe("the cache file", () => {
  /** A cache with one entry for <dir>/a.yaml, reading <dir>/p.json. */
  function written() {
    const dir = tmpDir();
    const spec = path.join(dir, "a.yaml");
    const policy = path.join(dir, "p.json");
    fs.writeFileSync(policy, "{}");
    const summary = { ...sum("a"), file: spec, path: spec, policies: [policy] };
    const out = path.join(dir, "out");
    const policies = [{ path: policy, real: fs.realpathSync(policy), digest: sha256("{}") }];
    writeSpecCache({
      outDir: out,
      key: "k",
      readAt: Date.now(),
      specs: [{ path: spec, digest: "d1", policies, diagnostics: [], summary, gateways: 2 }],
    });
    return { dir, spec, policy, out };
  }

  test("read back: the entry as written, known for the same bytes and shown path", () => {
    const { spec, out } = written();
    const cache = readSpecCache({ outDir: out, key: "k" });
    expect(cache).toBeInstanceOf(SpecCache);
    const known = (cache as SpecCache).known({ path: spec, shown: spec, digest: "d1" });
    expect(known?.gateways).toBe(2);
    expect(known?.summary.path).toBe(spec);
  });

  test.each([
    { name: "other bytes", digest: "d2", shown: undefined },
    { name: "shown another way", digest: "d1", shown: "elsewhere/a.yaml" },
  ])("not known: $name", ({ digest, shown }) => {
    const { spec, out } = written();
    const cache = readSpecCache({ outDir: out, key: "k" }) as SpecCache;
    expect(cache.known({ path: spec, shown: shown ?? spec, digest })).toBeUndefined();
  });

  test("not known when a policy file it reads changed or is gone", () => {
    const { spec, policy, out } = written();
    const cache = () => readSpecCache({ outDir: out, key: "k" }) as SpecCache;
    fs.writeFileSync(policy, '{"Version":"2012-10-17"}');
    expect(cache().known({ path: spec, shown: spec, digest: "d1" })).toBeUndefined();
    fs.rmSync(policy);
    expect(cache().known({ path: spec, shown: spec, digest: "d1" })).toBeUndefined();
  });

  test("unchanged: known by its status alone when it is as read and older than when the run began to read", () => {
    const dir = tmpDir();
    const spec = path.join(dir, "a.yaml");
    fs.writeFileSync(spec, "version: 1\n");
    // the status of a file written an hour ago (a change time cannot be set back on disk)
    const hourAgo = Date.now() - 3_600_000;
    const status = () => ({ ...fs.statSync(spec), mtimeMs: hourAgo, ctimeMs: hourAgo }) as fs.Stats;
    const summary = { ...sum("a"), file: spec, path: spec };
    const out = path.join(dir, "out");
    const entry = { path: spec, digest: "d1", stat: status(), policies: [], diagnostics: [], summary, gateways: 1 };
    writeSpecCache({ outDir: out, key: "k", readAt: Date.now(), specs: [entry] });
    const cache = readSpecCache({ outDir: out, key: "k" }) as SpecCache;
    expect(cache.unchanged({ path: spec, shown: spec, stat: status() })?.digest).toBe("d1");
    expect(cache.unchanged({ path: spec, shown: "elsewhere/a.yaml", stat: status() })).toBeUndefined();
    for (const other of [{ size: 99 }, { mtimeMs: hourAgo + 1 }, { ctimeMs: hourAgo + 1 }, { ino: 1 }])
      expect(cache.unchanged({ path: spec, shown: spec, stat: { ...status(), ...other } as fs.Stats })).toBeUndefined();
  });

  test("unchanged: a file written within 2 s before the run began to read, or after, is read anyway", () => {
    const dir = tmpDir();
    const spec = path.join(dir, "a.yaml");
    fs.writeFileSync(spec, "version: 1\n");
    const summary = { ...sum("a"), file: spec, path: spec };
    const out = path.join(dir, "out");
    const stat = fs.statSync(spec);
    const entry = { path: spec, digest: "d1", stat, policies: [], diagnostics: [], summary, gateways: 1 };
    for (const readAt of [Date.now(), stat.mtimeMs - 10_000]) {
      writeSpecCache({ outDir: out, key: "k", readAt, specs: [entry] });
      const cache = readSpecCache({ outDir: out, key: "k" }) as SpecCache;
      expect(cache.unchanged({ path: spec, shown: spec, stat: fs.statSync(spec) })).toBeUndefined();
    }
    const cache = readSpecCache({ outDir: out, key: "k" }) as SpecCache;
    // the same entry by its bytes
    expect(cache.known({ path: spec, shown: spec, digest: "d1" })?.digest).toBe("d1");
  });

  test("the file keeps paths relative to the working directory", () => {
    const { out } = written();
    const text = fs.readFileSync(path.join(out, SPEC_CACHE_FILE), "utf8");
    expect(text).not.toContain(`"${out}`);
    expect(JSON.parse(text).specs[0].path).toBe(path.relative(process.cwd(), path.join(path.dirname(out), "a.yaml")));
  });

  test("absent, written with another key, or not a cache", () => {
    const { out } = written();
    expect(readSpecCache({ outDir: path.join(out, "none"), key: "k" })).toBe("absent");
    expect(readSpecCache({ outDir: out, key: "other" })).toBe("stale");
    fs.writeFileSync(path.join(out, SPEC_CACHE_FILE), "{ not json");
    expect(readSpecCache({ outDir: out, key: "k" })).toBe("unreadable");
    fs.writeFileSync(path.join(out, SPEC_CACHE_FILE), "[]");
    expect(readSpecCache({ outDir: out, key: "k" })).toBe("unreadable");
  });

  test.each([
    { name: "an empty entry", edit: (specs: Record<string, unknown>[]) => (specs[0] = {}) },
    { name: "a gateway count as text", edit: (specs: Record<string, unknown>[]) => (specs[0].gateways = "3") },
    { name: "no policies", edit: (specs: Record<string, unknown>[]) => delete specs[0].policies },
    {
      name: "a diagnostic of unknown severity",
      edit: (specs: Record<string, unknown>[]) =>
        (specs[0].diagnostics = [{ code: "X", severity: "fatal", file: "a", path: "", message: "m" }]),
    },
    { name: "no read time", edit: (_: unknown, data: Record<string, unknown>) => delete data.readAt },
  ])("an entry of another shape is not a cache: $name", ({ edit }) => {
    const { out } = written();
    const file = path.join(out, SPEC_CACHE_FILE);
    const data = JSON.parse(fs.readFileSync(file, "utf8"));
    edit(data.specs, data);
    fs.writeFileSync(file, JSON.stringify(data));
    expect(readSpecCache({ outDir: out, key: "k" })).toBe("unreadable");
  });

  test("the key: the same for the same folders and dumps; another when a dump changes or a folder is another", () => {
    const dir = tmpDir();
    const dumps = path.join(dir, "catalog");
    fs.mkdirSync(dumps);
    const opts = { specsDir: path.join(dir, "specs"), policyDirs: [], dumpDir: dumps };
    const key = cacheKey(opts);
    expect(cacheKey(opts)).toBe(key);
    expect(cacheKey({ ...opts, specsDir: path.join(dir, "other") })).not.toBe(key);
    expect(cacheKey({ ...opts, policyDirs: [path.join(dir, "policies")] })).not.toBe(key);
    fs.writeFileSync(path.join(dumps, "eu-west-1.json"), "{}");
    expect(cacheKey(opts)).not.toBe(key);
    // a file that is not a dump does not count; a dump named in capitals does, as the dump loader reads it
    const withDump = cacheKey(opts);
    fs.writeFileSync(path.join(dumps, "README.md"), "notes");
    expect(cacheKey(opts)).toBe(withDump);
    fs.writeFileSync(path.join(dumps, "us-east-1.JSON"), "{}");
    expect(cacheKey(opts)).not.toBe(withDump);
    // a policy folder whose link leads elsewhere now (what a policy file may be read from)
    const [a, b, link] = ["a", "b", "policies"].map((n) => path.join(dir, n));
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    fs.symlinkSync(a, link);
    const linked = cacheKey({ ...opts, policyDirs: [link] });
    fs.rmSync(link);
    fs.symlinkSync(b, link);
    expect(cacheKey({ ...opts, policyDirs: [link] })).not.toBe(linked);
  });
});

test("a spec known by its status but written before it is loaded after all: every spec is loaded", () => {
  const dir = writeTree({
    "a.yaml": BASE.replace("stack: base", "stack: a"),
    "b.yaml": BASE.replace("stack: base", "stack: b")
      .replace("vpc-0123456789abcdef0", "vpc-0123456789abcdef1")
      .replace(/subnet-0(a|b)/g, "subnet-09"),
  });
  const known = loadSpecs(dir, { known: () => undefined });
  expect(known.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  // the cache's word for both: unchanged (by status), with a digest their bytes no longer have
  const result = loadSpecs(dir, {
    known: () => undefined,
    unchanged: ({ path: file }) => {
      const f = known.files.find((x) => x.path === file);
      if (!f?.summary) return undefined;
      return { digest: "not these bytes", diagnostics: f.diagnostics, summary: f.summary, policies: [], gateways: 0 };
    },
    // only a.yaml asked for: its bytes differ from the digest, so b.yaml is loaded too
    scope: ({ summaries }) => new Set(summaries.filter((s) => s.stack === "a").map((s) => s.path)),
  });
  expect(result.models.map((m) => m.stack).sort()).toEqual(["a", "b"]);
  expect(result.files.every((f) => f.model !== undefined && f.digest === sha256(fs.readFileSync(f.path, "utf8")))).toBe(
    true,
  );
});
