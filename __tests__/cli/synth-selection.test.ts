/**
 * `vpce synth --stack NAME... / --changed-since REF`: only the selected stacks are written; every other stack's
 * files stay byte for byte, untouched (same mtime), and its manifest entry stays; validation still covers every
 * spec; only the selected stacks are planned, with the same bytes as a full synth. --changed-since runs on a real
 * temporary git repository.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import { BASE, edit, git, tmpDir } from "../helpers";
import { hubSpec, spokeSpec } from "../hub-support";
import { vpce } from "./run";

const POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::acme-*/*" }],
});

/** Three stacks (one, two, three) in their own VPCs; `two` reads policies/s3.json. */
function writeSpecs(dir: string): void {
  const spec = (stack: string, n: number) =>
    BASE.replace("stack: base", `stack: ${stack}`)
      .replace("vpc-0123456789abcdef0", `vpc-012345678${n}abcdef0`)
      .replace(/subnet-0(a|b)/g, `subnet-0${n}`);
  fs.mkdirSync(path.join(dir, "policies"), { recursive: true });
  fs.writeFileSync(path.join(dir, "one.yaml"), spec("one", 1));
  fs.writeFileSync(
    path.join(dir, "two.yaml"),
    edit(spec("two", 2), "vpcs:\n", "defaults:\n  policy: full-access\nvpcs:\n") +
      "    endpoints:\n      s3: { policy: policies/s3.json }\n",
  );
  fs.writeFileSync(path.join(dir, "three.yaml"), spec("three", 3));
  fs.writeFileSync(path.join(dir, "policies", "s3.json"), POLICY);
}

/** Bytes and mtime of every file under `<out>/stacks/<stack>`. */
function snapshot(out: string, stack: string): Record<string, { bytes: string; mtime: number }> {
  const dir = path.join(out, "stacks", stack);
  return Object.fromEntries(
    fs.readdirSync(dir).map((f) => {
      const full = path.join(dir, f);
      return [f, { bytes: fs.readFileSync(full, "utf8"), mtime: fs.statSync(full).mtimeMs }];
    }),
  );
}

const manifestStacks = (out: string) =>
  Object.keys(JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8")).stacks).sort();

describe("--stack", () => {
  test("writes the named stacks only; the others' files and manifest entries stay as they were", () => {
    const specs = tmpDir();
    writeSpecs(specs);
    const out = path.join(tmpDir(), "out");
    expect(vpce(["synth", "--specs", specs, "--out", out]).code).toBe(0);
    const before = { one: snapshot(out, "one"), three: snapshot(out, "three") };
    const two = snapshot(out, "two");
    // a change to every spec: only the named stack may show it
    for (const f of ["one.yaml", "two.yaml", "three.yaml"])
      fs.writeFileSync(
        path.join(specs, f),
        edit(fs.readFileSync(path.join(specs, f), "utf8"), "10.20.2.0/24", "10.20.4.0/24"),
      );
    const r = vpce(["synth", "--specs", specs, "--out", out, "--stack", "two"]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^vpce: stack two selected: named by --stack$/m);
    expect(r.err).toMatch(
      new RegExp(
        "vpce: 1 of 3 stack\\(s\\) written to .*; " +
          "2 other stack\\(s\\) validated, not planned \\(vpce validate plans all\\)\\)$",
        "m",
      ),
    );
    expect({ one: snapshot(out, "one"), three: snapshot(out, "three") }).toEqual(before);
    expect(snapshot(out, "two")["cdk.tf.json"].bytes).not.toEqual(two["cdk.tf.json"].bytes);
    expect(snapshot(out, "two")["cdk.tf.json"].bytes).toContain("10.20.4.0/24");
    expect(manifestStacks(out)).toEqual(["one", "three", "two"]);
  });

  test("several names; a stack whose spec is gone is not pruned by a selection", () => {
    const specs = tmpDir();
    writeSpecs(specs);
    const out = path.join(tmpDir(), "out");
    vpce(["synth", "--specs", specs, "--out", out]);
    fs.rmSync(path.join(specs, "three.yaml"));
    const r = vpce(["synth", "--specs", specs, "--out", out, "--stack", "one", "two"]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/2 of 2 stack\(s\) written/);
    expect(fs.existsSync(path.join(out, "stacks", "three", "cdk.tf.json"))).toBe(true);
    expect(manifestStacks(out)).toEqual(["one", "three", "two"]);
  });

  test("an unknown stack name is a usage error (exit 2) with the closest names; nothing written", () => {
    const specs = tmpDir();
    writeSpecs(specs);
    const out = path.join(tmpDir(), "out");
    const r = vpce(["synth", "--specs", specs, "--out", out, "--stack", "tow"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /vpce: --stack tow: no spec defines this stack; did you mean two\? Stacks: one, three, two\./,
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  test("an unknown stack name close to none: one sentence ends before the list of stacks", () => {
    const specs = tmpDir();
    writeSpecs(specs);
    const r = vpce(["synth", "--specs", specs, "--out", path.join(tmpDir(), "out"), "--stack", "zzzzzz"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/vpce: --stack zzzzzz: no spec defines this stack\. Stacks: one, three, two\./);
  });

  // three.yaml's subnet lies outside its VPC: three has no model
  test.each([
    { name: "validation still covers every spec: an error in another spec writes nothing", stack: "one" },
    { name: "naming the spec with the error: its findings, not an unknown name", stack: "three" },
  ])("$name", ({ stack }) => {
    const specs = tmpDir();
    writeSpecs(specs);
    fs.writeFileSync(
      path.join(specs, "three.yaml"),
      edit(fs.readFileSync(path.join(specs, "three.yaml"), "utf8"), "cidr: 10.20.1.0/24", "cidr: 10.99.1.0/24"),
    );
    const out = path.join(tmpDir(), "out");
    const r = vpce(["synth", "--specs", specs, "--out", out, "--stack", stack]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/three\.yaml:\d+:\d+: error CIDR_NOT_IN_VPC/);
    expect(r.err).not.toMatch(/no spec defines this stack/);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("--changed-since on a git repository", () => {
  function repo(): { root: string; specs: string; out: string } {
    const root = tmpDir();
    const specs = path.join(root, "specs");
    writeSpecs(specs);
    fs.writeFileSync(path.join(root, "README.md"), "x\n");
    git(root, "init", "-q");
    git(root, "add", ".");
    git(root, "commit", "-q", "-m", "specs");
    const out = path.join(tmpDir(), "out");
    expect(vpce(["synth", "--specs", specs, "--out", out]).code).toBe(0);
    return { root, specs, out };
  }

  test("nothing changed: no stack written, the output stays", () => {
    const { specs, out } = repo();
    const before = ["one", "two", "three"].map((s) => snapshot(out, s));
    const r = vpce(["synth", "--specs", specs, "--out", out, "--changed-since", "HEAD"]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/vpce: no stack selected: nothing was written/);
    expect(["one", "two", "three"].map((s) => snapshot(out, s))).toEqual(before);
  });

  test("a changed spec (uncommitted) and a changed policy file (committed) select their stacks only", () => {
    const { root, specs, out } = repo();
    const three = snapshot(out, "three");
    fs.writeFileSync(path.join(specs, "policies", "s3.json"), POLICY.replace("acme-*/*", "acme-data-*/*"));
    fs.writeFileSync(path.join(root, "README.md"), "y\n");
    git(root, "commit", "-q", "-am", "policy");
    fs.writeFileSync(
      path.join(specs, "one.yaml"),
      edit(fs.readFileSync(path.join(specs, "one.yaml"), "utf8"), "10.20.2.0/24", "10.20.4.0/24"),
    );
    const r = vpce(["synth", "--specs", specs, "--out", out, "--changed-since", "HEAD~1"]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^vpce: stack one selected: \/\S*\/specs\/one\.yaml changed since HEAD~1$/m);
    expect(r.err).toMatch(/stack two selected: .*policies\/s3\.json changed since HEAD~1/);
    expect(r.err).not.toMatch(/stack three selected/);
    expect(r.err).toMatch(/2 of 3 stack\(s\) written/);
    expect(snapshot(out, "three")).toEqual(three);
    expect(snapshot(out, "two")["cdk.tf.json"].bytes).toContain("acme-data-*");
    expect(snapshot(out, "one")["cdk.tf.json"].bytes).toContain("10.20.4.0/24");
  });

  test("an untracked new spec is a changed file", () => {
    const { specs, out } = repo();
    fs.writeFileSync(
      path.join(specs, "four.yaml"),
      BASE.replace("stack: base", "stack: four")
        .replace("vpc-0123456789abcdef0", "vpc-0123456784abcdef0")
        .replace(/subnet-0(a|b)/g, "subnet-04"),
    );
    const r = vpce(["synth", "--specs", specs, "--out", out, "--changed-since", "HEAD"]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/stack four selected: .*four\.yaml changed since HEAD/);
    expect(r.err).toMatch(/1 of 4 stack\(s\) written/);
    expect(manifestStacks(out)).toEqual(["four", "one", "three", "two"]);
  });

  test("an unknown ref, or a folder outside git, is a usage error (exit 2); nothing written", () => {
    const { specs, out } = repo();
    const before = snapshot(out, "one");
    const r = vpce(["synth", "--specs", specs, "--out", out, "--changed-since", "no-such-ref"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /vpce: --changed-since: git diff no-such-ref failed in .*no-such-ref.*Nothing was written\./s,
    );
    expect(snapshot(out, "one")).toEqual(before);
    const plain = tmpDir();
    writeSpecs(plain);
    const r2 = vpce(["synth", "--specs", plain, "--out", path.join(tmpDir(), "o"), "--changed-since", "HEAD"]);
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/--changed-since: finding the git repository failed/);
  });
});

describe("a selection plans only its stacks, checked as in a full synth", () => {
  /** The hub, spokes a-orders and payments (another account), a stack `alone`; committed, fully synthesized. */
  function hubRepo(): { specs: string; out: string } {
    const root = tmpDir();
    const specs = path.join(root, "specs");
    fs.mkdirSync(specs);
    const docs = {
      "network-hub.yaml": hubSpec(),
      "a-orders.yaml": spokeSpec({ stack: "a-orders", n: 30, services: ["kms"] }),
      "payments.yaml": spokeSpec({ stack: "payments", n: 20, services: ["ssm"], account: "222222222222" }),
      "alone.yaml": spokeSpec({ stack: "alone", n: 40, services: ["kms"], edit: (s) => delete s.vpcs[0].useHub }),
    };
    for (const [f, d] of Object.entries(docs)) fs.writeFileSync(path.join(specs, f), stringify(d));
    git(root, "init", "-q");
    git(root, "add", ".");
    git(root, "commit", "-q", "-m", "specs");
    const out = path.join(tmpDir(), "out");
    expect(vpce(["synth", "--specs", specs, "--out", out]).code).toBe(0);
    return { specs, out };
  }
  const stacks = ["a-orders", "alone", "network-hub", "payments"];

  test("a spoke's change writes it and its hub, byte for byte what a full synth writes; the others untouched", () => {
    const { specs, out } = hubRepo();
    const before = Object.fromEntries(stacks.map((s) => [s, snapshot(out, s)]));
    fs.writeFileSync(
      path.join(specs, "a-orders.yaml"),
      stringify(spokeSpec({ stack: "a-orders", n: 30, services: ["kms", "logs"] })),
    );
    const r = vpce(["synth", "--specs", specs, "--out", out, "--changed-since", "HEAD"]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/stack network-hub selected: hub of a-orders \(a-orders is selected\)/);
    expect(r.err).toMatch(/2 of 4 stack\(s\) written/);
    expect(snapshot(out, "alone")).toEqual(before.alone);
    expect(snapshot(out, "payments")).toEqual(before.payments);
    // the hub now admits and associates the spoke for logs too: the same bytes as a full synth of the new specs
    const fresh = path.join(tmpDir(), "fresh");
    expect(vpce(["synth", "--specs", specs, "--out", fresh]).code).toBe(0);
    expect(snapshot(out, "network-hub")["cdk.tf.json"].bytes).not.toEqual(before["network-hub"]["cdk.tf.json"].bytes);
    for (const s of ["a-orders", "network-hub"]) {
      expect(snapshot(out, s)["cdk.tf.json"].bytes).toEqual(snapshot(fresh, s)["cdk.tf.json"].bytes);
    }
  });

  test.each([
    {
      name: "leaves the hub",
      change: (specs: string) =>
        fs.writeFileSync(
          path.join(specs, "payments.yaml"),
          stringify(
            spokeSpec({
              stack: "payments",
              n: 20,
              services: ["ssm"],
              account: "222222222222",
              edit: (x) => delete x.vpcs[0].useHub,
            }),
          ),
        ),
      written: "2 of 4",
    },
    { name: "is deleted", change: (specs: string) => fs.rmSync(path.join(specs, "payments.yaml")), written: "1 of 3" },
  ])(
    "a spoke that $name: the hub it named at the ref is rewritten as a full synth writes it",
    ({ change, written }) => {
      const { specs, out } = hubRepo();
      const before = snapshot(out, "network-hub")["cdk.tf.json"].bytes;
      change(specs);
      const r = vpce(["synth", "--specs", specs, "--out", out, "--changed-since", "HEAD"]);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(/stack network-hub selected: \S*payments\.yaml named it as hub at HEAD/);
      expect(r.err).toMatch(new RegExp(`${written} stack\\(s\\) written`));
      const fresh = path.join(tmpDir(), "fresh");
      expect(vpce(["synth", "--specs", specs, "--out", fresh]).code).toBe(0);
      // the hub no longer admits and associates payments
      const hub = snapshot(out, "network-hub")["cdk.tf.json"].bytes;
      expect(hub).not.toEqual(before);
      expect(hub).toEqual(snapshot(fresh, "network-hub")["cdk.tf.json"].bytes);
    },
  );

  test("a cross-file error the changed spec brings (another spec's VPC id, an unknown hub) writes nothing", () => {
    const { specs, out } = hubRepo();
    const before = Object.fromEntries(stacks.map((s) => [s, snapshot(out, s)]));
    fs.writeFileSync(
      path.join(specs, "alone.yaml"),
      stringify(
        spokeSpec({
          stack: "alone",
          n: 40,
          services: ["kms"],
          edit: (s) => {
            s.vpcs[0].id = "vpc-1423456789abcdef0"; // payments' VPC (n = 20 = 0x14)
            s.vpcs[0].useHub = "network-hub/nowhere";
          },
        }),
      ),
    );
    const r = vpce(["synth", "--specs", specs, "--out", out, "--changed-since", "HEAD"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/payments\.yaml:\d+:\d+: error DUPLICATE_ID .* also described in \S*alone\.yaml/);
    expect(r.err).toMatch(/alone\.yaml:\d+:\d+: error HUB_NOT_FOUND/);
    expect(r.err).toMatch(/nothing was written/);
    expect(Object.fromEntries(stacks.map((s) => [s, snapshot(out, s)]))).toEqual(before);
  });
});
