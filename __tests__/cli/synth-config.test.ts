/** The synth flow's project settings: cdktf.json's provider constraint and the local state path, for any --out. */
import * as fs from "node:fs";
import * as path from "node:path";
import { EXIT, guarded, type Io } from "../../src/cli/io";
import { synthesize } from "../../src/cli/synth";
import { defaultAwsProviderConstraint } from "../../src/constructs/provider-version";
import { BASE, writeTree } from "../helpers";

function project(cdktfJson?: string): string {
  return writeTree({ "specs/a.yaml": BASE, ...(cdktfJson !== undefined ? { "cdktf.json": cdktfJson } : {}) });
}

function synth(opts: { root: string; out: string }): { code: number; err: string } {
  const err: string[] = [];
  const io: Io = { out: () => undefined, err: (t) => err.push(t), env: {} };
  const code = guarded(io, () =>
    synthesize({ specsDir: path.join(opts.root, "specs"), outDir: opts.out, projectRoot: opts.root, io }),
  );
  return { code, err: err.join("\n") };
}

function stackOf(out: string): { terraform: { backend: unknown; required_providers: { aws: { version: string } } } } {
  return JSON.parse(fs.readFileSync(path.join(out, "stacks", "base", "cdk.tf.json"), "utf8"));
}

describe("synth: provider version from cdktf.json", () => {
  test("no cdktf.json, or no key: the default range", () => {
    for (const root of [project(), project('{ "context": {} }')]) {
      const out = path.join(root, "cdktf.out");
      expect(synth({ root, out }).code).toBe(EXIT.ok);
      expect(stackOf(out).terraform.required_providers.aws.version).toBe(defaultAwsProviderConstraint());
    }
  });

  test("context vpce:awsProviderVersion is written as given", () => {
    const root = project('{ "context": { "vpce:awsProviderVersion": "~> 6.30" } }');
    const out = path.join(root, "cdktf.out");
    expect(synth({ root, out }).code).toBe(EXIT.ok);
    expect(stackOf(out).terraform.required_providers.aws.version).toBe("~> 6.30");
  });

  test.each([
    ['{ "context": { "vpce:awsProviderVersion": "6.x" } }', '"6.x" is not a version constraint'],
    ['{ "context": { "vpce:awsProviderVersion": "~> 5.0" } }', "admits no 6.x release"],
    ['{ "context": { "vpce:awsProviderVersion": 6 } }', "must be a string"],
    ['{ "context": ', "is not valid JSON"],
  ])("%s: exit 2, a clear error, nothing written", (json, why) => {
    const root = project(json);
    const out = path.join(root, "cdktf.out");
    const r = synth({ root, out });
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toContain(path.join(root, "cdktf.json"));
    expect(r.err).toContain(why);
    expect(r.err).not.toContain("internal error");
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("synth: local state at the project root", () => {
  test.each([
    ["cdktf.out", "../../../terraform.base.tfstate"],
    ["build/tf", "../../../../terraform.base.tfstate"],
    [".", "../../terraform.base.tfstate"],
  ])("--out %s: the stack points from its folder to <root>/terraform.base.tfstate", (outDir, expected) => {
    const root = project();
    const out = path.join(root, outDir);
    const r = synth({ root, out });
    expect(r.code).toBe(EXIT.ok);
    expect(r.err).toContain("LOCAL_STATE");
    expect(stackOf(out).terraform.backend).toEqual({ local: { path: expected } });
    expect(path.resolve(out, "stacks", "base", expected)).toBe(path.join(root, "terraform.base.tfstate"));
  });
});
