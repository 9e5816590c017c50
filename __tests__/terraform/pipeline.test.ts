/**
 * The stacks in an existing Terraform pipeline, with real Terraform and the
 * backend as synthesized (terraform.test.ts drops it): the provider
 * constraint is cdktf.json's, local state resolves at the project root for a
 * non-default --out and survives deleting the output folder, an old state
 * file migrates, and the offline override of docs/terraform-pipelines.md
 * (read from the doc, byte for byte) gives a plan without credentials.
 *
 * The mirror holds hashicorp/aws 5.100, older than any constraint the stacks
 * carry: `terraform init` is shown to refuse the stack as synthesized, then
 * every init here adds `mirror_override.tf.json`, which relaxes only the
 * version (the harness's relaxation, as an override file).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { synthesize } from "../../src/cli/synth";
import type { Io } from "../../src/cli/io";
import { ROOT, tmpDir } from "../helpers";
import { findToolchain, pool, Terraform, type Toolchain } from "./harness";

const toolchain = findToolchain();
const required = process.env.VPCE_REQUIRE_TERRAFORM === "1";
const CONSTRAINT = "~> 6.30";

/** The JSON block after the offline-override marker of the doc: what users copy. */
function documentedOverride(): string {
  const doc = fs.readFileSync(path.join(ROOT, "docs", "terraform-pipelines.md"), "utf8");
  const m = /<!-- offline-override:[^>]*-->\n```json\n([\s\S]*?)```/.exec(doc);
  if (!m) throw new Error("docs/terraform-pipelines.md has no offline-override block");
  return m[1];
}

function synthProject(opts: { root: string; outDir: string }): { code: number; err: string[] } {
  const err: string[] = [];
  const io: Io = { out: () => undefined, err: (t) => err.push(t), env: {} };
  const code = synthesize({ specsDir: path.join(opts.root, "specs"), outDir: opts.outDir, projectRoot: opts.root, io });
  return { code, err };
}

if ("missing" in toolchain) {
  if (required) {
    test("terraform toolchain is present (VPCE_REQUIRE_TERRAFORM=1)", () => {
      throw new Error(`real-Terraform pipeline suite cannot run: ${toolchain.missing}`);
    });
  } else {
    test.skip(`Terraform pipeline (${toolchain.missing})`, () => undefined);
  }
} else {
  const tc: Toolchain = toolchain;
  describe(`Terraform pipeline (${tc.terraform}, hashicorp/aws ${tc.awsVersion})`, () => {
    const work = tmpDir("vpce-pipe-");
    const tf = new Terraform(tc, work);
    // the project: the example specs, a cdktf.json with a constraint, output in a non-default, deeper folder
    const root = path.join(work, "project");
    fs.cpSync(path.join(ROOT, "specs"), path.join(root, "specs"), { recursive: true });
    fs.writeFileSync(
      path.join(root, "cdktf.json"),
      JSON.stringify({ language: "typescript", context: { "vpce:awsProviderVersion": CONSTRAINT } }),
    );
    const out = path.join(root, "build", "tf");
    const stackDir = (stack: string) => path.join(out, "stacks", stack);
    const relax = (dir: string) =>
      fs.writeFileSync(
        path.join(dir, "mirror_override.tf.json"),
        JSON.stringify({ terraform: { required_providers: { aws: { source: "aws", version: tc.awsVersion } } } }),
      );
    const backendPath = (dir: string): string =>
      JSON.parse(fs.readFileSync(path.join(dir, ".terraform", "terraform.tfstate"), "utf8")).backend.config.path;

    beforeAll(() => {
      const r = synthProject({ root, outDir: out });
      if (r.code !== 0) throw new Error(r.err.join("\n"));
    });

    test("the constraint is cdktf.json's, and terraform init enforces it", async () => {
      const dir = stackDir("shared-services");
      const json = JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8"));
      expect(json.terraform.required_providers.aws).toEqual({ source: "aws", version: CONSTRAINT });
      // the mirror's 5.100 does not match: init refuses, naming the constraint
      const refused = await tf.tf(dir, ["init", "-no-color"]);
      expect(refused.ok).toBe(false);
      expect(refused.out).toContain(CONSTRAINT);
      relax(dir);
      const init = await tf.tf(dir, ["init", "-no-color"]);
      if (!init.ok) throw new Error(init.out);
    }, 120_000);

    test("default and explicit local state resolve at the project root and survive deleting the output", async () => {
      const cases = [
        { stack: "shared-services", file: "terraform.shared-services.tfstate" }, // no backend: in the spec
        { stack: "analytics-s3", file: "terraform.analytics-s3.tfstate" }, // backend.local.path
      ];
      const version = JSON.parse((await tf.tf(work, ["version", "-json"])).out).terraform_version as string;
      await pool(cases, 2, async ({ stack, file }) => {
        const dir = stackDir(stack);
        relax(dir);
        const init = await tf.tf(dir, ["init", "-no-color"]);
        if (!init.ok) throw new Error(init.out);
        // the backend Terraform configured: relative, from the stack folder (two levels deeper than
        // cdktf.out) to the root
        expect(backendPath(dir)).toBe(`../../../../${file}`);
        // a state written through the backend lands at the project root, not in the output folder
        const lineage = `vpce-test-${stack}`;
        const state = { version: 4, terraform_version: version, serial: 1, lineage, outputs: {}, resources: [] };
        fs.writeFileSync(path.join(work, `${stack}.push.tfstate`), JSON.stringify(state));
        const push = await tf.tf(dir, ["state", "push", "-no-color", path.join(work, `${stack}.push.tfstate`)]);
        if (!push.ok) throw new Error(push.out);
        expect(JSON.parse(fs.readFileSync(path.join(root, file), "utf8")).lineage).toBe(lineage);
        expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tfstate"))).toEqual([]);
      });
      // the output folder deleted and synthesized again: Terraform finds the same state
      fs.rmSync(out, { recursive: true, force: true });
      const again = synthProject({ root, outDir: out });
      expect(again.code).toBe(0);
      await pool(cases, 2, async ({ stack }) => {
        const dir = stackDir(stack);
        relax(dir);
        const init = await tf.tf(dir, ["init", "-no-color"]);
        if (!init.ok) throw new Error(init.out);
        const pull = await tf.tf(dir, ["state", "pull"]);
        expect(JSON.parse(pull.out.slice(pull.out.indexOf("{"), pull.out.lastIndexOf("}") + 1)).lineage).toBe(
          `vpce-test-${stack}`,
        );
      });
    }, 300_000);

    test("a state file in the old place (the stack folder) moves with terraform init -migrate-state", async () => {
      // GIVEN the old layout: the stack initialised with its state inside the output folder
      const old = path.join(work, "old");
      const dir = path.join(old, "cdktf.out", "stacks", "ssm-fleet");
      fs.mkdirSync(dir, { recursive: true });
      const current = JSON.parse(fs.readFileSync(path.join(stackDir("ssm-fleet"), "cdk.tf.json"), "utf8"));
      const oldJson = structuredClone(current);
      oldJson.terraform.backend = { local: { path: "terraform.ssm-fleet.tfstate" } };
      fs.writeFileSync(path.join(dir, "cdk.tf.json"), JSON.stringify(oldJson));
      relax(dir);
      const init = await tf.tf(dir, ["init", "-no-color"]);
      if (!init.ok) throw new Error(init.out);
      const version = JSON.parse((await tf.tf(work, ["version", "-json"])).out).terraform_version as string;
      // Terraform migrates only a state that holds something: one resource, as an apply would have left it
      const resource = {
        mode: "managed",
        type: "aws_security_group",
        name: "old",
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [{ schema_version: 1, attributes: { id: "sg-0123456789abcdef0" } }],
      };
      const state = { version: 4, terraform_version: version, serial: 3, lineage: "old-layout", outputs: {} };
      fs.writeFileSync(
        path.join(dir, "terraform.ssm-fleet.tfstate"),
        JSON.stringify({ ...state, resources: [resource] }),
      );
      // WHEN the new stack replaces it (cdktf.out is the default output, project root `old`)
      const newJson = structuredClone(current);
      newJson.terraform.backend = { local: { path: "../../../terraform.ssm-fleet.tfstate" } };
      fs.writeFileSync(path.join(dir, "cdk.tf.json"), JSON.stringify(newJson));
      const migrate = await tf.tf(dir, ["init", "-no-color", "-migrate-state", "-force-copy"]);
      if (!migrate.ok) throw new Error(migrate.out);
      // THEN the state is at the project root
      expect(JSON.parse(fs.readFileSync(path.join(old, "terraform.ssm-fleet.tfstate"), "utf8")).lineage).toBe(
        "old-layout",
      );
      expect(backendPath(dir)).toBe("../../../terraform.ssm-fleet.tfstate");
    }, 120_000);

    test("the documented offline override: init and plan without credentials, every stack", async () => {
      const override = documentedOverride();
      const stacks = fs.readdirSync(path.join(out, "stacks")).sort();
      expect(stacks).toEqual(["analytics-s3", "eks-platform-prod", "shared-services", "ssm-fleet"]);
      const results = await pool(stacks, 2, async (stack) => {
        // a fresh copy of the stack as synthesized: no .terraform/ from the tests above
        const dir = path.join(work, "offline", stack);
        fs.mkdirSync(dir, { recursive: true });
        fs.copyFileSync(path.join(stackDir(stack), "cdk.tf.json"), path.join(dir, "cdk.tf.json"));
        fs.writeFileSync(path.join(dir, "override.tf.json"), override);
        relax(dir);
        const init = await tf.tf(dir, ["init", "-no-color"]);
        if (!init.ok) return { stack, error: `init: ${init.out}` };
        const plan = await tf.tf(dir, ["plan", "-no-color", "-out=tfplan"]);
        if (!plan.ok) return { stack, error: `plan: ${plan.out}` };
        const show = await tf.tf(dir, ["show", "-json", "tfplan"]);
        const j = JSON.parse(show.out.slice(show.out.indexOf("{"), show.out.lastIndexOf("}") + 1));
        const json = JSON.parse(fs.readFileSync(path.join(dir, "cdk.tf.json"), "utf8"));
        const resources = Object.values(json.resource as Record<string, object>).reduce(
          (n, byName) => n + Object.keys(byName).length,
          0,
        );
        // managed resources only: the data source scoped to a VPC's DNS check block is read, not created
        const actions = (j.resource_changes as Array<{ mode: string; change: { actions: string[] } }>)
          .filter((rc) => rc.mode === "managed")
          .map((rc) => rc.change.actions.join(","));
        return { stack, resources, creates: actions.filter((a) => a === "create").length, changes: actions.length };
      });
      for (const r of results) {
        if ("error" in r) throw new Error(`${r.stack}: ${r.error}`);
        expect(r.resources).toBeGreaterThan(0);
        expect({ stack: r.stack, creates: r.creates, changes: r.changes }).toEqual({
          stack: r.stack,
          creates: r.resources,
          changes: r.resources,
        });
      }
    }, 600_000);
  });
}
