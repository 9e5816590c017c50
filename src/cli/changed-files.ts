/**
 * The files changed since a git ref, for `vpce synth --changed-since REF`: `git diff --name-only --no-renames REF`
 * (committed, staged and unstaged changes against REF, both sides of a rename) plus the untracked files git does
 * not ignore, in the repository holding the specs folder. Absolute paths.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { canonicalPath } from "../canonical-path";
import { UsageError } from "./io";

function git(opts: { cwd: string; args: readonly string[]; what: string }): string {
  const r = spawnSync("git", opts.args, { cwd: opts.cwd, encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.error)
    throw new UsageError(`--changed-since needs git, which could not be run: ${r.error.message}. Nothing was written.`);
  if (r.status !== 0)
    throw new UsageError(
      `--changed-since: ${opts.what} failed in ${opts.cwd}: ${r.stderr.trim() || `exit ${r.status}`}. ` +
        "Nothing was written.",
    );
  return r.stdout;
}

/** Absolute paths of the files changed since `ref` in the git repository that holds `dir`. */
export function changedFilesSince(opts: { ref: string; dir: string }): Set<string> {
  if (opts.ref.startsWith("-"))
    throw new UsageError(`--changed-since takes a git ref (a branch, tag or commit), not "${opts.ref}".`);
  const top = git({ cwd: opts.dir, args: ["rev-parse", "--show-toplevel"], what: "finding the git repository" }).trim();
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
  return new Set(
    [...diff.split("\0"), ...untracked.split("\0")]
      .filter((f) => f !== "")
      .map((f) => canonicalPath(path.resolve(top, f))),
  );
}
