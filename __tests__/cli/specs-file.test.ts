/** --specs (and VPCE_SPECS) take one spec file as well as a folder. */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { BASE, ROOT, tmpDir, writeTree } from "../helpers";
import { vpce } from "./run";

const SPECS = path.join(ROOT, "specs");
const two = () =>
  writeTree({
    "one.yaml": BASE.replace("stack: base", "stack: one"),
    "two.yaml": BASE.replace("stack: base", "stack: two")
      .replace("vpc-0123456789abcdef0", "vpc-0123456789abcdef9")
      .replace(/subnet-0(a|b)/g, "subnet-0e"),
  });
const manifestStacks = (out: string) =>
  Object.keys(JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8")).stacks);

test("plan and validate of one spec file: that spec alone, one stack", () => {
  const file = path.join(SPECS, "ssm-fleet.yaml");
  const j = JSON.parse(vpce(["plan", "--specs", file, "--format", "json"]).out);
  expect(j.stacks.map((s: { stack: string }) => s.stack)).toEqual(["ssm-fleet"]);
  const r = vpce(["validate"], { env: { VPCE_SPECS: file } });
  expect(r.code).toBe(0);
  expect(r.err).toMatch(/in 1 stack\(s\)$/);
  expect(r.err).not.toMatch(/eks-platform/);
});

test("a .yml file, any case of the extension", () => {
  const dir = writeTree({ "a.YML": BASE });
  expect(vpce(["validate", "--specs", path.join(dir, "a.YML")]).code).toBe(0);
});

describe("a file that is not a spec: a usage error, exit 2", () => {
  const file = () => path.join(writeTree({ "notes.txt": BASE }), "notes.txt");
  const message = (from: string, f: string) =>
    `vpce: ${from} "${f}" is a file but not a spec: give a folder of specs or one *.yaml or *.yml file.`;

  test("--specs", () => {
    const f = file();
    const r = vpce(["plan", "--specs", f]);
    expect(r).toEqual({ code: 2, out: "", err: message("--specs", f) });
  });

  test("VPCE_SPECS, in synth", () => {
    const f = file();
    const out = path.join(tmpDir(), "never");
    expect(vpce(["synth", "--out", out], { env: { VPCE_SPECS: f } })).toEqual({
      code: 2,
      out: "",
      err: message("VPCE_SPECS", f),
    });
    expect(fs.existsSync(out)).toBe(false);
  });
});

test("a spec file that does not exist: SPECS_DIR_MISSING, exit 1, as a missing folder", () => {
  const r = vpce(["plan", "--specs", path.join(tmpDir(), "gone.yaml")]);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/error SPECS_DIR_MISSING/);
});

test("synth of one spec file keeps the other stacks' files; a synth of the folder prunes again", () => {
  const specs = two();
  const out = tmpDir();
  expect(vpce(["synth", "--specs", specs, "--out", out]).code).toBe(0);
  const twoStack = path.join(out, "stacks", "two", "cdk.tf.json");
  const before = fs.readFileSync(twoStack, "utf8");
  fs.writeFileSync(path.join(specs, "one.yaml"), BASE.replace("stack: base", "stack: one").replace("ssm]", "kms]"));

  const r = vpce(["synth", "--specs", path.join(specs, "one.yaml"), "--out", out]);
  expect(r.code).toBe(0);
  expect(r.err).not.toMatch(/no spec any more/);
  expect(r.err).toMatch(/vpce: 1 stack\(s\) written to /);
  expect(fs.readFileSync(path.join(out, "stacks", "one", "cdk.tf.json"), "utf8")).toMatch(/\.kms"/);
  expect(fs.readFileSync(twoStack, "utf8")).toBe(before);
  expect(manifestStacks(out)).toEqual(["one", "two"]);

  // The manifest still knows stack two, so the folder's synth removes it once its spec is gone.
  fs.rmSync(path.join(specs, "two.yaml"));
  const all = vpce(["synth", "--specs", specs, "--out", out]);
  expect(all.err).toMatch(/stack two has no spec any more/);
  expect(fs.existsSync(twoStack)).toBe(false);
  expect(manifestStacks(out)).toEqual(["one"]);
});

test("main.ts (what cdktf synth runs) with VPCE_SPECS naming one file: that stack alone, nothing pruned", () => {
  const specs = two();
  const out = tmpDir();
  expect(vpce(["synth", "--specs", specs, "--out", out]).code).toBe(0);
  const r = spawnSync(process.execPath, [path.join(ROOT, "dist", "main.js")], {
    env: { ...process.env, VPCE_SPECS: path.join(specs, "two.yaml"), CDKTF_OUTDIR: out },
    encoding: "utf8",
  });
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(/vpce: 1 stack\(s\) written to /);
  expect(fs.existsSync(path.join(out, "stacks", "one", "cdk.tf.json"))).toBe(true);
  expect(manifestStacks(out)).toEqual(["one", "two"]);
});
