/**
 * startChangedFilesSince: git run in the background gives what changedFilesSince gives, and every failure falls
 * back to changedFilesSince itself, so its errors are the same.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { changedFilesSince, startChangedFilesSince } from "../../src/cli/changed-files";
import { canonicalPath } from "../../src/canonical-path";
import { git, tmpDir } from "../helpers";

// the modules themselves (an `import * as` gives a copy whose functions cannot be spied on); the code under test
// reads their functions at each call
const realFs = jest.requireActual<typeof import("node:fs")>("node:fs");
const realChildProcess = jest.requireActual<typeof import("node:child_process")>("node:child_process");
const realOs = jest.requireActual<typeof import("node:os")>("node:os");
const SYSTEM_TMP = os.tmpdir();

/** Names git prints quoted or escaped outside `-z`: a space, a line break, a letter outside ASCII. */
const ODD_NAMES = ["with space.yaml", "line\nbreak.yaml", "naïve.yaml"];

/**
 * A repository with one file of each kind git reports (or does not) against HEAD, and untracked files of odd names;
 * in `top` when given (a new folder otherwise).
 */
function repository(top = tmpDir()): string {
  const files: Record<string, string> = {
    ".gitignore": "ignored.txt\n",
    "specs/same.yaml": "a: 1\n",
    "specs/edited.yaml": "a: 1\n",
    "specs/deleted.yaml": "a: 1\n",
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(top, rel)), { recursive: true });
    fs.writeFileSync(path.join(top, rel), text);
  }
  git(top, "init", "-q");
  git(top, "add", ".");
  git(top, "commit", "-q", "-m", "base");
  fs.writeFileSync(path.join(top, "specs/edited.yaml"), "a: 2\n");
  fs.rmSync(path.join(top, "specs/deleted.yaml"));
  fs.writeFileSync(path.join(top, "specs/staged.yaml"), "a: 1\n");
  git(top, "add", "specs/staged.yaml");
  fs.writeFileSync(path.join(top, "specs/untracked.yaml"), "a: 1\n");
  fs.writeFileSync(path.join(top, "ignored.txt"), "x\n");
  for (const name of ODD_NAMES) fs.writeFileSync(path.join(top, "specs", name), "a: 1\n");
  return top;
}

/** The files git reports in a repository(): tracked changes and untracked files, not the ignored one. */
const REPORTED = ["deleted.yaml", "edited.yaml", "staged.yaml", "untracked.yaml", ...ODD_NAMES];

/** Runs `f`; with what it returns, the folders it made (mkdtempSync) and those of them still there after it. */
function withFolders<T>(f: () => T): { value: T; made: string[]; left: string[] } {
  const mkdtemp = jest.spyOn(realFs, "mkdtempSync");
  try {
    const value = f();
    const made = mkdtemp.mock.results.map((r) => r.value as string);
    return { value, made, left: made.filter((d) => fs.existsSync(d)) };
  } finally {
    mkdtemp.mockRestore();
  }
}

/** The message of what `f` throws. */
function thrown(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error");
}

afterEach(() => jest.restoreAllMocks());

const onPosix = process.platform === "win32" ? test.skip : test;

onPosix("the background run gives changedFilesSince's answer, without running git in the foreground", () => {
  const top = repository();
  const dir = path.join(top, "specs");
  const expected = changedFilesSince({ ref: "HEAD", dir });
  expect([...expected.files].sort()).toEqual(REPORTED.map((n) => canonicalPath(path.join(top, "specs", n))).sort());
  const foreground = jest.spyOn(realChildProcess, "spawnSync");
  const r = withFolders(() => startChangedFilesSince({ ref: "HEAD", dir }).wait());
  expect(foreground).not.toHaveBeenCalled();
  expect(r.value).toEqual(expected);
  // one folder in the system's temporary folder, gone once the answer is read
  expect(r.made.map((d) => path.dirname(d))).toEqual([os.tmpdir()]);
  expect(r.left).toEqual([]);
});

onPosix.each([
  ["a ref that does not exist", "no-such-ref", (top: string) => path.join(top, "specs")],
  ["a ref that looks like an option", "--output=x", (top: string) => path.join(top, "specs")],
  ["a folder outside any repository", "HEAD", () => tmpDir()],
])("%s: the same error as changedFilesSince, nothing left behind", (_, ref, dirOf) => {
  const dir = dirOf(repository());
  const expected = thrown(() => changedFilesSince({ ref, dir }));
  expect(expected).toMatch(/--changed-since/);
  const r = withFolders(() => thrown(() => startChangedFilesSince({ ref, dir }).wait()));
  expect(r.value).toBe(expected);
  // the background run was tried, except for a ref git would take as an option (refused first)
  expect(r.made).toHaveLength(ref.startsWith("-") ? 0 : 1);
  expect(r.left).toEqual([]);
});

onPosix("a repository whose folder name ends in a space: both ways give the same files, in that folder", () => {
  const top = repository(path.join(tmpDir(), "specs repo "));
  const dir = path.join(top, "specs");
  const expected = changedFilesSince({ ref: "HEAD", dir });
  expect(expected.top).toBe(canonicalPath(top));
  expect(withFolders(() => startChangedFilesSince({ ref: "HEAD", dir }).wait()).value).toEqual(expected);
});

onPosix("a relative temporary folder: the background run still answers", () => {
  const dir = path.join(repository(), "specs");
  const expected = changedFilesSince({ ref: "HEAD", dir });
  const cwd = process.cwd();
  const work = tmpDir();
  fs.mkdirSync(path.join(work, "rel-tmp"));
  process.chdir(work);
  try {
    jest.spyOn(realOs, "tmpdir").mockReturnValue("rel-tmp");
    const foreground = jest.spyOn(realChildProcess, "spawnSync");
    const r = withFolders(() => startChangedFilesSince({ ref: "HEAD", dir }).wait());
    expect(foreground).not.toHaveBeenCalled();
    expect(r.value).toEqual(expected);
    expect(fs.readdirSync(path.join(work, "rel-tmp"))).toEqual([]);
  } finally {
    process.chdir(cwd);
  }
});

onPosix("the background run cannot start (its folder is gone): changedFilesSince runs, with its error", () => {
  const dir = path.join(tmpDir(), "gone");
  const expected = thrown(() => changedFilesSince({ ref: "HEAD", dir }));
  const foreground = jest.spyOn(realChildProcess, "spawnSync");
  const r = withFolders(() => thrown(() => startChangedFilesSince({ ref: "HEAD", dir }).wait()));
  expect(r.value).toBe(expected);
  expect(foreground).toHaveBeenCalled();
  expect(r.made).toHaveLength(1);
  expect(r.left).toEqual([]);
});

/**
 * Runs `f` with `git` on the PATH the background run is given (the foreground keeps the real git: under jest the
 * test's process.env is a copy that only the background run's environment is built from) being `script`.
 */
function withFakeGit<T>(script: string, f: () => T): T {
  // in the system's temporary folder, whatever a test makes os.tmpdir() say
  const bin = fs.mkdtempSync(path.join(SYSTEM_TMP, "vpce-fake-git-"));
  fs.writeFileSync(path.join(bin, "git"), `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  const was = process.env.PATH;
  process.env.PATH = `${bin}${path.delimiter}${was}`;
  try {
    return f();
  } finally {
    process.env.PATH = was;
  }
}

/** Whether a process is running (a zombie, ended but not yet reaped, is not). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return process.platform !== "linux";
  }
}

const pause = () => new Promise((r) => setTimeout(r, 10));

onPosix(
  "dispose without wait stops the run (git with it) and removes its folder; wait then runs git itself",
  async () => {
    const dir = path.join(repository(), "specs");
    const pidFile = path.join(tmpDir(), "pid");
    // a git that never answers, its pid written whole (renamed into place)
    const started = withFakeGit(`echo $$ > "${pidFile}.tmp" && mv "${pidFile}.tmp" "${pidFile}"\nexec sleep 60`, () =>
      withFolders(() => startChangedFilesSince({ ref: "HEAD", dir })),
    );
    try {
      const until = Date.now() + 10_000;
      while (!fs.existsSync(pidFile) && Date.now() < until) await pause();
      const gitPid = Number(fs.readFileSync(pidFile, "utf8"));
      expect(gitPid).toBeGreaterThan(0);
      expect(started.left).toHaveLength(1);
      started.value.dispose();
      expect(fs.existsSync(started.left[0])).toBe(false);
      while (running(gitPid) && Date.now() < until) await pause();
      expect(running(gitPid)).toBe(false);
      expect(started.value.wait()).toEqual(changedFilesSince({ ref: "HEAD", dir }));
    } finally {
      started.value.dispose();
    }
  },
);

onPosix("a temporary folder inside the working tree: its files are in neither answer", () => {
  const top = repository();
  const dir = path.join(top, "specs");
  const expected = changedFilesSince({ ref: "HEAD", dir });
  const inside = path.join(top, "tmp");
  fs.mkdirSync(inside);
  jest.spyOn(realOs, "tmpdir").mockReturnValue(inside);
  // the background answer, and git in the foreground after a background run that failed (a git that fails there)
  expect(withFolders(() => startChangedFilesSince({ ref: "HEAD", dir }).wait()).value).toEqual(expected);
  const foreground = jest.spyOn(realChildProcess, "spawnSync");
  const failed = withFakeGit("exit 1", () => startChangedFilesSince({ ref: "HEAD", dir }));
  expect(failed.wait()).toEqual(expected);
  expect(foreground).toHaveBeenCalled();
  expect(fs.readdirSync(inside)).toEqual([]);
});
