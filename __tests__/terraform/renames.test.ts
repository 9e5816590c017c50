/**
 * Renames without outage, proven with real Terraform and no AWS: the stack synthesized before a rename becomes a
 * state (as if applied); the stack synthesized after it (a VPC, a subnet and an endpoints key renamed with
 * renamedFrom) is planned against that state with -refresh=false. Every endpoint, security group and rule is
 * moved (previous_address) and none is created, destroyed or replaced: the security groups, whose name_prefix
 * and description carry the old names, keep them (ignore_changes). The same rename without renamedFrom destroys
 * and creates them, as `vpce diff` warns.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import { synthesize } from "../../src/cli/synth";
import type { Io } from "../../src/cli/io";
import { PROVEN_WITH } from "../../src/planner/replacements";
import { tmpDir, writeTree } from "../helpers";
import { baseSpec, type SpecDoc } from "../rules/support";
import { FakeState, type ResourceChange } from "./fake-state";
import { findToolchain, Terraform } from "./harness";

const toolchain = findToolchain();
const required = process.env.VPCE_REQUIRE_TERRAFORM === "1";
const partner = "com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0";

function before(): SpecDoc {
  const s = baseSpec();
  s.vpcs[0].subnets[0].services.push("partner");
  s.vpcs[0].endpoints = { partner: { serviceName: partner } };
  return s;
}

function after(opts: { declared: boolean }): SpecDoc {
  const s = baseSpec();
  const v = s.vpcs[0];
  v.name = "apps";
  v.subnets[0].name = "web-a";
  v.subnets[0].services.push("partner-feed");
  v.endpoints = { "partner-feed": { serviceName: partner } };
  if (opts.declared) {
    v.renamedFrom = "main";
    v.subnets[0].renamedFrom = "app-a";
    v.endpoints["partner-feed"].renamedFrom = "partner";
  }
  return s;
}

/** The stack's Terraform JSON as the fake state's folder plans it: resources and moved blocks, no backend. */
function stackConfig(spec: SpecDoc): Record<string, unknown> {
  const specs = writeTree({ "base.yaml": stringify(spec) });
  const out = path.join(tmpDir("vpce-renames-out-"), "cdktf.out");
  const err: string[] = [];
  const io: Io = { out: () => undefined, err: (t) => err.push(t), env: {} };
  const code = synthesize({ specsDir: specs, outDir: out, projectRoot: path.dirname(out), io });
  if (code !== 0) throw new Error(err.join("\n"));
  const j = JSON.parse(fs.readFileSync(path.join(out, "stacks", "base", "cdk.tf.json"), "utf8"));
  return { resource: j.resource, ...(j.moved ? { moved: j.moved } : {}) };
}

if ("missing" in toolchain) {
  if (required)
    test("terraform toolchain is present (VPCE_REQUIRE_TERRAFORM=1)", () => {
      throw new Error(`rename proofs cannot run: ${toolchain.missing}`);
    });
  else test.skip(`renames under real Terraform (${toolchain.missing})`, () => undefined);
} else {
  let declared: ResourceChange[] = [];
  let undeclared: ResourceChange[] = [];
  let moved: Array<{ from: string; to: string }> = [];
  beforeAll(async () => {
    const work = tmpDir("vpce-renames-");
    const state = new FakeState(new Terraform(toolchain, work), path.join(work, "stack"));
    fs.mkdirSync(state.dir);
    await state.init(PROVEN_WITH.version);
    await state.applyFake(stackConfig(before()));
    const config = stackConfig(after({ declared: true }));
    moved = config.moved as typeof moved;
    declared = await state.changes(config);
    undeclared = await state.changes(stackConfig(after({ declared: false })));
  }, 600_000);

  test("synth writes a moved block for every resource whose address derives from a renamed name", () => {
    expect(moved).toEqual(
      expect.arrayContaining([
        { from: "aws_vpc_endpoint.main_s3", to: "aws_vpc_endpoint.apps_s3" },
        { from: "aws_vpc_endpoint.main_partner", to: "aws_vpc_endpoint.apps_partner-feed" },
        { from: "aws_security_group.main_ssm", to: "aws_security_group.apps_ssm" },
        {
          from: "aws_vpc_security_group_ingress_rule.main_ssm_app-a",
          to: "aws_vpc_security_group_ingress_rule.apps_ssm_web-a",
        },
        {
          from: "aws_vpc_security_group_ingress_rule.main_partner_app-a",
          to: "aws_vpc_security_group_ingress_rule.apps_partner-feed_web-a",
        },
      ]),
    );
    // s3 gateway, ssm and partner endpoints, their two groups and three rules
    expect(moved).toHaveLength(8);
  });

  test("with renamedFrom: every resource is moved, nothing is created, destroyed or replaced", () => {
    const actions = declared.map((c) => c.change.actions.join("/"));
    expect(actions.filter((a) => a !== "no-op" && a !== "update")).toEqual([]);
    expect(declared.filter((c) => c.previous_address).map((c) => [c.previous_address, c.address])).toEqual(
      expect.arrayContaining(moved.map((m) => [m.from, m.to])),
    );
    // the groups keep the name and description they were created with
    for (const c of declared.filter((x) => x.address.startsWith("aws_security_group.")))
      expect({ address: c.address, actions: c.change.actions }).toEqual({ address: c.address, actions: ["update"] });
  });

  test("without renamedFrom: Terraform destroys and creates them (what vpce diff warns about)", () => {
    const deleted = undeclared.filter((c) => c.change.actions.includes("delete")).map((c) => c.address);
    expect(deleted).toEqual(expect.arrayContaining(moved.map((m) => m.from)));
  });
}
