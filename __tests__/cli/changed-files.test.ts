/**
 * startChangedFilesSince: git run in the background gives what changedFilesSince gives, and every failure falls
 * back to changedFilesSince itself, so its errors are the same.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { changedFilesSince, startChangedFilesSince } from "../../src/cli/changed-files";
import { canonicalPath } from "../../src/canonical-path";
import { git, tmpDir, writeTree } from "../helpers";

// the modules themselves (an `import * as` gives a copy whose functions cannot be spied on); the code under test
// reads their functions at each call
const realFs = jest.requireActual<typeof import("node:fs")>("node:fs");
const realChildProcess = jest.requireActual<typeof import("node:child_process")>("node:child_process");

/** A repository with one file of each kind git reports (or does not) against HEAD. */
function repository(): string {
  const top = writeTree({
    ".gitignore": "ignored.txt\n",
    "specs/same.yaml": "a: 1\n",
    "specs/edited.yaml": "a: 1\n",
    "specs/deleted.yaml": "a: 1\n",
  });
  git(top, "init", "-q");
  git(top, "add", ".");
  git(top, "commit", "-q", "-m", "base");
  fs.writeFileSync(path.join(top, "specs/edited.yaml"), "a: 2\n");
  fs.rmSync(path.join(top, "specs/deleted.yaml"));
  fs.writeFileSync(path.join(top, "specs/staged.yaml"), "a: 1\n");
  git(top, "add", "specs/staged.yaml");
  fs.writeFileSync(path.join(top, "specs/untracked.yaml"), "a: 1\n");
  fs.writeFileSync(path.join(top, "ignored.txt"), "x\n");
  return top;
}

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
  expect([...expected.files].sort()).toEqual(
    ["deleted", "edited", "staged", "untracked"].map((n) => canonicalPath(path.join(top, "specs", `${n}.yaml`))),
  );
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
  expect(r.left).toEqual([]);
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

onPosix("dispose without wait removes the run's folder", () => {
  const dir = path.join(repository(), "specs");
  const started = withFolders(() => startChangedFilesSince({ ref: "HEAD", dir }));
  expect(started.left).toHaveLength(1);
  started.value.dispose();
  expect(fs.existsSync(started.left[0])).toBe(false);
});
