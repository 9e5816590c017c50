/**
 * The files changed since a git ref, for `vpce synth --changed-since REF`: `git diff --name-only --no-renames REF`
 * (committed, staged and unstaged changes against REF, both sides of a rename) plus the untracked files git does
 * not ignore, in the repository holding the specs folder. Absolute paths.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { canonicalPath } from "../canonical-path";
import { UsageError } from "./io";

/** git's stdout as bytes (`input` on its stdin); a failure is a usage error saying what was being done. */
function git(opts: { cwd: string; args: readonly string[]; what: string; input?: string }): Buffer {
  const r = spawnSync("git", opts.args, {
    cwd: opts.cwd,
    maxBuffer: 1 << 28,
    ...(opts.input !== undefined ? { input: opts.input } : {}),
  });
  if (r.error)
    throw new UsageError(`--changed-since needs git, which could not be run: ${r.error.message}. Nothing was written.`);
  if (r.status !== 0) {
    const why = r.stderr.toString("utf8").trim() || `exit ${r.status}`;
    throw new UsageError(`--changed-since: ${opts.what} failed in ${opts.cwd}: ${why}. Nothing was written.`);
  }
  return r.stdout;
}

/** What changed since a ref: the repository's top folder and the files (absolute, links resolved). */
export interface ChangedFiles {
  readonly ref: string;
  /** The repository's top folder, as git names it. */
  readonly top: string;
  readonly files: ReadonlySet<string>;
}

/** The files changed since `ref` in the git repository that holds `dir`. */
export function changedFilesSince(opts: { ref: string; dir: string }): ChangedFiles {
  if (opts.ref.startsWith("-"))
    throw new UsageError(`--changed-since takes a git ref (a branch, tag or commit), not "${opts.ref}".`);
  const top = git({ cwd: opts.dir, args: ["rev-parse", "--show-toplevel"], what: "finding the git repository" })
    .toString("utf8")
    .trim();
  // `--end-of-options` keeps a ref that looks like an option from being read as one
  const diff = git({
    cwd: top,
    args: ["diff", "--name-only", "--no-renames", "-z", "--end-of-options", opts.ref, "--"],
    what: `git diff ${opts.ref}`,
  });
  const untracked = git({
    cwd: top,
    args: ["ls-files", "--others", "--exclude-standard", "-z"],
    what: "listing untracked files",
  });
  return {
    ref: opts.ref,
    top,
    files: new Set(
      [...diff.toString("utf8").split("\0"), ...untracked.toString("utf8").split("\0")]
        .filter((f) => f !== "")
        .map((f) => canonicalPath(path.resolve(top, f))),
    ),
  };
}

/**
 * The text of files as they were at the ref (one `git cat-file --batch` for all), by absolute path; a file that did
 * not exist there is absent. `files` are absolute paths under the repository's top folder.
 */
export function filesAtRef(opts: { changed: ChangedFiles; files: readonly string[] }): Map<string, string> {
  const out = new Map<string, string>();
  if (opts.files.length === 0) return out;
  const top = canonicalPath(opts.changed.top);
  // git's batch protocol is a line per name: a name with a line break cannot be asked (it is taken as absent)
  const files = opts.files.filter((f) => !f.includes("\n"));
  const names = files.map((f) => path.relative(top, f).split(path.sep).join("/"));
  const stdout = git({
    cwd: opts.changed.top,
    args: ["cat-file", "--batch"],
    what: `reading the specs as they were at ${opts.changed.ref}`,
    input: names.map((n) => `${opts.changed.ref}:${n}\n`).join(""),
  });
  // per name: "<object> <type> <size>\n<bytes>\n" (a tree too: a folder by that name), or "<name> missing\n"
  let at = 0;
  files.forEach((file) => {
    const eol = stdout.indexOf(10, at);
    const header = /^(?:[0-9a-f]{40}|[0-9a-f]{64}) (\S+) (\d+)$/.exec(stdout.subarray(at, eol).toString("utf8"));
    at = eol + 1;
    // "<name> missing" (or ambiguous): no object, no bytes
    if (!header) return;
    const size = Number(header[2]);
    if (header[1] === "blob") out.set(file, stdout.subarray(at, at + size).toString("utf8"));
    at += size + 1;
  });
  return out;
}
