/**
 * `vpce synth --module` under real Terraform: a root module written here configures the provider and calls
 * every example stack's module (`<out>/modules/<stack>/`), passing `tags` and `name_prefix`; init, validate
 * and an offline plan must pass, and the plan shows the caller's tags and prefix on the resources. The
 * mirror's provider (5.100) is older than the modules' constraint: only this test relaxes it, in an override.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { synthesize } from "../../src/cli/synth";
import type { Io } from "../../src/cli/io";
import { ROOT, tmpDir } from "../helpers";
import { findToolchain, Terraform, type Toolchain } from "./harness";

const toolchain = findToolchain();
const required = process.env.VPCE_REQUIRE_TERRAFORM === "1";

if ("missing" in toolchain) {
  if (required) {
    test("terraform toolchain is present (VPCE_REQUIRE_TERRAFORM=1)", () => {
      throw new Error(`real-Terraform module suite cannot run: ${toolchain.missing}`);
    });
  } else {
    test.skip(`Terraform module (${toolchain.missing})`, () => undefined);
  }
} else {
  const tc: Toolchain = toolchain;
  test.each(["json", "hcl"])(
    `a root module calls every stack's module (%s): init, validate, offline plan (hashicorp/aws ${tc.awsVersion})`,
    async (format) => {
      const work = tmpDir("vpce-module-");
      const tf = new Terraform(tc, work);
      const out = path.join(work, "cdktf.out");
      const err: string[] = [];
      const io: Io = { out: () => undefined, err: (t) => err.push(t), env: {} };
      const code = synthesize({
        specsDir: path.join(ROOT, "specs"),
        outDir: out,
        projectRoot: work,
        module: true,
        hcl: format === "hcl",
        io,
      });
      if (code !== 0) throw new Error(err.join("\n"));
      const modules = fs.readdirSync(path.join(out, "modules")).sort();
      expect(modules).toEqual(["analytics-s3", "eks-platform-prod", "shared-services", "ssm-fleet"]);
      for (const m of modules) {
        const file = path.join(out, "modules", m, format === "hcl" ? "main.tf" : "main.tf.json");
        expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
        const text = fs.readFileSync(file, "utf8");
        expect(text).not.toMatch(/provider "aws"|"provider"|backend/);
        expect(text).toContain("required_providers");
      }
      // the caller's root module: its own provider (offline: fake credentials, no AWS calls), one call per stack
      const root = path.join(work, "root");
      fs.mkdirSync(root);
      const calls = modules
        .map(
          (m) => `module "${m.replace(/-/g, "_")}" {
  source      = "../cdktf.out/modules/${m}"
  tags        = { owner = "caller" }
  name_prefix = "team-"
}

output "${m.replace(/-/g, "_")}_endpoint_ids" {
  value = module.${m.replace(/-/g, "_")}.endpoint_ids
}
`,
        )
        .join("\n");
      fs.writeFileSync(
        path.join(root, "main.tf"),
        `provider "aws" {
  region                      = "eu-central-1"
  access_key                  = "AKIAIOSFODNN7EXAMPLE"
  secret_key                  = "offline-test-not-a-secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

${calls}`,
      );
      fs.writeFileSync(
        path.join(root, "mirror_override.tf"),
        "terraform {\n  required_providers {\n" +
          `    aws = { source = "hashicorp/aws", version = "${tc.awsVersion}" }\n  }\n}\n`,
      );
      // the modules keep their own constraint, which the mirror's provider does not meet: relax it there too
      for (const m of modules)
        fs.writeFileSync(
          path.join(out, "modules", m, "mirror_override.tf.json"),
          JSON.stringify({ terraform: { required_providers: { aws: { source: "aws", version: tc.awsVersion } } } }),
        );
      const init = await tf.tf(root, ["init", "-no-color"]);
      if (!init.ok) throw new Error(init.out);
      const validate = await tf.tf(root, ["validate", "-no-color"]);
      expect({ ok: validate.ok, out: validate.ok ? "" : validate.out }).toEqual({ ok: true, out: "" });
      const plan = await tf.tf(root, ["plan", "-lock=false", "-refresh=false", "-no-color", "-out=tfplan"]);
      if (!plan.ok) throw new Error(plan.out);
      const show = await tf.tf(root, ["show", "-json", "tfplan"]);
      const j = JSON.parse(show.out.slice(show.out.indexOf("{"), show.out.lastIndexOf("}") + 1));
      // managed resources only: the DNS check's scoped data source is read, not created
      const changes = (
        j.resource_changes as {
          address: string;
          mode: string;
          change: { actions: string[]; after: Record<string, unknown> };
        }[]
      ).filter((c) => c.mode === "managed");
      expect(changes.length).toBeGreaterThan(20);
      expect(new Set(changes.map((c) => c.change.actions.join(",")))).toEqual(new Set(["create"]));
      const sg = changes.find((c) => c.address === "module.ssm_fleet.aws_security_group.fleet_ssm")!;
      expect(sg.change.after.name_prefix).toBe("team-vpce-fleet-ssm-");
      // the spec's tags, the caller's, and the resource's own Name (prefixed), the last winning
      expect(sg.change.after.tags).toEqual({
        team: "ops",
        env: "prod",
        owner: "caller",
        Name: "team-vpce-fleet-ssm",
        "vpce:service": "ssm",
      });
    },
    300_000,
  );
}
