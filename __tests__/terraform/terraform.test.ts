/**
 * Real Terraform, the consumer of our output: every stack synthesized from
 * specs/ and the valid fixtures goes through init, validate and an offline
 * plan. Without terraform or the provider mirror the suite says so and
 * skips, unless VPCE_REQUIRE_TERRAFORM=1 (set by CI), which makes it fail.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { synthToDir } from "../../src/constructs/synth";
import { runPipeline } from "../../src/pipeline";
import { ROOT, tmpDir } from "../helpers";
import { findToolchain, pool, Terraform, type TerraformOutcome } from "./harness";

const toolchain = findToolchain();
const required = process.env.VPCE_REQUIRE_TERRAFORM === "1";
const DIRS = [path.join(ROOT, "specs"), path.join(ROOT, "__tests__", "fixtures", "valid")];

if ("missing" in toolchain) {
  if (required) {
    test("terraform toolchain is present (VPCE_REQUIRE_TERRAFORM=1)", () => {
      throw new Error(`real-Terraform suite cannot run: ${toolchain.missing}`);
    });
  } else {
    console.warn(
      `SKIPPED real-Terraform suite: ${toolchain.missing}. Set VPCE_REQUIRE_TERRAFORM=1 to make this a failure.`,
    );
    test.skip(`real Terraform (${toolchain.missing})`, () => undefined);
  }
} else {
  describe(`real Terraform (${toolchain.terraform}, aws ${toolchain.awsVersion} from ${toolchain.mirror})`, () => {
    const work = tmpDir("vpce-tf-");
    const tf = new Terraform(toolchain, work);
    const stacks: Array<{ stack: string; file: string; resources: number; checks: string[] }> = [];
    for (const dir of DIRS) {
      const r = runPipeline(dir);
      if (!r.plan) throw new Error(`${dir} is not valid`);
      const out = synthToDir(r.plan, path.join(work, "out", path.basename(dir)));
      for (const s of r.plan.stacks) {
        const file = path.join(out.outdir, "stacks", s.stack, "cdk.tf.json");
        const json = JSON.parse(fs.readFileSync(file, "utf8"));
        const resources = Object.values(json.resource as Record<string, object>).reduce(
          (n, byName) => n + Object.keys(byName).length,
          0,
        );
        // each check block reads its VPC through a scoped data source (read at plan time, never created)
        const checks = Object.values((json.check ?? {}) as Record<string, { data: Record<string, object> }>)
          .flatMap((c) =>
            Object.entries(c.data).flatMap(([type, byName]) => Object.keys(byName).map((n) => `data.${type}.${n}`)),
          )
          .sort();
        stacks.push({ stack: s.stack, file, resources, checks });
      }
    }
    let outcomes: Map<string, TerraformOutcome>;

    beforeAll(async () => {
      const results = await pool(stacks, 2, (s) => tf.check(s.stack, s.file));
      outcomes = new Map(results.map((r) => [r.stack, r]));
    }, 600_000);

    test("check blocks are among what is planned: a stack with private DNS has one per such VPC", () => {
      expect(stacks.filter((s) => s.checks.length > 0).map((s) => s.stack)).toContain("endpoint-options");
    });

    test.each(stacks.map((s) => [s.stack, s] as const))(
      "%s: validate, plan, every resource created once",
      (stack, s) => {
        const o = outcomes.get(stack) as TerraformOutcome;
        expect(o.validate).toMatchObject({ valid: true, error_count: 0 });
        expect(o.validate.diagnostics.filter((d) => (d as { severity: string }).severity === "error")).toEqual([]);
        if (!o.planOk) throw new Error(`terraform plan failed for ${stack}:\n${o.planLog}`);
        const reads = Object.keys(o.changes).filter((a) => a.startsWith("data."));
        expect(reads.sort()).toEqual(s.checks);
        expect(reads.every((a) => JSON.stringify(o.changes[a]) === '["read"]')).toBe(true);
        const managed = Object.entries(o.changes).filter(([a]) => !a.startsWith("data."));
        expect(managed).toHaveLength(s.resources);
        expect(managed.every(([, a]) => a.length === 1 && a[0] === "create")).toBe(true);
        for (const [address, values] of Object.entries(o.values)) {
          if (!address.startsWith("aws_vpc_endpoint.")) continue;
          expect(["Gateway", "Interface", "Resource", "ServiceNetwork"]).toContain(values.vpc_endpoint_type);
          // a VPC Lattice endpoint reaches its ARN, with no service name; the others a service name
          const lattice = { Resource: "resource_configuration_arn", ServiceNetwork: "service_network_arn" }[
            values.vpc_endpoint_type as string
          ];
          const targets = ["service_name", "resource_configuration_arn", "service_network_arn"].filter(
            (k) => values[k] !== null && values[k] !== undefined,
          );
          expect({ address, targets }).toEqual({ address, targets: [lattice ?? "service_name"] });
        }
      },
    );

    test("endpoint-options: Terraform plans both VPC Lattice types with their ARNs and security groups", () => {
      const o = outcomes.get("endpoint-options") as TerraformOutcome;
      expect(o.values["aws_vpc_endpoint.options_orders-db"]).toMatchObject({
        vpc_endpoint_type: "Resource",
        resource_configuration_arn: expect.stringMatching(/:resourceconfiguration\/rcfg-/),
        private_dns_enabled: true,
      });
      expect(o.values["aws_vpc_endpoint.options_mesh"]).toMatchObject({
        vpc_endpoint_type: "ServiceNetwork",
        service_network_arn: expect.stringMatching(/:servicenetwork\/sn-/),
        ip_address_type: "dualstack",
      });
      expect(o.values["aws_vpc_security_group_ingress_rule.options_orders-db_app-b_5432"]).toMatchObject({
        from_port: 5432,
        to_port: 5432,
        cidr_ipv4: "10.60.2.0/24",
      });
    });
  });
}
