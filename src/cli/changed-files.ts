/**
 * The files changed since a git ref, for `vpce synth --changed-since REF`: `git diff --name-only --no-renames REF`
 * (committed, staged and unstaged changes against REF, both sides of a rename) plus the untracked files git does
 * not ignore, in the repository holding the specs folder. Absolute paths.
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
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
  return changedFiles({ ref: opts.ref, top, diff, untracked });
}

/** The answer of changedFilesSince from git's outputs: the top folder, `git diff -z` and `git ls-files -z`. */
function changedFiles(opts: { ref: string; top: string; diff: Buffer; untracked: Buffer }): ChangedFiles {
  const { top } = opts;
  return {
    ref: opts.ref,
    top,
    files: new Set(
      [...opts.diff.toString("utf8").split("\0"), ...opts.untracked.toString("utf8").split("\0")]
        .filter((f) => f !== "")
        .map((f) => canonicalPath(path.resolve(top, f))),
    ),
  };
}

/** changedFilesSince started beside other work: `wait` gives its answer (or throws its error); `dispose` cleans up. */
export interface StartedChangedFiles {
  wait(): ChangedFiles;
  /** Removes what the background run left, whether `wait` was called or not (the run is not stopped). */
  dispose(): void;
}

/**
 * The three git commands of changedFilesSince, run by `sh` with their outputs in files of the folder `$VPCE_GIT_OUT`;
 * `status` is written last (by a rename, so it is whole when seen): 0 when all three succeeded.
 */
const BACKGROUND_GIT = [
  'd="$VPCE_GIT_OUT"',
  'end() { printf %s "$1" > "$d/status.tmp" && mv "$d/status.tmp" "$d/status"; exit 0; }',
  "top=$(git rev-parse --show-toplevel) || end 1",
  'printf %s "$top" > "$d/top" && cd "$top" || end 1',
  'git diff --name-only --no-renames -z --end-of-options "$VPCE_GIT_REF" -- > "$d/diff" || end 1',
  'git ls-files --others --exclude-standard -z > "$d/untracked" || end 1',
  "end 0",
].join("\n");

/** How long `wait` waits for the background run before running git itself (the run is then taken as lost). */
const BACKGROUND_LIMIT_MS = 120_000;

/**
 * changedFilesSince, started now in a child process so that git runs on another core while the specs load: on a
 * fresh checkout git re-reads every file whose status it cannot trust (about 30 ms for 300 specs), and the three
 * commands took about 13 ms of a one-file CI otherwise. `wait` blocks until the answer is there. Wherever the
 * background run cannot start or does not succeed (no `sh`, Windows, a bad ref, no repository), `wait` runs
 * changedFilesSince itself, so the answer and every error are exactly its.
 */
export function startChangedFilesSince(opts: { ref: string; dir: string }): StartedChangedFiles {
  const inline: StartedChangedFiles = { wait: () => changedFilesSince(opts), dispose: () => undefined };
  if (opts.ref.startsWith("-") || process.platform === "win32") return inline;
  let out: string;
  try {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "vpce-git-"));
  } catch {
    return inline;
  }
  const dispose = () => fs.rmSync(out, { recursive: true, force: true });
  const child = spawn("sh", ["-c", BACKGROUND_GIT], {
    cwd: opts.dir,
    stdio: "ignore",
    env: { ...process.env, VPCE_GIT_OUT: out, VPCE_GIT_REF: opts.ref },
  });
  // a failure to start is also emitted, later: seen here (no pid), it must not become an unhandled error event
  child.on("error", () => undefined);
  if (child.pid === undefined) {
    dispose();
    return inline;
  }
  // vpce need not wait for the run at exit (an error before `wait` ends the command)
  child.unref();
  const read = (name: string) => fs.readFileSync(path.join(out, name));
  return {
    wait() {
      try {
        const status = path.join(out, "status");
        const deadline = Date.now() + BACKGROUND_LIMIT_MS;
        // synchronous like the rest of the command: a 1 ms sleep per look
        const nap = new Int32Array(new SharedArrayBuffer(4));
        while (!fs.existsSync(status) && Date.now() < deadline) Atomics.wait(nap, 0, 0, 1);
        if (!fs.existsSync(status) || fs.readFileSync(status, "utf8") !== "0") return changedFilesSince(opts);
        const top = read("top").toString("utf8").trim();
        return changedFiles({ ref: opts.ref, top, diff: read("diff"), untracked: read("untracked") });
      } finally {
        dispose();
      }
    },
    dispose,
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
