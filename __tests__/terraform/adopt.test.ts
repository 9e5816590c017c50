/**
 * Adoption with real Terraform (hashicorp/aws from the local mirror, offline):
 *
 * - the synthesized `import` blocks validate, and an offline plan with them reaches the import and stops at
 *   reading the endpoint from AWS: `plan -refresh=false` still imports (ImportResourceState + ReadResource),
 *   since an import is a read by nature;
 * - once the state holds what the import records (built here from the inventory, as the provider maps
 *   DescribeVpcEndpoints), the import blocks are no-ops and the plan is what the first apply does: every
 *   argument Terraform changes is one `vpce adopt` reports, and no other;
 * - retire: step 1 imports the endpoint without changing it; step 2 destroys it and nothing else;
 * - the replacement table (src/planner/replacements.ts): each row's argument, changed alone, replaces the
 *   endpoint exactly when the row says so.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import { synthesize } from "../../src/cli/synth";
import type { Io } from "../../src/cli/io";
import { readInventoryText, type ExistingEndpoint } from "../../src/inventory/read";
import { runPipeline } from "../../src/pipeline";
import { ENDPOINT_REPLACEMENT } from "../../src/planner/replacements";
import { ROOT, tmpDir, writeTree } from "../helpers";
import { spec } from "../rules/support";
import { findToolchain, Terraform, type Toolchain } from "./harness";

const toolchain = findToolchain();
const required = process.env.VPCE_REQUIRE_TERRAFORM === "1";
const FIXTURE = path.join(ROOT, "__tests__", "inventory", "fixtures", "basic");
const KMS = "vpce-0a1b2c3d4e5f60003";
const PROVIDER = 'provider["registry.terraform.io/hashicorp/aws"]';

/** The fixture's endpoints as read. */
function fixtureEndpoints(): readonly ExistingEndpoint[] {
  const file = path.join(FIXTURE, "eu-central-1.json");
  const read = readInventoryText({ text: fs.readFileSync(file, "utf8"), file });
  return read.inventory?.endpoints ?? [];
}

/** The state attributes the provider records for an imported endpoint (its read of DescribeVpcEndpoints). */
function importedAttributes(e: ExistingEndpoint): Record<string, unknown> {
  return {
    id: e.id,
    // computed-only attributes the provider's read fills in (empty here: no change either way)
    arn: `arn:aws:ec2:eu-central-1:${e.ownerId}:vpc-endpoint/${e.id}`,
    cidr_blocks: [],
    dns_entry: [],
    network_interface_ids: [],
    vpc_id: e.vpcId,
    service_name: e.serviceName,
    vpc_endpoint_type: e.type,
    subnet_ids: e.subnetIds,
    security_group_ids: e.securityGroupIds,
    route_table_ids: e.routeTableIds,
    private_dns_enabled: e.privateDns ?? false,
    policy: e.policy ?? "",
    ip_address_type: e.ipAddressType ?? "",
    dns_options:
      e.type === "Interface"
        ? [
            {
              dns_record_ip_type: e.dnsRecordIpType ?? "ipv4",
              private_dns_only_for_inbound_resolver_endpoint: e.privateDnsOnlyForInboundResolverEndpoint ?? false,
            },
          ]
        : [],
    subnet_configuration: [],
    service_region: e.serviceRegion ?? "eu-central-1",
    state: e.state,
    owner_id: e.ownerId ?? "",
    requester_managed: e.requesterManaged ?? false,
    tags: Object.keys(e.tags).length > 0 ? e.tags : null,
    tags_all: e.tags,
  };
}

function stateOf(resources: { address: string; attributes: Record<string, unknown> }[]): unknown {
  return {
    version: 4,
    terraform_version: "1.5.0",
    serial: 1,
    lineage: "6b1d0c5e-1b2a-4c3d-8e4f-5a6b7c8d9e0f",
    outputs: {},
    resources: resources.map((r) => ({
      mode: "managed",
      type: "aws_vpc_endpoint",
      name: r.address,
      provider: PROVIDER,
      instances: [{ schema_version: 0, attributes: r.attributes }],
    })),
  };
}

/** Top-level arguments whose planned value differs from the state's (unknown after apply counts as a change). */
function changedArguments(d: { before: unknown; after: unknown; afterUnknown: unknown }): string[] {
  const before = d.before as Record<string, unknown>;
  const after = d.after as Record<string, unknown>;
  const unknown = (d.afterUnknown ?? {}) as Record<string, unknown>;
  const args = [...new Set([...ENDPOINT_REPLACEMENT.keys()].map((a) => a.split(".")[0]))];
  return args
    .filter((a) => unknown[a] === true || JSON.stringify(before[a] ?? null) !== JSON.stringify(after[a] ?? null))
    .filter((a) => !(unknown[a] === undefined && after[a] === undefined))
    .sort();
}

function synth(opts: { specs: string; out: string }): void {
  const err: string[] = [];
  const io: Io = { out: () => undefined, err: (t) => err.push(t), env: { VPCE_INVENTORY: FIXTURE } };
  const code = synthesize({ specsDir: opts.specs, outDir: opts.out, projectRoot: path.dirname(opts.out), io });
  if (code !== 0) throw new Error(err.join("\n"));
}

if ("missing" in toolchain) {
  if (required) {
    test("terraform toolchain is present (VPCE_REQUIRE_TERRAFORM=1)", () => {
      throw new Error(`real-Terraform adoption suite cannot run: ${toolchain.missing}`);
    });
  } else {
    test.skip(`Terraform adoption (${toolchain.missing})`, () => undefined);
  }
} else {
  const tc: Toolchain = toolchain;
  describe(`Terraform adoption (${tc.terraform}, hashicorp/aws ${tc.awsVersion})`, () => {
    const work = tmpDir("vpce-adopt-");
    const tf = new Terraform(tc, work);
    const step = (retire: "adopt" | "delete") => {
      const specs = writeTree({ "base.yaml": stringify(spec((s) => (s.vpcs[0].retire = { [KMS]: retire }))) });
      const out = path.join(work, `out-${retire}`);
      synth({ specs, out });
      return { specs, file: path.join(out, "stacks", "base", "cdk.tf.json") };
    };
    const endpoints = fixtureEndpoints();
    const byId = (id: string) => endpoints.find((e) => e.id === id) as ExistingEndpoint;
    const imported = [
      { address: "main_s3", attributes: importedAttributes(byId("vpce-0a1b2c3d4e5f60001")) },
      { address: "main_ssm", attributes: importedAttributes(byId("vpce-0a1b2c3d4e5f60002")) },
    ];
    const retired = { address: `main_retired_${KMS}`, attributes: importedAttributes(byId(KMS)) };

    test("the import blocks validate; an offline plan imports, so it stops at reading the endpoint", async () => {
      const { file } = step("adopt");
      const json = JSON.parse(fs.readFileSync(file, "utf8"));
      expect(json.import).toEqual([
        { id: KMS, to: `aws_vpc_endpoint.main_retired_${KMS}` },
        { id: "vpce-0a1b2c3d4e5f60001", to: "aws_vpc_endpoint.main_s3" },
        { id: "vpce-0a1b2c3d4e5f60002", to: "aws_vpc_endpoint.main_ssm" },
      ]);
      expect(json.terraform.required_version).toBe(">= 1.5.0");
      const r = await tf.check("import-offline", file);
      expect(r.validate).toMatchObject({ valid: true, error_count: 0 });
      expect(r.planOk).toBe(false);
      expect(r.planLog).toMatch(/Preparing import\.\.\. \[id=vpce-0a1b2c3d4e5f6000[123]\]/);
      expect(r.planLog).toMatch(/reading VPC Endpoint \(vpce-0a1b2c3d4e5f6000[123]\)/);
    }, 120_000);

    test("after the import, Terraform changes exactly the arguments vpce adopt reports", async () => {
      const { specs, file } = step("adopt");
      const r = await tf.check("import-done", file, { state: stateOf([...imported, retired]) });
      expect(r.planOk).toBe(true);
      const plan = runPipeline(specs, { inventoryDir: FIXTURE }).plan;
      for (const e of plan?.stacks[0].vpcs[0].endpoints ?? []) {
        const address = `aws_vpc_endpoint.${e.address}`;
        expect(r.changes[address]).toEqual(["update"]);
        const reported = [...new Set((e.adopt?.changes ?? []).map((c) => c.argument.split(".")[0]))].sort();
        expect([address, changedArguments(r.details[address])]).toEqual([address, reported]);
      }
      // retire step 1: imported as it is, nothing changes
      expect(r.changes[`aws_vpc_endpoint.main_retired_${KMS}`]).toEqual(["no-op"]);
      // nothing is destroyed or replaced by adopting
      expect(Object.values(r.changes).flat()).not.toContain("delete");
    }, 120_000);

    test("retire step 2: the next apply destroys the retired endpoint and nothing else", async () => {
      const { file } = step("delete");
      const json = JSON.parse(fs.readFileSync(file, "utf8"));
      expect(json.import.map((i: { to: string }) => i.to)).toEqual([
        "aws_vpc_endpoint.main_s3",
        "aws_vpc_endpoint.main_ssm",
      ]);
      const r = await tf.check("retire-delete", file, { state: stateOf([...imported, retired]) });
      expect(r.planOk).toBe(true);
      const deleted = Object.entries(r.changes).filter(([, a]) => a.includes("delete"));
      expect(deleted).toEqual([[`aws_vpc_endpoint.main_retired_${KMS}`, ["delete"]]]);
    }, 120_000);

    test("replacement table: each argument changed alone replaces the endpoint exactly as its row says", async () => {
      const base = {
        vpc_id: "vpc-0123456789abcdef0",
        service_name: "com.amazonaws.eu-central-1.ssm",
        vpc_endpoint_type: "Interface",
        subnet_ids: ["subnet-0aaaaaaaaaaaaaaa1"],
        security_group_ids: ["sg-0aaaaaaaaaaaaaaa1"],
        private_dns_enabled: true,
      };
      const gateway = {
        vpc_id: "vpc-0123456789abcdef0",
        service_name: "com.amazonaws.eu-central-1.s3",
        vpc_endpoint_type: "Gateway",
        route_table_ids: ["rtb-0aaaaaaaaaaaaaaa1"],
      };
      /** Per row: the configuration differing from `base` (or `gateway`) in that argument alone. */
      const variants: Record<string, Record<string, unknown>> = {
        vpc_id: { ...base, vpc_id: "vpc-0fedcba9876543210" },
        service_name: { ...base, service_name: "com.amazonaws.eu-central-1.kms" },
        vpc_endpoint_type: { ...gateway, vpc_endpoint_type: "Interface", route_table_ids: undefined },
        service_region: { ...base, service_region: "us-west-2" },
        subnet_ids: { ...base, subnet_ids: ["subnet-0bbbbbbbbbbbbbbb2"] },
        security_group_ids: { ...base, security_group_ids: ["sg-0bbbbbbbbbbbbbbb1"] },
        route_table_ids: { ...gateway, route_table_ids: ["rtb-0bbbbbbbbbbbbbbb2"] },
        private_dns_enabled: { ...base, private_dns_enabled: false },
        policy: { ...base, policy: '{"Statement":[{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}]}' },
        ip_address_type: { ...base, ip_address_type: "dualstack" },
        "dns_options.dns_record_ip_type": { ...base, dns_options: [{ dns_record_ip_type: "dualstack" }] },
        "dns_options.private_dns_only_for_inbound_resolver_endpoint": {
          ...base,
          dns_options: [{ private_dns_only_for_inbound_resolver_endpoint: true }],
        },
        subnet_configuration: {
          ...base,
          subnet_configuration: [{ subnet_id: "subnet-0aaaaaaaaaaaaaaa1", ipv4: "10.20.1.10" }],
        },
        tags: { ...base, tags: { team: "payments" } },
      };
      const rows = [...ENDPOINT_REPLACEMENT.values()];
      expect(rows.map((r) => r.argument).filter((a) => !(a in variants))).toEqual([]);
      const name = (argument: string) => argument.replace(/\./g, "__");
      const stateAttributes = (config: Record<string, unknown>, i: number) => ({
        id: `vpce-0b00000000000000${i.toString(16)}`,
        vpc_id: config === variants.vpc_endpoint_type ? gateway.vpc_id : base.vpc_id,
        service_name: config.service_name === gateway.service_name ? gateway.service_name : base.service_name,
        vpc_endpoint_type: config.route_table_ids || config === variants.vpc_endpoint_type ? "Gateway" : "Interface",
        subnet_ids: config.route_table_ids || config === variants.vpc_endpoint_type ? [] : base.subnet_ids,
        security_group_ids:
          config.route_table_ids || config === variants.vpc_endpoint_type ? [] : base.security_group_ids,
        route_table_ids: config.route_table_ids || config === variants.vpc_endpoint_type ? gateway.route_table_ids : [],
        private_dns_enabled: !(config.route_table_ids || config === variants.vpc_endpoint_type),
        policy: "",
        ip_address_type: "ipv4",
        dns_options: [{ dns_record_ip_type: "ipv4", private_dns_only_for_inbound_resolver_endpoint: false }],
        subnet_configuration: [],
        service_region: "eu-central-1",
        tags: null,
        tags_all: {},
      });
      const resources = Object.fromEntries(
        rows.map((r) => [
          name(r.argument),
          Object.fromEntries(Object.entries(variants[r.argument]).filter(([, v]) => v !== undefined)),
        ]),
      );
      const stack = {
        terraform: { required_providers: { aws: { source: "aws", version: tc.awsVersion } } },
        provider: { aws: [{ region: "eu-central-1" }] },
        resource: { aws_vpc_endpoint: resources },
      };
      const file = path.join(work, "replacement.tf.json");
      fs.writeFileSync(file, JSON.stringify(stack));
      const state = stateOf(
        rows.map((r, i) => ({ address: name(r.argument), attributes: stateAttributes(variants[r.argument], i) })),
      );
      const out = await tf.check("replacement", file, { state });
      expect(out.planOk).toBe(true);
      const proven = rows.map((r) => {
        const address = `aws_vpc_endpoint.${name(r.argument)}`;
        const replaced = (out.details[address]?.replacePaths ?? []).map((p) => (p as string[])[0]);
        return {
          argument: r.argument,
          replaces: (out.changes[address] ?? []).includes("create"),
          updates: out.changes[address]?.[0] === "update",
          path: replaced.includes(r.argument.split(".")[0]) || !(out.changes[address] ?? []).includes("create"),
        };
      });
      expect(proven).toEqual(
        rows.map((r) => ({ argument: r.argument, replaces: r.replaces, updates: !r.replaces, path: true })),
      );
    }, 120_000);
  });
}
