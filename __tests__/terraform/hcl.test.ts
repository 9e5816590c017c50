/**
 * `vpce synth --hcl` under real Terraform: every example and fixture stack is `cdk.tf` alone (never beside a
 * `cdk.tf.json`), formatted as `terraform fmt` formats it, valid, keeps the overrides the JSON carries (the
 * provider version constraint, the S3 backend's use_lockfile, the local state path, depends_on), and plans
 * exactly what the JSON stack plans. The mirror's provider (5.100) is older than the constraint: only these
 * tests relax it, with an override file beside the stack.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { synthesize } from "../../src/cli/synth";
import type { Io } from "../../src/cli/io";
import { defaultAwsProviderConstraint } from "../../src/constructs/provider-version";
import { ROOT, tmpDir } from "../helpers";
import { findToolchain, pool, Terraform, type Toolchain } from "./harness";

const toolchain = findToolchain();
const required = process.env.VPCE_REQUIRE_TERRAFORM === "1";
const DIRS = { specs: path.join(ROOT, "specs"), fixtures: path.join(ROOT, "__tests__", "fixtures", "valid") };

function synth(opts: { specsDir: string; outDir: string; hcl: boolean }): void {
  const err: string[] = [];
  const io: Io = { out: () => undefined, err: (t) => err.push(t), env: {} };
  const code = synthesize({ ...opts, projectRoot: path.dirname(opts.outDir), io });
  if (code !== 0) throw new Error(err.join("\n"));
}

function documentedOverride(): string {
  const doc = fs.readFileSync(path.join(ROOT, "docs", "terraform-pipelines.md"), "utf8");
  const m = /<!-- offline-override:[^>]*-->\n```json\n([\s\S]*?)```/.exec(doc);
  if (!m) throw new Error("docs/terraform-pipelines.md has no offline-override block");
  return m[1];
}

/**
 * Terraform's view of a configuration, without what only the JSON syntax adds: an expression given as a
 * `"${...}"` string shows its template text as a constant_value beside the references it makes.
 */
function normalized(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalized);
  if (v === null || typeof v !== "object") return v;
  const o = v as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(o)
      .filter(([k]) => !(k === "constant_value" && "references" in o))
      .map(([k, x]) => [k, normalized(x)]),
  );
}

function jsonOf(out: string): Record<string, unknown> {
  return JSON.parse(out.slice(out.indexOf("{"), out.lastIndexOf("}") + 1));
}

if ("missing" in toolchain) {
  if (required) {
    test("terraform toolchain is present (VPCE_REQUIRE_TERRAFORM=1)", () => {
      throw new Error(`real-Terraform HCL suite cannot run: ${toolchain.missing}`);
    });
  } else {
    test.skip(`Terraform HCL (${toolchain.missing})`, () => undefined);
  }
} else {
  const tc: Toolchain = toolchain;
  describe(`vpce synth --hcl under Terraform (${tc.terraform}, hashicorp/aws ${tc.awsVersion})`, () => {
    const work = tmpDir("vpce-hcl-");
    const tf = new Terraform(tc, work);
    const out = (kind: keyof typeof DIRS, format: string) => path.join(work, kind, format, "cdktf.out");
    const stacksOf = (dir: string) => fs.readdirSync(path.join(dir, "stacks")).sort();
    const relax = (dir: string) =>
      fs.writeFileSync(
        path.join(dir, "mirror_override.tf.json"),
        JSON.stringify({ terraform: { required_providers: { aws: { source: "aws", version: tc.awsVersion } } } }),
      );
    /** A fresh folder holding the stack's file (and the override files given). */
    const copy = (opts: { from: string; to: string; files?: Record<string, string> }) => {
      fs.mkdirSync(opts.to, { recursive: true });
      for (const f of fs.readdirSync(opts.from)) fs.copyFileSync(path.join(opts.from, f), path.join(opts.to, f));
      for (const [f, text] of Object.entries(opts.files ?? {})) fs.writeFileSync(path.join(opts.to, f), text);
      return opts.to;
    };

    beforeAll(() => {
      for (const kind of ["specs", "fixtures"] as const) {
        synth({ specsDir: DIRS[kind], outDir: out(kind, "json"), hcl: false });
        synth({ specsDir: DIRS[kind], outDir: out(kind, "hcl"), hcl: true });
      }
    });

    test("each stack folder holds cdk.tf alone, formatted as terraform fmt formats it", async () => {
      for (const kind of ["specs", "fixtures"] as const) {
        const dir = out(kind, "hcl");
        expect(stacksOf(dir)).toEqual(stacksOf(out(kind, "json")));
        for (const s of stacksOf(dir)) expect(fs.readdirSync(path.join(dir, "stacks", s))).toEqual(["cdk.tf"]);
        const fmt = await tf.tf(dir, ["fmt", "-check", "-recursive", "-no-color"]);
        expect(fmt).toEqual({ ok: true, out: "" });
      }
    }, 60_000);

    test("every stack validates; the version constraint survives and terraform init enforces it", async () => {
      const stacks = (["specs", "fixtures"] as const).flatMap((kind) =>
        stacksOf(out(kind, "hcl")).map((s) => ({ kind, s })),
      );
      expect(stacks.length).toBeGreaterThanOrEqual(8);
      const first = copy({ from: path.join(out("specs", "hcl"), "stacks", stacks[0].s), to: path.join(work, "c") });
      const refused = await tf.tf(first, ["init", "-backend=false", "-no-color"]);
      expect(refused.ok).toBe(false);
      expect(refused.out).toContain(defaultAwsProviderConstraint());
      const results = await pool(stacks, 2, async ({ kind, s }) => {
        const dir = copy({ from: path.join(out(kind, "hcl"), "stacks", s), to: path.join(work, "v", kind, s) });
        relax(dir);
        const init = await tf.tf(dir, ["init", "-backend=false", "-no-color"]);
        if (!init.ok) return { s, valid: false, log: init.out };
        const v = await tf.tf(dir, ["validate", "-json", "-no-color"]);
        return { s, valid: jsonOf(v.out).valid, log: v.out };
      });
      for (const r of results)
        expect({ s: r.s, valid: r.valid, log: r.valid ? "" : r.log }).toEqual({ s: r.s, valid: true, log: "" });
    }, 300_000);

    test("the backends survive: S3 with use_lockfile, local state at the project root", async () => {
      const hcl = (s: string) => fs.readFileSync(path.join(out("specs", "hcl"), "stacks", s, "cdk.tf"), "utf8");
      // the S3 backend cannot be initialised offline: its block is compared with the JSON's, setting by setting
      for (const s of ["eks-platform-prod", "ssm-fleet"]) {
        const json = JSON.parse(fs.readFileSync(path.join(out("specs", "json"), "stacks", s, "cdk.tf.json"), "utf8"));
        const s3 = json.terraform.backend.s3 as Record<string, unknown>;
        expect(s3.use_lockfile).toBe(true);
        const block = /backend "s3" \{\n([\s\S]*?)\n {2}\}/.exec(hcl(s))?.[1] ?? "";
        const settings = Object.fromEntries(
          block.split("\n").map((l) => l.trim().split(/\s+=\s+/) as [string, string]),
        );
        expect(settings).toEqual(Object.fromEntries(Object.entries(s3).map(([k, v]) => [k, JSON.stringify(v)])));
      }
      // a local backend, initialised for real: the path Terraform configured is the JSON's, relative to the root
      const dir = copy({
        from: path.join(out("specs", "hcl"), "stacks", "shared-services"),
        to: path.join(work, "hcl-project", "cdktf.out", "stacks", "shared-services"),
      });
      relax(dir);
      const init = await tf.tf(dir, ["init", "-no-color"]);
      if (!init.ok) throw new Error(init.out);
      const configured = JSON.parse(fs.readFileSync(path.join(dir, ".terraform", "terraform.tfstate"), "utf8"));
      expect(configured.backend.config.path).toBe("../../../terraform.shared-services.tfstate");
    }, 120_000);

    test("the HCL stack plans exactly what the JSON stack plans (depends_on included)", async () => {
      const override = documentedOverride();
      const stacks = stacksOf(out("specs", "hcl"));
      const plans = await pool(
        stacks.flatMap((s) => (["json", "hcl"] as const).map((format) => ({ s, format }))),
        2,
        async ({ s, format }) => {
          const dir = copy({
            from: path.join(out("specs", format), "stacks", s),
            to: path.join(work, "plan", format, s),
            files: { "override.tf.json": override },
          });
          relax(dir);
          const init = await tf.tf(dir, ["init", "-no-color"]);
          if (!init.ok) throw new Error(init.out);
          const plan = await tf.tf(dir, ["plan", "-no-color", "-out=tfplan"]);
          if (!plan.ok) throw new Error(plan.out);
          const show = jsonOf((await tf.tf(dir, ["show", "-json", "tfplan"])).out) as {
            planned_values: unknown;
            configuration: { root_module: unknown; provider_config: unknown };
          };
          return { s, format, planned: show.planned_values, configuration: show.configuration };
        },
      );
      for (const s of stacks) {
        const [json, hcl] = (["json", "hcl"] as const).map((f) => plans.find((p) => p.s === s && p.format === f)!);
        expect(hcl.planned).toEqual(json.planned);
        expect(normalized(hcl.configuration)).toEqual(normalized(json.configuration));
      }
      const analytics = plans.find((p) => p.s === "analytics-s3" && p.format === "hcl")!;
      const resources = (
        analytics.configuration.root_module as { resources: { address: string; depends_on?: string[] }[] }
      ).resources;
      expect(resources.find((r) => r.address === "aws_vpc_endpoint.analytics_s3_interface")?.depends_on).toEqual([
        "aws_vpc_endpoint.analytics_s3",
      ]);
    }, 600_000);
  });
}
