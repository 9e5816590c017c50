/** Import blocks and retired endpoints in the synthesized stacks: JSON, HCL, and the module form. */
import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import { synthToDir } from "../../src/constructs/synth";
import { renderMarkdown } from "../../src/report/markdown";
import { renderJson } from "../../src/report/plan-report";
import { runPipeline } from "../../src/pipeline";
import { ROOT, tmpDir, writeTree } from "../helpers";
import { spec } from "../rules/support";

const FIXTURE = path.join(ROOT, "__tests__", "inventory", "fixtures", "basic");
const KMS = "vpce-0a1b2c3d4e5f60003";

function planWith(opts: { inventory?: string; retire?: Record<string, string> }) {
  const dir = writeTree({ "base.yaml": stringify(spec((s) => opts.retire && (s.vpcs[0].retire = opts.retire))) });
  const r = runPipeline(dir, { inventoryDir: opts.inventory ?? tmpDir() });
  if (!r.plan) throw new Error(JSON.stringify(r.diagnostics));
  return r.plan;
}

describe("import blocks", () => {
  test("JSON: one import per adopted or retired endpoint, sorted by address; the retired endpoint as recorded", () => {
    const out = path.join(tmpDir(), "cdktf.out");
    synthToDir(planWith({ inventory: FIXTURE, retire: { [KMS]: "adopt" } }), out);
    const json = JSON.parse(fs.readFileSync(path.join(out, "stacks", "base", "cdk.tf.json"), "utf8"));
    expect(json.import).toEqual([
      { id: KMS, to: `aws_vpc_endpoint.main_retired_${KMS}` },
      { id: "vpce-0a1b2c3d4e5f60001", to: "aws_vpc_endpoint.main_s3" },
      { id: "vpce-0a1b2c3d4e5f60002", to: "aws_vpc_endpoint.main_ssm" },
    ]);
    expect(json.terraform.required_version).toBe(">= 1.5.0");
    const retired = json.resource.aws_vpc_endpoint[`main_retired_${KMS}`];
    expect(retired).toMatchObject({
      vpc_id: "vpc-0123456789abcdef0",
      service_name: "com.amazonaws.eu-central-1.kms",
      vpc_endpoint_type: "Interface",
      subnet_ids: ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"],
      security_group_ids: ["sg-0a1b2c3d4e5f60003"],
      private_dns_enabled: true,
      tags: { team: "security" },
    });
  });

  test("no inventory: no import key, the same bytes as before adoption existed", () => {
    const out = path.join(tmpDir(), "cdktf.out");
    synthToDir(planWith({}), out);
    const json = JSON.parse(fs.readFileSync(path.join(out, "stacks", "base", "cdk.tf.json"), "utf8"));
    expect(json.import).toBeUndefined();
    expect(Object.keys(json.resource.aws_vpc_endpoint).sort()).toEqual(["main_s3", "main_ssm"]);
  });

  test("HCL writes import blocks with a bare address; the module leaves imports and retired endpoints out", () => {
    const out = path.join(tmpDir(), "cdktf.out");
    synthToDir(planWith({ inventory: FIXTURE, retire: { [KMS]: "adopt" } }), out, { format: "hcl", modules: true });
    const hcl = fs.readFileSync(path.join(out, "stacks", "base", "cdk.tf"), "utf8");
    expect(hcl).toContain('import {\n  to = aws_vpc_endpoint.main_s3\n  id = "vpce-0a1b2c3d4e5f60001"\n}\n');
    expect(hcl).toContain(`resource "aws_vpc_endpoint" "main_retired_${KMS}" {`);
    const module = fs.readFileSync(path.join(out, "modules", "base", "main.tf"), "utf8");
    expect(module).not.toContain("import {");
    expect(module).not.toContain("main_retired_");
    expect(module).toContain('resource "aws_vpc_endpoint" "main_ssm" {');
  });
});

describe("reports read adoption from the plan", () => {
  test("the markdown plan names the endpoint each planned one adopts; the JSON plan carries the facts", () => {
    const plan = planWith({ inventory: FIXTURE });
    const md = renderMarkdown({ plan, diagnostics: [], gbPerMonth: 0 });
    expect(md).toContain("**adopts** `vpce-0a1b2c3d4e5f60002` (3 changes)");
    const json = JSON.parse(renderJson({ plan, diagnostics: [] }));
    expect(json.stacks[0].vpcs[0].endpoints[0].adopt.endpointId).toBe("vpce-0a1b2c3d4e5f60001");
    expect(json.stacks[0].vpcs[0].existing.map((e: { action: string }) => e.action)).toEqual([
      "adopt",
      "adopt",
      "unrequested",
    ]);
  });
});
