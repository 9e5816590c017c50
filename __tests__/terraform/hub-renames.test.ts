/**
 * Renames around a hub without outage, proven with real Terraform and no AWS (as renames.test.ts does for
 * endpoints): the hub VPC, a same-account spoke VPC and a cross-account spoke VPC (and one of its subnets) are
 * renamed with renamedFrom. Each stack synthesized before the renames becomes a state; the stack synthesized after
 * them is planned against it with -refresh=false: the zones, records, associations, authorizations, the hub
 * endpoint's security group rules for spoke subnets and the cross-account spoke's own associations are all moved,
 * and nothing is created, destroyed or replaced.
 *
 * Two values only AWS would know are made literal in both configurations alike, so that they cannot differ: the
 * alias target of the records (the hub endpoint's DNS entry, empty in a fake state) and, in the cross-account
 * spoke, the zone ids it reads from the hub's state (S3, not readable offline).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import { synthesize } from "../../src/cli/synth";
import type { Io } from "../../src/cli/io";
import { PROVEN_WITH } from "../../src/planner/replacements";
import { tmpDir, writeTree } from "../helpers";
import { hubSpec, spokeSpec } from "../hub-support";
import type { SpecDoc } from "../rules/support";
import { FakeState, type ResourceChange } from "./fake-state";
import { findToolchain, Terraform } from "./harness";

const toolchain = findToolchain();
const required = process.env.VPCE_REQUIRE_TERRAFORM === "1";
const STACKS = ["network-hub", "orders", "payments"] as const;

function specs(opts: { renamed: boolean }): Record<string, SpecDoc> {
  const { renamed } = opts;
  const useHub = renamed ? "network-hub/shared" : "network-hub/endpoints";
  return {
    "network-hub": hubSpec((s) => {
      if (renamed) Object.assign(s.vpcs[0], { name: "shared", renamedFrom: "endpoints" });
    }),
    orders: spokeSpec({
      stack: "orders",
      n: 30,
      services: ["ecr.dkr", "kms", "s3"],
      account: "111111111111",
      edit: (s) => {
        s.vpcs[0].useHub = useHub;
        if (renamed) Object.assign(s.vpcs[0], { name: "shop", renamedFrom: "orders" });
      },
    }),
    payments: spokeSpec({
      stack: "payments",
      n: 20,
      services: ["ssm", "kms"],
      account: "222222222222",
      edit: (s) => {
        s.vpcs[0].useHub = useHub;
        if (renamed) {
          Object.assign(s.vpcs[0], { name: "pay", renamedFrom: "payments" });
          Object.assign(s.vpcs[0].subnets[0], { name: "web-a", renamedFrom: "app-a" });
        }
      },
    }),
  };
}

/** Each stack's resources and moved blocks, with the values only AWS knows made literal (see the header). */
function configs(opts: { renamed: boolean }): Record<string, Record<string, unknown>> {
  const docs = specs(opts);
  const dir = writeTree(Object.fromEntries(Object.entries(docs).map(([s, d]) => [`${s}.yaml`, stringify(d)])));
  const out = path.join(tmpDir("vpce-hub-renames-out-"), "cdktf.out");
  const err: string[] = [];
  const io: Io = { out: () => undefined, err: (t) => err.push(t), env: {} };
  if (synthesize({ specsDir: dir, outDir: out, projectRoot: path.dirname(out), io }) !== 0)
    throw new Error(err.join("\n"));
  return Object.fromEntries(
    STACKS.map((stack) => {
      const text = fs
        .readFileSync(path.join(out, "stacks", stack, "cdk.tf.json"), "utf8")
        .replace(/\$\{aws_vpc_endpoint\.[^}]+\.dns_entry\[0\]\.dns_name\}/g, "vpce-hub.example.amazonaws.com")
        .replace(/\$\{aws_vpc_endpoint\.[^}]+\.dns_entry\[0\]\.hosted_zone_id\}/g, "Z0HUBENDPOINT")
        // the zone's name is the same under both keys (`<hub vpc>/<zone name>`): so is its id
        .replace(/\$\{data\.terraform_remote_state\.[^}]+\[\\"[^/]+\/([^\\]+)\\"\]\}/g, "Z-$1");
      const j = JSON.parse(text);
      return [stack, { resource: j.resource, ...(j.moved ? { moved: j.moved } : {}) }];
    }),
  );
}

if ("missing" in toolchain) {
  if (required)
    test("terraform toolchain is present (VPCE_REQUIRE_TERRAFORM=1)", () => {
      throw new Error(`hub rename proofs cannot run: ${toolchain.missing}`);
    });
  else test.skip(`hub renames under real Terraform (${toolchain.missing})`, () => undefined);
} else {
  const changes = new Map<string, ResourceChange[]>();
  const moved = new Map<string, Array<{ from: string; to: string }>>();
  beforeAll(async () => {
    const before = configs({ renamed: false });
    const after = configs({ renamed: true });
    for (const stack of STACKS) {
      const work = tmpDir(`vpce-hub-renames-${stack}-`);
      const state = new FakeState(new Terraform(toolchain, work), path.join(work, "stack"));
      fs.mkdirSync(state.dir);
      await state.init(PROVEN_WITH.version);
      await state.applyFake(before[stack]);
      moved.set(stack, (after[stack].moved ?? []) as Array<{ from: string; to: string }>);
      changes.set(stack, await state.changes(after[stack]));
    }
  }, 900_000);

  const typesMoved = (stack: string) => [...new Set((moved.get(stack) ?? []).map((m) => m.to.split(".")[0]))].sort();

  test("synth writes moved blocks for the hub's zones, records, associations, authorizations and rules", () => {
    expect(typesMoved("network-hub")).toEqual([
      "aws_route53_record",
      "aws_route53_vpc_association_authorization",
      "aws_route53_zone",
      "aws_route53_zone_association",
      "aws_security_group",
      "aws_vpc_endpoint",
      "aws_vpc_security_group_ingress_rule",
    ]);
    expect(moved.get("network-hub")).toEqual(
      expect.arrayContaining([
        { from: "aws_route53_zone.endpoints_kms_eu-central-1_amazonaws_com", to: expect.any(String) },
        {
          from: "aws_route53_zone_association.endpoints_kms_eu-central-1_amazonaws_com_orders_orders",
          to: "aws_route53_zone_association.shared_kms_eu-central-1_amazonaws_com_orders_shop",
        },
        {
          from: "aws_vpc_security_group_ingress_rule.endpoints_ssm_payments_payments_app-a",
          to: "aws_vpc_security_group_ingress_rule.shared_ssm_payments_pay_web-a",
        },
      ]),
    );
    expect(typesMoved("payments")).toContain("aws_route53_zone_association");
  });

  test.each(STACKS)("%s: every resource is moved, nothing is created, destroyed or replaced", (stack) => {
    const planned = changes.get(stack) ?? [];
    const actions = planned.map((c) => `${c.address}: ${c.change.actions.join("/")}`);
    expect(actions.filter((a) => !/: (no-op|update)$/.test(a))).toEqual([]);
    const pairs = planned.filter((c) => c.previous_address).map((c) => [c.previous_address, c.address]);
    const expected = (moved.get(stack) ?? []).map((m) => [m.from, m.to]);
    expect(expected.length).toBeGreaterThan(0);
    expect(pairs).toEqual(expect.arrayContaining(expected));
  });
}
