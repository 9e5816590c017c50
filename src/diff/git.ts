/**
 * The specs as they were at a git ref, read from the repository that holds the specs folder without touching
 * its working tree, index or HEAD: `git ls-tree` lists the files under each folder vpce reads (the specs, the
 * region dumps, the policy folders, where they lie inside the repository), `git cat-file --batch` gives their
 * bytes, and they are written into a temporary folder at the same relative places, where the ordinary pipeline
 * plans them.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { canonicalPath } from "../canonical-path";

/** Why the ref could not be read: a usage problem (not a repository, an unknown ref), never a crash. */
export class GitRefError extends Error {}

export interface SnapshotOptions {
  /** The specs folder (or one spec file), absolute. */
  readonly specs: string;
  readonly ref: string;
  /**
   * Other folders the pipeline reads (region dumps, policy folders), absolute; those outside the repository are
   * left.
   */
  readonly folders: readonly string[];
}

export interface Snapshot {
  /** The commit the ref names. */
  readonly commit: string;
  /** Where a path of the working tree lies in the snapshot; undefined when it is outside the repository. */
  at(p: string): string | undefined;
  /** A snapshot path as the user knows it: `<ref>:<path in the repository>`. */
  shown(p: string): string;
  /** The specs path exists at the ref. */
  readonly hasSpecs: boolean;
  remove(): void;
}

function git(cwd: string, args: string[], input?: Buffer): Buffer {
  return execFileSync("git", ["-C", cwd, ...args], {
    input,
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ["pipe", "pipe", "pipe"],
  });
}

/** Reads the files vpce needs at `ref` into a temporary folder. */
export function snapshotAt(opts: SnapshotOptions): Snapshot {
  const start =
    fs.existsSync(opts.specs) && fs.statSync(opts.specs).isDirectory() ? opts.specs : path.dirname(opts.specs);
  let top: string;
  try {
    top = fs.realpathSync(git(existingAncestor(start), ["rev-parse", "--show-toplevel"]).toString().trim());
  } catch {
    throw new GitRefError(`${start} is not inside a git repository: --base needs the history of the specs.`);
  }
  let commit: string;
  try {
    commit = git(top, ["rev-parse", "--verify", "--quiet", `${opts.ref}^{commit}`])
      .toString()
      .trim();
  } catch {
    throw new GitRefError(
      `unknown git ref "${opts.ref}" in ${top}: give a branch, tag or commit the repository has ` +
        "(in CI, fetch the base first, e.g. actions/checkout with fetch-depth: 0).",
    );
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "vpce-base-"));
  const inRepo = (p: string): string | undefined => {
    const rel = path.relative(top, canonicalPath(p));
    return rel.startsWith("..") || path.isAbsolute(rel) ? undefined : rel;
  };
  // the specs' own folder (a spec file's policies are read from its folder), then the other folders
  const folders = [start, ...opts.folders].flatMap((f) => {
    const rel = inRepo(f);
    return rel === undefined ? [] : [rel];
  });
  const entries = new Map<string, { mode: string; sha: string }>();
  for (const rel of folders) {
    const out = git(top, ["ls-tree", "-r", "-z", "--full-tree", commit, "--", rel === "" ? "." : rel]).toString();
    for (const line of out.split("\0").filter(Boolean)) {
      const tab = line.indexOf("\t");
      const [mode, type, sha] = line.slice(0, tab).split(" ");
      if (type === "blob") entries.set(line.slice(tab + 1), { mode, sha });
    }
  }
  const list = [...entries];
  if (list.length > 0) {
    const batch = git(top, ["cat-file", "--batch"], Buffer.from(list.map(([, e]) => e.sha).join("\n") + "\n"));
    let at = 0;
    for (const [file, e] of list) {
      const nl = batch.indexOf(0x0a, at);
      const size = Number(batch.subarray(at, nl).toString().split(" ")[2]);
      const bytes = batch.subarray(nl + 1, nl + 1 + size);
      at = nl + 1 + size + 1;
      const dest = path.join(root, file);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      if (e.mode === "120000") fs.symlinkSync(bytes.toString(), dest);
      else fs.writeFileSync(dest, bytes);
    }
  }
  const at = (p: string) => {
    const rel = inRepo(p);
    return rel === undefined ? undefined : path.join(root, rel);
  };
  const specsAt = at(opts.specs) as string;
  return {
    commit,
    at,
    shown: (p) => {
      const rel = path.relative(root, p);
      return rel.startsWith("..") || path.isAbsolute(rel) ? p : `${opts.ref}:${rel.split(path.sep).join("/")}`;
    },
    hasSpecs: fs.existsSync(specsAt),
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** The nearest folder of `p` (or `p` itself) that exists: git needs a working directory that does. */
function existingAncestor(p: string): string {
  let d = path.resolve(p);
  while (!fs.existsSync(d) && d !== path.dirname(d)) d = path.dirname(d);
  return d;
}
