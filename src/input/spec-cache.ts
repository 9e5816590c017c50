/**
 * The synth's spec cache: what loading and validating found of each spec file, kept beside the synthesized stacks
 * (`<out>/.vpce/spec-cache.json`), so that `vpce synth --stack / --changed-since` need not load and validate again
 * every spec of a large organisation to write one stack.
 *
 * A file's entry is used only when everything its findings came from is as it was: the file's bytes, the policy
 * files it names (their bytes, and where their links lead), and, for every entry at once (the key), vpce's own code
 * and pinned dependencies, the region dumps, and where the specs folder, the policy folders and the dumps folder are
 * from the working directory (paths are kept and shown relative to it, so a cache committed or restored in another
 * checkout holds). Any difference, or a cache that cannot be read, and the file is loaded as without a cache.
 * Only a synth without errors writes the cache (after writing its stacks, or finding none selected), so every entry
 * comes from a run where no spec had an error: the across-files rules found nothing among the cached files, and
 * only a file loaded now can change that (specsToLoad loads every file it could concern).
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Diagnostic } from "../diagnostics";
import { compareStrings } from "../order";
import type { KnownSpec } from "./index";
import type { PolicyStamp, SpecSummary } from "./spec-summary";

/** Defined (true) in the CLI's bundle only, by scripts/bundle.js. */
declare const VPCE_BUNDLED: boolean | undefined;

/** Where the cache lives in the output folder. */
export const SPEC_CACHE_FILE = path.join(".vpce", "spec-cache.json");

/** Bumped when the file's shape changes: an older cache is then not read. */
const FORMAT = 3;

/**
 * A file's status when it was read, as git's index keeps it: a file whose size, times and inode are the same has
 * not been written since (see SpecCache.unchanged for the one exception).
 */
interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
}

/** One spec file's entry. */
export interface CachedSpec extends KnownSpec {
  /** Absolute path. */
  readonly path: string;
  /** SHA-256 of its bytes, hex. */
  readonly digest: string;
  /** Its status when read; absent when it was not known. */
  readonly stamp?: FileStamp;
}

interface CacheFile {
  readonly format: number;
  readonly key: string;
  /**
   * When the run that wrote it began to look at the specs (ms since the epoch), before any status was taken: a file
   * changed in the same instant as its status was taken keeps the same stamp.
   */
  readonly readAt: number;
  readonly specs: readonly CachedSpec[];
}

/**
 * A file whose times are this close to CacheFile.readAt (ms), or later, is read and hashed whatever its stamp: a
 * write within the file system's time resolution (2 s on FAT, 1 s on some others) after its status was taken leaves
 * the stamp as it was (git's "racily clean" entries).
 */
const RACY_MS = 2000;

/** What makes every entry of a cache valid or not at once (cacheKey). */
export interface CacheKeyOptions {
  /** The specs folder, absolute. */
  readonly specsDir: string;
  /** The folders policy files may come from (VPCE_POLICY_DIRS), absolute. */
  readonly policyDirs: readonly string[];
  /** The region dumps folder, absolute (its files' bytes are in the key). */
  readonly dumpDir: string;
}

export function cacheKey(opts: CacheKeyOptions): string {
  const h = createHash("sha256");
  // paths relative to the working directory, as the findings show them: a cache stays good in another checkout
  const rel = (p: string) => path.relative(process.cwd(), p);
  // and where the folders' links lead: a policy file is read only inside a policy folder's real path
  const real = (p: string) => {
    try {
      return rel(fs.realpathSync(p));
    } catch {
      return null;
    }
  };
  const folders = [opts.specsDir, ...opts.policyDirs];
  h.update(
    JSON.stringify({
      format: FORMAT,
      tool: toolDigest(),
      specsDir: rel(opts.specsDir),
      policyDirs: opts.policyDirs.map(rel),
      real: folders.map(real),
      dumpDir: rel(opts.dumpDir),
    }),
  );
  // every file the dump loader could read (it takes *.json in any case), and more
  h.update(folderDigest(opts.dumpDir, (f) => f.toLowerCase().endsWith(".json")));
  return h.digest("hex");
}

/** A cache read back: the entries whose file and inputs are unchanged are known (SpecOptions.known). */
export class SpecCache {
  private readonly byPath: ReadonlyMap<string, CachedSpec>;
  /** The policy files' stamps as they are now, by path (undefined: gone), taken once per run. */
  private readonly stamps = new Map<string, PolicyStamp | undefined>();

  constructor(
    readonly entries: readonly CachedSpec[],
    /** CacheFile.readAt. */
    private readonly readAt: number,
  ) {
    this.byPath = new Map(entries.map((e) => [e.path, e]));
  }

  /**
   * The entry of a file whose status is as it was when the cache read it (so its bytes are too), unless its times
   * are within RACY_MS of CacheFile.readAt, or later; its policy files checked as by `known`.
   */
  unchanged(file: { path: string; shown: string; stat: fs.Stats }): CachedSpec | undefined {
    const e = this.byPath.get(file.path);
    const t = e?.stamp;
    const { stat } = file;
    if (!e || !t || e.summary.file !== file.shown) return undefined;
    if (t.size !== stat.size || t.mtimeMs !== stat.mtimeMs || t.ctimeMs !== stat.ctimeMs || t.ino !== stat.ino)
      return undefined;
    if (Math.max(stat.mtimeMs, stat.ctimeMs) > this.readAt - RACY_MS) return undefined;
    return this.policiesUnchanged(e) ? e : undefined;
  }

  /** The entry of a file with these bytes, when its policy files are unchanged too and it is shown the same way. */
  known(file: { path: string; shown: string; digest: string }): CachedSpec | undefined {
    const e = this.byPath.get(file.path);
    if (!e || e.digest !== file.digest || e.summary.file !== file.shown) return undefined;
    return this.policiesUnchanged(e) ? e : undefined;
  }

  private policiesUnchanged(e: CachedSpec): boolean {
    return e.policies.every((p) => {
      // many specs often name the same few policy files: each is read once
      if (!this.stamps.has(p.path)) this.stamps.set(p.path, policyStamp(p.path));
      const now = this.stamps.get(p.path);
      return now?.digest === p.digest && now.real === p.real;
    });
  }
}

/** Why a cache was not read: none yet, written with other inputs, or not a cache vpce can read. */
export type CacheMiss = "absent" | "stale" | "unreadable";

export function readSpecCache(opts: { outDir: string; key: string }): SpecCache | CacheMiss {
  let text: string;
  try {
    text = fs.readFileSync(path.join(opts.outDir, SPEC_CACHE_FILE), "utf8");
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ENOENT" ? "absent" : "unreadable";
  }
  let data: CacheFile;
  try {
    data = JSON.parse(text) as CacheFile;
  } catch {
    return "unreadable";
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return "unreadable";
  if (data.format !== FORMAT || data.key !== opts.key) return "stale";
  if (typeof data.readAt !== "number" || !Array.isArray(data.specs) || !data.specs.every(isCachedSpec))
    return "unreadable";
  return new SpecCache(
    data.specs.map((e) => relocated(e, (p) => path.resolve(p))),
    data.readAt,
  );
}

/** Every field of an entry has the type vpce writes (a file edited by hand or by another tool is not trusted). */
function isCachedSpec(e: unknown): e is CachedSpec {
  const o = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
  const str = (x: unknown): x is string => typeof x === "string";
  const num = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
  const list = <T>(x: unknown, item: (y: unknown) => y is T): x is T[] => Array.isArray(x) && x.every(item);
  const pos = (x: unknown) => o(x) && num(x.line) && num(x.col);
  const stamp = (x: unknown) => o(x) && num(x.size) && num(x.mtimeMs) && num(x.ctimeMs) && num(x.ino);
  const policy = (x: unknown): x is PolicyStamp => o(x) && str(x.path) && str(x.real) && str(x.digest);
  const diagnostic = (x: unknown): x is Diagnostic =>
    o(x) &&
    str(x.code) &&
    (x.severity === "error" || x.severity === "warning" || x.severity === "info") &&
    str(x.file) &&
    str(x.path) &&
    str(x.message) &&
    (x.pos === undefined || pos(x.pos)) &&
    (x.hint === undefined || str(x.hint)) &&
    (x.suggestions === undefined || list(x.suggestions, str)) &&
    (x.subnets === undefined || list(x.subnets, str));
  const spoke = (x: unknown): x is SpecSummary["spokes"][number] =>
    o(x) && str(x.vpc) && str(x.hub) && o(x.useHub) && str(x.useHub.path) && pos(x.useHub.pos);
  const summary = (x: unknown): x is SpecSummary =>
    o(x) &&
    str(x.stack) &&
    str(x.file) &&
    str(x.path) &&
    str(x.region) &&
    (x.account === undefined || str(x.account)) &&
    list(x.policies, str) &&
    list(x.ids, str) &&
    pos(x.vpcsAt) &&
    list(x.spokes, spoke);
  return (
    o(e) &&
    str(e.path) &&
    str(e.digest) &&
    (e.stamp === undefined || stamp(e.stamp)) &&
    list(e.policies, policy) &&
    list(e.diagnostics, diagnostic) &&
    summary(e.summary) &&
    num(e.gateways)
  );
}

/** An entry with its paths mapped (kept relative to the working directory in the file, absolute in memory). */
function relocated(e: CachedSpec, map: (p: string) => string): CachedSpec {
  return {
    ...e,
    path: map(e.path),
    policies: e.policies.map((p) => ({ ...p, path: map(p.path), real: map(p.real) })),
    summary: { ...e.summary, path: map(e.summary.path), policies: e.summary.policies.map(map) },
  };
}

/** A spec file's entry, to write: what the synth found of it. */
export interface SpecEntry {
  readonly path: string;
  readonly digest: string;
  /** The policy files its findings came from, as they were read (policyStamps, or its known entry's). */
  readonly policies: readonly PolicyStamp[];
  /** Its status when it was read. */
  readonly stat?: fs.Stats;
  readonly diagnostics: readonly Diagnostic[];
  readonly summary: SpecSummary;
  readonly gateways: number;
}

/**
 * Writes the cache (replacing it whole, through a temporary file so a reader never sees half of it). `readAt`: when
 * the run began to look at the specs, before any status or byte was read (CacheFile.readAt).
 */
export function writeSpecCache(opts: {
  outDir: string;
  key: string;
  readAt: number;
  specs: readonly SpecEntry[];
}): void {
  const specs: CachedSpec[] = opts.specs.map((s) =>
    relocated(
      {
        path: s.path,
        digest: s.digest,
        ...(s.stat
          ? { stamp: { size: s.stat.size, mtimeMs: s.stat.mtimeMs, ctimeMs: s.stat.ctimeMs, ino: s.stat.ino } }
          : {}),
        policies: s.policies,
        diagnostics: s.diagnostics,
        summary: s.summary,
        gateways: s.gateways,
      },
      (p) => path.relative(process.cwd(), p),
    ),
  );
  const file = path.join(opts.outDir, SPEC_CACHE_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const written: CacheFile = { format: FORMAT, key: opts.key, readAt: opts.readAt, specs };
  fs.writeFileSync(tmp, JSON.stringify(written));
  fs.renameSync(tmp, file);
}

function policyStamp(file: string): PolicyStamp | undefined {
  try {
    const real = fs.realpathSync(file);
    return { path: file, real, digest: createHash("sha256").update(fs.readFileSync(real)).digest("hex") };
  } catch {
    return undefined;
  }
}

/**
 * vpce's own code (every file of the source folder this module is in: src/ under ts-node, dist/src/ built; the
 * bundle's bytes in dist/vpce.js) and its package.json (the exact pins of the libraries that read YAML, CIDRs and
 * JSON): a cache written by other code is never read.
 */
function toolDigest(): string {
  const h = createHash("sha256");
  // bundled (dist/vpce.js, scripts/bundle.js, which bin/vpce.js and cdktf synth run), this code is one file: that
  // file's bytes, the packages' code in it too
  const bundled = typeof VPCE_BUNDLED !== "undefined";
  const sourceRoot = bundled ? __dirname : path.resolve(__dirname, "..");
  h.update(bundled ? fs.readFileSync(__filename) : folderDigest(sourceRoot, (f) => !f.endsWith(".map")));
  for (let dir = sourceRoot; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg)) {
      h.update(fs.readFileSync(pkg));
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  return h.digest("hex");
}

/** SHA-256 over the relative names and bytes of the files below `dir` that `take` accepts; "" when it is missing. */
function folderDigest(dir: string, take: (file: string) => boolean): string {
  const files: string[] = [];
  const walk = (d: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (take(e.name)) files.push(full);
    }
  };
  walk(dir);
  const h = createHash("sha256");
  for (const f of files.sort(compareStrings)) {
    h.update(`${path.relative(dir, f)}\0`);
    h.update(fs.readFileSync(f));
    h.update("\0");
  }
  return h.digest("hex");
}

/**
 * The known files a scoped synth loads after all: every file whose findings or plan could differ from what the
 * cache says, given the files loaded anyway (new or changed since the cache: `loaded`). Among the cached files the
 * across-files rules found nothing (see the top of this file), so what a changed file can concern is:
 *  - a file with its stack name (any case) or one of its VPC or subnet ids: a duplicate;
 *  - a file it names as hub, or one naming its stack as hub, under its new name or its old one (a rename or a
 *    deletion leaves a spoke naming a hub that is gone): the hub references; and when a spec to load names a hub
 *    that no spec is, every file (that error's suggestions are every stack's name);
 *  - the files the selected stacks are planned from: the selected stacks (`selected`), with everything tied to them
 *    by hub relations (a hub is planned with all its spokes, a spoke with its hub).
 * Every file tied by hub relations to one loaded is loaded too, so the hub topology is whole for each.
 */
export function specsToLoad(opts: {
  /** Every spec now: loaded or known. */
  readonly summaries: readonly SpecSummary[];
  /** The files loaded anyway (absolute paths). */
  readonly loaded: ReadonlySet<string>;
  /** What the cache says of the files loaded anyway and of the files gone since: their stacks as they were. */
  readonly previous: readonly SpecSummary[];
  /** The stacks to plan. */
  readonly selected: ReadonlySet<string>;
}): Set<string> {
  const { summaries } = opts;
  const want = new Set<string>(opts.loaded);
  const byStack = new Map<string, SpecSummary[]>();
  const byLowerStack = new Map<string, SpecSummary[]>();
  const byId = new Map<string, SpecSummary[]>();
  const spokesOf = new Map<string, SpecSummary[]>();
  const push = (m: Map<string, SpecSummary[]>, k: string, s: SpecSummary) => {
    const list = m.get(k);
    if (list) list.push(s);
    else m.set(k, [s]);
  };
  for (const s of summaries) {
    push(byStack, s.stack, s);
    push(byLowerStack, s.stack.toLowerCase(), s);
    for (const id of s.ids) push(byId, id, s);
    for (const hub of new Set(s.spokes.map((x) => x.hub))) push(spokesOf, hub, s);
  }
  const hubStacks = (s: SpecSummary) => [...new Set(s.spokes.map((x) => x.hub))];
  for (const s of summaries) {
    if (opts.selected.has(s.stack)) want.add(s.path);
    if (!opts.loaded.has(s.path)) continue;
    for (const t of byLowerStack.get(s.stack.toLowerCase()) ?? []) want.add(t.path);
    for (const id of s.ids) for (const t of byId.get(id) ?? []) want.add(t.path);
  }
  for (const p of opts.previous) {
    for (const t of spokesOf.get(p.stack) ?? []) want.add(t.path);
    for (const hub of hubStacks(p)) for (const t of byStack.get(hub) ?? []) want.add(t.path);
  }
  // whole hub clusters: from each file wanted, its hubs and their spokes, its spokes and their hubs
  const byPath = new Map(summaries.map((s) => [s.path, s]));
  const queue = [...want];
  while (queue.length > 0) {
    const s = byPath.get(queue.pop() as string);
    if (!s) continue;
    const tied = [...hubStacks(s).flatMap((h) => byStack.get(h) ?? []), ...(spokesOf.get(s.stack) ?? [])];
    for (const t of tied)
      if (!want.has(t.path)) {
        want.add(t.path);
        queue.push(t.path);
      }
  }
  // a spec naming a hub that no spec is: an error whose suggestions come from every stack name read, so every
  // spec is loaded (the run fails anyway)
  for (const p of want) if (byPath.get(p)?.spokes.some((x) => !byStack.has(x.hub))) return new Set(byPath.keys());
  return want;
}
