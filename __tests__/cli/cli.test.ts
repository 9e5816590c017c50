/** The vpce command: exit codes, outputs, and `synth` writing what `cdktf synth` writes. */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { run, type Io } from "../../src/cli/main";
import { BASE, edit, ROOT, tmpDir, writeTree } from "../helpers";
import { outputTree, readTree } from "../reorder";

function vpce(args: string[], env: NodeJS.ProcessEnv = {}): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), env: { ...env } };
  const code = run(args, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const SPECS = path.join(ROOT, "specs");

describe("vpce validate", () => {
  test("the examples are valid: exit 0, warnings printed with file:line:col", () => {
    const r = vpce(["validate", "--specs", SPECS]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/specs\/eks-platform\.yaml:\d+:\d+: warning PRIVATE_DNS_CAPTURE/);
  });

  test("an invalid spec: exit 1, every error with position, field and suggestion", () => {
    const dir = writeTree({
      "a.yaml": edit(BASE, "services: [s3, ssm]\n      - name: app-b", "services: [s3, dynamo]\n      - name: app-b"),
    });
    const r = vpce(["validate", "--specs", dir]);
    expect(r.code).toBe(1);
    const at = /a\.yaml:15:\d+: error UNKNOWN_SERVICE at vpcs\[0\]\.subnets\[0\]\.services\[1\]: /.source;
    expect(r.err).toMatch(new RegExp(`${at}unknown service "dynamo".*Did you mean "dynamodb"`));
  });

  test("VPCE_SPECS is read when --specs is absent", () => {
    const dir = writeTree({ "a.yaml": "version: 7\n" });
    expect(vpce(["validate"], { VPCE_SPECS: dir }).code).toBe(1);
  });

  test("--json gives machine-readable diagnostics", () => {
    const dir = writeTree({ "a.yaml": edit(BASE, "region: eu-central-1", "region: eu-centrl-1") });
    const r = vpce(["validate", "--specs", dir, "--json"]);
    const j = JSON.parse(r.out);
    expect(j.valid).toBe(false);
    expect(j.diagnostics[0]).toMatchObject({
      code: "UNKNOWN_REGION",
      severity: "error",
      pos: { line: 3, col: 9 },
      path: "region",
    });
    expect(j.diagnostics[0].suggestions[0]).toBe("eu-central-1");
  });
});

describe("usage errors exit 2", () => {
  test.each([
    [["plam"]],
    [["plan", "--formt", "json"]],
    [["plan", "--format", "yaml"]],
    [["catalog", "--region", "eu-centrl-1"]],
    [[]],
    [["validate", "extra"]],
  ])("%j", (args) => {
    const r = vpce(args);
    expect(r.code).toBe(2);
  });

  test("suggests the closest command", () => {
    expect(vpce(["plam"]).err).toMatch(/Did you mean "plan"/);
  });

  test.each([
    [["plam"], 'vpce: unknown command "plam". Did you mean "plan"?'],
    [["plan", "--formt", "json"], 'vpce: unknown option "--formt". Did you mean "--format"?'],
    [["plan", "--fromat", "json"], 'vpce: unknown option "--fromat". Did you mean "--format"?'],
    [["synth", "--out"], 'vpce: option "--out <dir>" needs a value.'],
    [["plan", "--specs"], 'vpce: option "--specs <path>" needs a value.'],
    [["synth", "--fromat", "json"], 'vpce: unknown option "--fromat".'],
    [
      ["plan", "--format", "yaml"],
      'vpce: option "--format <format>" argument "yaml" is invalid. Allowed choices are table, json, markdown.',
    ],
    [["validate", "extra"], 'vpce: too many arguments for "validate". Expected 0 arguments but got 1.'],
  ])("%j: one sentence per fact, each ending in a full stop or question mark", (args, message) => {
    const r = vpce(args);
    expect(r.code).toBe(2);
    expect(r.err.split("\n")[0]).toBe(message);
    expect(r.err).toMatch(/Run "vpce( [a-z]+)? --help"/);
    expect(r.out).toBe("");
  });

  test("no command: the help on stderr, exit 2", () => {
    const r = vpce([]);
    expect(r.err).toMatch(/^Usage: vpce /);
    expect(r.out).toBe("");
  });
});

/** Whether running the CLI with `args` (in a fresh process) loads a module of the package `name`. */
function loadsPackage(args: string[], name: string): string {
  const script = `
    const { run } = require(${JSON.stringify(path.join(ROOT, "dist", "src", "cli", "main.js"))});
    run(${JSON.stringify(args)}, { out: () => undefined, err: () => undefined, env: {} });
    const pkg = new RegExp(${JSON.stringify(`[\\\\/]node_modules[\\\\/]${name}[\\\\/]`)});
    process.stdout.write(String(Object.keys(require.cache).some((f) => pkg.test(f))));`;
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
}

test("validate, plan and catalog never load cdktf; synth does", () => {
  const loads = (args: string[]) => loadsPackage(args, "cdktf");
  expect(loads(["validate", "--specs", SPECS])).toBe("false");
  expect(loads(["plan", "--specs", SPECS])).toBe("false");
  expect(loads(["catalog", "--json"])).toBe("false");
  expect(loads(["synth", "--specs", SPECS, "--out", tmpDir()])).toBe("true");
});

test("validate, plan and synth never load the yaml library (only spec edits and atlantis.yaml need it)", () => {
  const loads = (args: string[]) => loadsPackage(args, "yaml");
  expect(loads(["validate", "--specs", SPECS])).toBe("false");
  expect(loads(["plan", "--specs", SPECS])).toBe("false");
  expect(loads(["synth", "--specs", SPECS, "--out", tmpDir()])).toBe("false");
});

/**
 * Which of vpce's own modules (paths under dist/src, without .js) running the CLI with `args` loads, in a fresh
 * process.
 */
function loadsOwn(args: string[], modules: string[]): string[] {
  const files = modules.map((m) => path.join(ROOT, "dist", "src", ...m.split("/")) + ".js");
  const script = `
    const { run } = require(${JSON.stringify(path.join(ROOT, "dist", "src", "cli", "main.js"))});
    run(${JSON.stringify(args)}, { out: () => undefined, err: () => undefined, env: {} });
    process.stdout.write(JSON.stringify(${JSON.stringify(files)}.filter((f) => f in require.cache)));`;
  const loaded: string[] = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
  return modules.filter((_, i) => loaded.includes(files[i]));
}

test("a command loads its own code, not the other commands' (they load when run)", () => {
  const commands = ["cli/synth", "cli/diff", "cli/discover", "cli/adopt", "cli/stacks", "cli/atlantis"];
  const reports = ["report/markdown", "report/plan-report"];
  expect(loadsOwn(["validate", "--specs", SPECS], [...commands, ...reports])).toEqual([]);
  expect(loadsOwn(["--version"], [...commands, ...reports])).toEqual([]);
  expect(loadsOwn(["plan", "--specs", SPECS], [...commands, ...reports])).toEqual(["report/plan-report"]);
  expect(loadsOwn(["plan", "--specs", SPECS, "--format", "markdown"], ["report/markdown"])).toEqual([
    "report/markdown",
  ]);
  expect(loadsOwn(["stacks", "--specs", SPECS], commands)).toEqual(["cli/stacks"]);
});

describe("help and version", () => {
  test("vpce --help: every command and every exit code, exit 0", () => {
    const r = vpce(["--help"]);
    expect(r.code).toBe(0);
    for (const c of ["validate", "synth", "plan", "diff", "catalog"])
      expect(r.out).toMatch(new RegExp(`^  ${c} `, "m"));
    expect(r.out).toMatch(/Exit codes: 0 ok, 1 invalid spec.*, 2 usage error, 3 internal error, 4 changes found/);
  });

  test.each([
    ["validate", ["--specs", "--json"]],
    ["synth", ["--specs", "--out"]],
    ["plan", ["--specs", "--format", "--why"]],
    ["catalog", ["--region", "--json", "--bundles"]],
  ])("vpce %s --help and vpce help %s: its options", (command, options) => {
    for (const args of [
      [command, "--help"],
      ["help", command],
    ]) {
      const r = vpce(args);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^Usage: vpce ${command} `));
      for (const o of options) expect(r.out).toContain(`  ${o}`);
      expect(r.out).not.toContain("--no-reasons");
      expect(r.out).toMatch(/Exit codes: 0 ok/);
    }
  });

  test("--version prints the version of package.json", () => {
    const r = vpce(["--version"]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version);
  });
});

describe("vpce plan", () => {
  test("json: stacks, endpoints, reasons, costs", () => {
    const r = vpce(["plan", "--specs", SPECS, "--format", "json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.stacks.map((s: { stack: string }) => s.stack)).toEqual([
      "analytics-s3",
      "eks-platform-prod",
      "shared-services",
      "ssm-fleet",
    ]);
    const ep = j.stacks[3].vpcs[0].endpoints.find((e: { service: string }) => e.service === "ssm");
    expect(ep).toMatchObject({
      type: "Interface",
      serviceName: "com.amazonaws.us-east-1.ssm",
      port: 443,
      monthlyUsd: 14.6,
    });
    expect(ep.reasons.length).toBeGreaterThan(3);
    expect(j.monthlyUsd).toBeGreaterThan(0);
  });

  test("table: one block per VPC with the decisions (--why)", () => {
    const r = vpce(["plan", "--specs", SPECS, "--why"]);
    expect(r.out).toMatch(/Stack ssm-fleet .*us-east-1/);
    expect(r.out).toMatch(/why fleet_ssm \(interface\)/);
  });

  test("invalid specs: exit 1, no plan", () => {
    const dir = writeTree({ "a.yaml": "- 1\n" });
    const r = vpce(["plan", "--specs", dir]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
  });
});

describe("vpce catalog", () => {
  test("--json: id, serviceName, types, port", () => {
    const rows = JSON.parse(vpce(["catalog", "--region", "cn-north-1", "--json"]).out);
    expect(rows.find((r: { id: string }) => r.id === "s3")).toMatchObject({
      serviceName: "com.amazonaws.cn-north-1.s3",
      serviceNames: { Gateway: "com.amazonaws.cn-north-1.s3", Interface: "cn.com.amazonaws.cn-north-1.s3" },
      types: ["Gateway", "Interface"],
      port: 443,
    });
    expect(rows.find((r: { id: string }) => r.id === "kms")).toMatchObject({
      serviceName: "com.amazonaws.cn-north-1.kms",
    });
    expect(rows.find((r: { id: string }) => r.id === "cassandra")).toMatchObject({ port: 9142 });
  });

  test("--bundles lists bundles with their services", () => {
    expect(vpce(["catalog", "--bundles"]).out).toMatch(/ecr-pull: ecr\.api, ecr\.dkr, s3/);
  });
});

describe("vpce synth", () => {
  test("writes one stack per spec; an invalid spec writes nothing and keeps the previous output", () => {
    const out = tmpDir();
    expect(vpce(["synth", "--specs", SPECS, "--out", out]).code).toBe(0);
    expect(fs.readdirSync(path.join(out, "stacks")).sort()).toEqual([
      "analytics-s3",
      "eks-platform-prod",
      "shared-services",
      "ssm-fleet",
    ]);
    fs.writeFileSync(path.join(out, "stacks", "ssm-fleet", ".terraform.lock.hcl"), "# user file\n");
    fs.writeFileSync(path.join(out, "notes.txt"), "mine");
    const before = readTree(out);
    const bad = writeTree({ "a.yaml": edit(BASE, "cidr: 10.20.1.0/24", "cidr: 10.20.1.0/33") });
    const r = vpce(["synth", "--specs", bad, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nothing was written/);
    expect(readTree(out)).toEqual(before);
    expect(fs.readdirSync(path.dirname(out)).filter((f) => f.includes(`${path.basename(out)}.vpce-`))).toEqual([]);
  });

  test("a stack whose spec is gone loses its stack files; unrelated files stay", () => {
    const specs = writeTree({
      "one.yaml": BASE.replace("stack: base", "stack: one"),
      "two.yaml": BASE.replace("stack: base", "stack: two")
        .replace("vpc-0123456789abcdef0", "vpc-0123456789abcdef9")
        .replace(/subnet-0(a|b)/g, "subnet-0e"),
    });
    const out = tmpDir();
    expect(vpce(["synth", "--specs", specs, "--out", out]).code).toBe(0);
    fs.mkdirSync(path.join(out, "stacks", "two", ".terraform"));
    fs.rmSync(path.join(specs, "two.yaml"));
    const r = vpce(["synth", "--specs", specs, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/stack two has no spec any more/);
    expect(fs.existsSync(path.join(out, "stacks", "two", "cdk.tf.json"))).toBe(false);
    expect(fs.existsSync(path.join(out, "stacks", "two", ".terraform"))).toBe(true);
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(out, "manifest.json"), "utf8")).stacks)).toEqual(["one"]);
  });

  test("the installed bin and `node dist/main.js` (what cdktf synth runs) write the same stacks", () => {
    const a = tmpDir();
    const b = tmpDir();
    const bin = spawnSync(
      process.execPath,
      [path.join(ROOT, "bin", "vpce.js"), "synth", "--specs", SPECS, "--out", a],
      { encoding: "utf8" },
    );
    expect(bin.status).toBe(0);
    execFileSync(process.execPath, [path.join(ROOT, "dist", "main.js")], {
      env: { ...process.env, VPCE_SPECS: SPECS, CDKTF_OUTDIR: b },
      stdio: "pipe",
    });
    expect(outputTree(a, { otherCode: true })).toEqual(outputTree(b, { otherCode: true }));
  });

  // The cdktf CLI itself takes seconds to start: npm test runs this, npm run test:fast (VPCE_FAST=1) does not.
  (process.env.VPCE_FAST ? test.skip : test)(
    "npm run synth (cdktf synth without its version check) writes the same stacks as vpce synth",
    () => {
      const a = tmpDir();
      const b = tmpDir();
      expect(vpce(["synth", "--specs", SPECS, "--out", a]).code).toBe(0);
      const env: NodeJS.ProcessEnv = { ...process.env, CI: "1", VPCE_SPECS: SPECS };
      delete env.CHECKPOINT_DISABLE;
      const npm = process.platform === "win32" ? "npm.cmd" : "npm";
      const r = spawnSync(npm, ["run", "--silent", "synth", "--", "--output", b], { cwd: ROOT, encoding: "utf8", env });
      expect(r.status).toBe(0);
      // the script sets CHECKPOINT_DISABLE=1: no call to checkpoint-api.hashicorp.com (an [ERROR] offline)
      expect(r.stdout + r.stderr).not.toMatch(/checkpoint/i);
      // the spec caches differ in the code they were written by (src/ under jest, dist/ under cdktf), nothing else
      const cache = path.join(".vpce", "spec-cache.json");
      const [treeA, treeB] = [readTree(a), readTree(b)];
      expect(JSON.parse(treeB[cache]).specs).toEqual(JSON.parse(treeA[cache]).specs);
      delete treeA[cache];
      delete treeB[cache];
      expect(treeB).toEqual(treeA);
    },
  );

  test("main.ts runs the same flow: the stacks whose spec is gone are reported, then the summary line", () => {
    const specs = writeTree({
      "one.yaml": BASE.replace("stack: base", "stack: one"),
      "two.yaml": BASE.replace("stack: base", "stack: two")
        .replace("vpc-0123456789abcdef0", "vpc-0123456789abcdef9")
        .replace(/subnet-0(a|b)/g, "subnet-0e"),
    });
    const out = tmpDir();
    const main = () =>
      spawnSync(process.execPath, [path.join(ROOT, "dist", "main.js")], {
        env: { ...process.env, VPCE_SPECS: specs, CDKTF_OUTDIR: out },
        encoding: "utf8",
      });
    expect(main().status).toBe(0);
    fs.rmSync(path.join(specs, "two.yaml"));
    const r = main();
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/stack two has no spec any more/);
    expect(r.stderr).toMatch(/vpce: 1 stack\(s\) written to /);
    expect(fs.existsSync(path.join(out, "stacks", "two", "cdk.tf.json"))).toBe(false);
  });

  test("main.ts with an invalid spec exits 1 and writes nothing", () => {
    const out = path.join(tmpDir(), "never");
    const bad = writeTree({ "a.yaml": "version: 1\n" });
    const r = spawnSync(process.execPath, [path.join(ROOT, "dist", "main.js")], {
      env: { ...process.env, VPCE_SPECS: bad, CDKTF_OUTDIR: out },
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/MISSING_FIELD/);
    expect(r.stderr).toMatch(/nothing was written\./);
    expect(fs.existsSync(out)).toBe(false);
  });
});
