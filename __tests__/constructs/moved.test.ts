/** `moved` blocks (src/constructs/state-blocks.ts): one per renamed address, sorted, with Terraform >= 1.5. */
import * as fs from "node:fs";
import * as path from "node:path";
import { synthToDir } from "../../src/constructs/synth";
import { runPipeline } from "../../src/pipeline";
import { ROOT, tmpDir } from "../helpers";

function stackJson(specs: string, stack: string): Record<string, any> {
  const r = runPipeline(specs);
  const out = tmpDir("vpce-moved-");
  synthToDir(r.plan!, out);
  return JSON.parse(fs.readFileSync(path.join(out, "stacks", stack, "cdk.tf.json"), "utf8"));
}

test("renamedFrom on a VPC, a subnet and an endpoints key: a moved block from each old address", () => {
  const j = stackJson(path.join(ROOT, "__tests__", "fixtures", "valid", "renames.yaml"), "renames");
  const moved = j.moved as Array<{ from: string; to: string }>;
  expect(moved.map((m) => m.to)).toEqual([...moved.map((m) => m.to)].sort());
  expect(moved).toContainEqual({
    from: "aws_vpc_security_group_ingress_rule.apps_partner_app-a",
    to: "aws_vpc_security_group_ingress_rule.applications_partner-feed_web-a",
  });
  // app-b keeps its name: its rule moves only with the VPC and the key
  expect(moved).toContainEqual({
    from: "aws_vpc_security_group_ingress_rule.apps_ssm_app-b",
    to: "aws_vpc_security_group_ingress_rule.applications_ssm_app-b",
  });
  // every moved-to address is a resource of the stack
  for (const m of moved) {
    const [type, name] = m.to.split(".");
    expect(j.resource[type][name]).toBeDefined();
  }
  expect(j.terraform.required_version).toBe(">= 1.5.0");
});

test("no rename, no moved block", () => {
  const j = stackJson(path.join(ROOT, "__tests__", "fixtures", "valid", "many-clients.yaml"), "many-clients");
  expect(j.moved).toBeUndefined();
});
