/**
 * Proves src/planner/replacements.ts with the real provider: one state holds a resource per probe, as if applied;
 * one plan (-refresh=false) of the changed configuration says, per probe, whether Terraform replaces it and
 * because of which argument (`replace_paths`). Every row of FORCES_REPLACEMENT has a probe that must replace
 * with exactly that path; the other arguments vpce sets have probes that must update in place, so the table is
 * neither short nor long. Also proves that a security group's name_prefix and description, ignored
 * (SECURITY_GROUP_IGNORED_CHANGES), replace nothing.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { FORCES_REPLACEMENT, PROVEN_WITH } from "../../src/planner/replacements";
import { SECURITY_GROUP_IGNORED_CHANGES } from "../../src/planner/plan";
import { tmpDir } from "../helpers";
import { FakeState, type ResourceChange } from "./fake-state";
import { findToolchain, Terraform } from "./harness";

const toolchain = findToolchain();
const required = process.env.VPCE_REQUIRE_TERRAFORM === "1";

type Body = Record<string, unknown>;
interface Probe {
  type: string;
  before: Body;
  after: Body;
  /** The argument whose path replace_paths must hold; undefined: an in-place update (or no change at all). */
  replaces?: string;
  /** The table row the probe proves. */
  row?: string;
  noChange?: boolean;
}

const VPC = "vpc-0123456789abcdef0";
const sg = {
  name_prefix: "vpce-a-ssm-",
  description: "Clients",
  vpc_id: VPC,
  lifecycle: { create_before_destroy: true },
};
const rule = {
  security_group_id: "${aws_security_group.shared.id}",
  ip_protocol: "tcp",
  from_port: 443,
  to_port: 443,
  cidr_ipv4: "10.0.0.0/24",
  description: "ssm from subnet app-a",
};
const v6 = { ...rule, cidr_ipv4: undefined, cidr_ipv6: "2001:db8:1::/64" };
const ref = { ...rule, cidr_ipv4: undefined, referenced_security_group_id: "sg-0123456789abcdef0" };
const iface = {
  vpc_id: VPC,
  service_name: "com.amazonaws.eu-central-1.ssm",
  vpc_endpoint_type: "Interface",
  subnet_ids: ["subnet-0123456789abcdef0"],
  security_group_ids: ["${aws_security_group.shared.id}"],
  private_dns_enabled: true,
};
const gateway = {
  vpc_id: VPC,
  service_name: "com.amazonaws.eu-central-1.s3",
  vpc_endpoint_type: "Gateway",
  route_table_ids: ["rtb-0123456789abcdef0"],
};
const cross = { ...iface, service_name: "com.amazonaws.us-west-2.s3", service_region: "us-west-2" };
const policy = JSON.stringify({
  Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }],
});

const PROBES: Record<string, Probe> = {
  // rows of the table
  ep_vpc_id: { type: "aws_vpc_endpoint", before: iface, after: { ...iface, vpc_id: "vpc-0123456789abcdef1" } },
  ep_service_name: {
    type: "aws_vpc_endpoint",
    before: iface,
    after: { ...iface, service_name: "com.amazonaws.eu-central-1.kms" },
  },
  ep_vpc_endpoint_type: {
    type: "aws_vpc_endpoint",
    before: gateway,
    after: { ...gateway, vpc_endpoint_type: "Interface", route_table_ids: undefined },
  },
  ep_service_region: {
    type: "aws_vpc_endpoint",
    before: cross,
    // the name alone: service_name is a row of its own
    after: { ...cross, service_region: "us-east-2" },
  },
  sg_name_prefix: { type: "aws_security_group", before: sg, after: { ...sg, name_prefix: "vpce-b-ssm-" } },
  sg_description: { type: "aws_security_group", before: sg, after: { ...sg, description: "Other" } },
  sg_vpc_id: { type: "aws_security_group", before: sg, after: { ...sg, vpc_id: "vpc-0123456789abcdef1" } },
  rule_security_group_id: {
    type: "aws_vpc_security_group_ingress_rule",
    before: rule,
    after: { ...rule, security_group_id: "sg-0123456789abcdef1" },
  },
  rule_cidr_ipv4: { type: "aws_vpc_security_group_ingress_rule", before: rule, after: v6 },
  // the source's kind changes: set-or-unset rows (a new value of the same kind is an update, below)
  rule_cidr_ipv6: { type: "aws_vpc_security_group_ingress_rule", before: rule, after: v6 },
  rule_referenced_security_group_id: { type: "aws_vpc_security_group_ingress_rule", before: rule, after: ref },
  // in place
  ep_subnet_ids: {
    type: "aws_vpc_endpoint",
    before: iface,
    after: { ...iface, subnet_ids: ["subnet-0123456789abcdef1"] },
  },
  ep_security_group_ids: {
    type: "aws_vpc_endpoint",
    before: iface,
    after: { ...iface, security_group_ids: ["sg-0123456789abcdef1"] },
  },
  ep_private_dns_enabled: { type: "aws_vpc_endpoint", before: iface, after: { ...iface, private_dns_enabled: false } },
  ep_policy: { type: "aws_vpc_endpoint", before: iface, after: { ...iface, policy } },
  ep_dns_options: {
    type: "aws_vpc_endpoint",
    before: iface,
    after: {
      ...iface,
      dns_options: { dns_record_ip_type: "ipv4", private_dns_only_for_inbound_resolver_endpoint: true },
    },
  },
  ep_ip_address_type: { type: "aws_vpc_endpoint", before: iface, after: { ...iface, ip_address_type: "dualstack" } },
  ep_subnet_configuration: {
    type: "aws_vpc_endpoint",
    before: iface,
    after: { ...iface, subnet_configuration: [{ subnet_id: "subnet-0123456789abcdef0", ipv4: "10.0.0.10" }] },
  },
  ep_tags: { type: "aws_vpc_endpoint", before: iface, after: { ...iface, tags: { Name: "main-ssm" } } },
  gw_route_table_ids: {
    type: "aws_vpc_endpoint",
    before: gateway,
    after: { ...gateway, route_table_ids: ["rtb-0123456789abcdef1"] },
  },
  gw_policy: { type: "aws_vpc_endpoint", before: gateway, after: { ...gateway, policy } },
  sg_tags: { type: "aws_security_group", before: sg, after: { ...sg, tags: { Name: "vpce-b-ssm" } } },
  sg_ignored: {
    type: "aws_security_group",
    before: { ...sg, lifecycle: { create_before_destroy: true, ignore_changes: [...SECURITY_GROUP_IGNORED_CHANGES] } },
    after: {
      ...sg,
      name_prefix: "vpce-b-ssm-",
      description: "Other",
      lifecycle: { create_before_destroy: true, ignore_changes: [...SECURITY_GROUP_IGNORED_CHANGES] },
    },
    noChange: true,
  },
  rule_cidr_ipv4_value: {
    type: "aws_vpc_security_group_ingress_rule",
    before: rule,
    after: { ...rule, cidr_ipv4: "10.0.1.0/24" },
  },
  rule_cidr_ipv6_value: {
    type: "aws_vpc_security_group_ingress_rule",
    before: v6,
    after: { ...v6, cidr_ipv6: "2001:db8:2::/64" },
  },
  rule_referenced_value: {
    type: "aws_vpc_security_group_ingress_rule",
    before: ref,
    after: { ...ref, referenced_security_group_id: "sg-0123456789abcdef1" },
  },
  rule_ports: {
    type: "aws_vpc_security_group_ingress_rule",
    before: rule,
    after: { ...rule, from_port: 9142, to_port: 9142 },
  },
  rule_description: { type: "aws_vpc_security_group_ingress_rule", before: rule, after: { ...rule, description: "x" } },
};
const KEY_PREFIX = { aws_vpc_endpoint: "ep", aws_security_group: "sg", aws_vpc_security_group_ingress_rule: "rule" };
for (const row of FORCES_REPLACEMENT) {
  const key = `${KEY_PREFIX[row.resource]}_${row.argument}`;
  if (PROBES[key]) Object.assign(PROBES[key], { replaces: row.argument, row: `${row.resource}.${row.argument}` });
}

function config(side: "before" | "after"): Record<string, unknown> {
  const resource: Record<string, Record<string, Body>> = { aws_security_group: { shared: sg } };
  for (const [name, p] of Object.entries(PROBES)) (resource[p.type] ??= {})[name] = p[side];
  return { resource };
}

if ("missing" in toolchain) {
  if (required)
    test("terraform toolchain is present (VPCE_REQUIRE_TERRAFORM=1)", () => {
      throw new Error(`replacement proofs cannot run: ${toolchain.missing}`);
    });
  else test.skip(`replacement table (${toolchain.missing})`, () => undefined);
} else {
  let changes: ResourceChange[] = [];
  beforeAll(async () => {
    const work = tmpDir("vpce-replace-");
    const state = new FakeState(new Terraform(toolchain, work), path.join(work, "probe"));
    fs.mkdirSync(state.dir);
    await state.init(PROVEN_WITH.version);
    await state.applyFake(config("before"));
    const unchanged = await state.changes(config("before"));
    expect(unchanged.filter((c) => c.change.actions.join() !== "no-op").map((c) => c.address)).toEqual([]);
    changes = await state.changes(config("after"));
  }, 600_000);

  test(`the mirror's provider is the one the table names (${PROVEN_WITH.provider} ${PROVEN_WITH.version})`, () => {
    expect(toolchain.awsVersion).toBe(PROVEN_WITH.version);
  });

  test("every row of the table has a probe", () => {
    const proven = Object.values(PROBES).flatMap((p) => (p.row ? [p.row] : []));
    expect(proven.sort()).toEqual(FORCES_REPLACEMENT.map((r) => `${r.resource}.${r.argument}`).sort());
  });

  test.each(Object.keys(PROBES))("%s: replaced exactly when the table says so", (name) => {
    const p = PROBES[name];
    const c = changes.find((x) => x.address === `${p.type}.${name}`) as ResourceChange;
    const actions = c.change.actions.join("/");
    if (p.replaces) {
      expect(actions).toMatch(/^(delete\/create|create\/delete)$/);
      expect(c.change.replace_paths).toContainEqual([p.replaces]);
    } else expect({ name, actions }).toEqual({ name, actions: p.noChange ? "no-op" : "update" });
  });
}
