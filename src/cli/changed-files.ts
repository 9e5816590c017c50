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
  // git's line break only: a folder's name may end in spaces
  const top = git({ cwd: opts.dir, args: ["rev-parse", "--show-toplevel"], what: "finding the git repository" })
    .toString("utf8")
    .replace(/\n$/, "");
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

/** changedFilesSince started beside other work. */
export interface StartedChangedFiles {
  /** Its answer, or its error; called again (or after dispose), it runs changedFilesSince. */
  wait(): ChangedFiles;
  /** Stops a run `wait` was not called for and removes what it left (a no-op after `wait`). */
  dispose(): void;
}

/**
 * The three git commands of changedFilesSince, run by `sh` with their outputs in files of the folder `$VPCE_GIT_OUT`:
 * `ok` is made once all three succeeded, `done` last whatever happened. The top folder is kept to its last byte:
 * `$(...)` would drop every trailing line break, so an `x` is printed after git's one and both are taken off.
 */
const BACKGROUND_GIT = [
  'd="$VPCE_GIT_OUT"',
  'top=$(git rev-parse --show-toplevel && printf x) && [ "${#top}" -ge 2 ] && top="${top%?x}" &&',
  '  printf %s "$top" > "$d/top" &&',
  '  cd "$top" &&',
  '  git diff --name-only --no-renames -z --end-of-options "$VPCE_GIT_REF" -- > "$d/diff" &&',
  '  git ls-files --others --exclude-standard -z > "$d/untracked" &&',
  '  : > "$d/ok"',
  ': > "$d/done"',
].join("\n");

/** Whether `/proc/<pid>/stat` can be read here (Linux with /proc mounted); asked once. */
let procReadable: boolean | undefined;

/** How long `wait` waits for the background run before running git itself (the run is then taken as lost). */
const BACKGROUND_LIMIT_MS = 120_000;

/**
 * Whether a child process has ended, where the system says so without the event loop (Linux: `/proc/<pid>/stat`
 * shows it as a zombie until Node reaps it); undefined where it cannot tell.
 */
function ended(pid: number): boolean | undefined {
  // only a /proc of this process's own pid namespace is trusted: its own entry must be there under its own pid
  procReadable ??= process.platform === "linux" && readOr(`/proc/${process.pid}/stat`).startsWith(`${process.pid} `);
  if (!procReadable) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // "<pid> (<command>) <state> ...": the command may hold spaces and parentheses, the state follows the last ")"
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z";
  } catch {
    return true;
  }
}

/** A file's text, or "" when it cannot be read. */
function readOr(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/**
 * changedFilesSince, started now in a child process so that git runs on another core while the specs load: on a
 * fresh checkout git re-reads every file whose status it cannot trust (about 30 ms for 300 specs), and the three
 * commands took about 13 ms of a one-file CI otherwise. `wait` blocks until the answer is there. Wherever the
 * background run cannot start, does not succeed or ends without saying so (no `sh`, Windows, a bad ref, no
 * repository, a full temporary folder), `wait` runs changedFilesSince itself, so the answer and every error are
 * exactly its. `dispose` stops a run nobody waited for (an error came first): no git is left running after vpce.
 */
export function startChangedFilesSince(opts: { ref: string; dir: string }): StartedChangedFiles {
  const inline: StartedChangedFiles = { wait: () => changedFilesSince(opts), dispose: () => undefined };
  if (opts.ref.startsWith("-") || process.platform === "win32") return inline;
  let out: string;
  try {
    // absolute: the child resolves it from other folders (a relative TMPDIR)
    out = path.resolve(fs.mkdtempSync(path.join(os.tmpdir(), "vpce-git-")));
  } catch {
    return inline;
  }
  const remove = () => {
    try {
      fs.rmSync(out, { recursive: true, force: true });
    } catch {
      // a run still writing there (stopped by dispose): what is left is small and in the temporary folder
    }
  };
  let child: ReturnType<typeof spawn>;
  try {
    child = spawn("sh", ["-c", BACKGROUND_GIT], {
      cwd: opts.dir,
      stdio: "ignore",
      env: { ...process.env, VPCE_GIT_OUT: out, VPCE_GIT_REF: opts.ref },
      // its own process group, so that dispose stops git with it
      detached: true,
    });
  } catch {
    // some failures to start (a working folder that is not one) are thrown, not emitted
    remove();
    return inline;
  }
  // the others are emitted, later: seen here (no pid), they must not become an unhandled error event
  child.on("error", () => undefined);
  const pid = child.pid;
  if (pid === undefined) {
    remove();
    return inline;
  }
  // vpce need not wait for the run at exit (an error before `wait` ends the command; dispose stops the run)
  child.unref();
  let settled = false;
  const has = (name: string) => fs.existsSync(path.join(out, name));
  const read = (name: string) => fs.readFileSync(path.join(out, name));
  /** Stops the run unless it is over, then removes its folder: nothing of it outlives its answer. */
  const stop = () => {
    // not reaped by Node yet, so its process group id is still its own (never another process's)
    if (!has("done") && child.exitCode === null && child.signalCode === null)
      try {
        process.kill(-pid, "SIGTERM");
      } catch {
        // its group is gone already
      }
    remove();
  };
  return {
    wait() {
      if (settled) return changedFilesSince(opts);
      settled = true;
      const deadline = performance.now() + BACKGROUND_LIMIT_MS;
      // synchronous like the rest of the command: a 1 ms sleep per look
      const nap = new Int32Array(new SharedArrayBuffer(4));
      while (!has("done") && ended(pid) !== true && performance.now() < deadline) Atomics.wait(nap, 0, 0, 1);
      // (taken while the folder exists: links in its path resolved as in the answer's paths)
      const own = canonicalPath(out) + path.sep;
      let answer: ChangedFiles | undefined;
      if (has("ok"))
        try {
          const top = read("top").toString("utf8");
          answer = changedFiles({ ref: opts.ref, top, diff: read("diff"), untracked: read("untracked") });
        } catch {
          // unreadable: asked again below
        }
      // the run stopped and its folder gone before git runs in the foreground (the folder may lie in the working tree)
      stop();
      if (!answer) return changedFilesSince(opts);
      // a temporary folder inside the working tree is untracked: its files are the run's, not the change's
      return { ...answer, files: new Set([...answer.files].filter((f) => !f.startsWith(own))) };
    },
    dispose() {
      if (settled) return;
      settled = true;
      stop();
    },
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
