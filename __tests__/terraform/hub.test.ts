/**
 * A hub and three spokes through real Terraform, offline: the hub (with zones, records, associations and an
 * authorization), a same-account spoke, a spoke without `account` (taken to be in the hub's account) and a
 * cross-account spoke whose stack reads the hub's zone ids through terraform_remote_state. Every stack is
 * validated as synthesized and planned; the cross-account stack's remote state cannot be read offline (S3),
 * so its plan reads a local state file holding the hub's named output instead: the same data source, the
 * same output name and keys.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import { synthToDir } from "../../src/constructs/synth";
import { runPipeline } from "../../src/pipeline";
import { tmpDir, writeTree } from "../helpers";
import { hubSpec, spokeSpec } from "../hub-support";
import { findToolchain, pool, Terraform, type TerraformOutcome } from "./harness";
import { offlineSpoke } from "./hub-offline";

const toolchain = findToolchain();
const required = process.env.VPCE_REQUIRE_TERRAFORM === "1";

const SPECS = {
  "network-hub.yaml": stringify(
    hubSpec((s) => {
      s.vpcs[0].endpoints = { logs: { ipAddressType: "dualstack" } };
      s.vpcs[0].subnets[0].ipv6Cidr = "2001:db8:1234:1a00::/64";
      s.vpcs[0].subnets[1].ipv6Cidr = "2001:db8:1234:1b00::/64";
    }),
  ),
  "orders.yaml": stringify(
    spokeSpec({ stack: "orders", n: 30, services: ["ecr.dkr", "kms", "s3"], account: "111111111111" }),
  ),
  "batch.yaml": stringify(spokeSpec({ stack: "batch", n: 40, services: ["logs", "sts"] })),
  "payments.yaml": stringify(
    spokeSpec({ stack: "payments", n: 20, services: ["ssm", "kms"], account: "222222222222" }),
  ),
};

if ("missing" in toolchain) {
  if (required)
    test("terraform toolchain is present (VPCE_REQUIRE_TERRAFORM=1)", () => {
      throw new Error(`real-Terraform suite cannot run: ${toolchain.missing}`);
    });
  else test.skip(`hub through real Terraform (${toolchain.missing})`, () => undefined);
} else {
  describe("a hub with three spokes (one in another account) through real Terraform", () => {
    const work = tmpDir("vpce-tf-hub-");
    const tf = new Terraform(toolchain, work);
    const r = runPipeline(writeTree(SPECS));
    if (!r.plan) throw new Error(r.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
    const out = synthToDir(r.plan, path.join(work, "out"));
    const file = (stack: string) => path.join(out.outdir, "stacks", stack, "cdk.tf.json");
    const hubZones = r.plan.stacks
      .flatMap((s) => s.vpcs)
      .flatMap((v) => v.hub?.services ?? [])
      .flatMap((s) => s.zones);
    // the cross-account spoke, planned against a local copy of the hub's output
    const { file: offlineFile, fakeIds } = offlineSpoke({
      work,
      name: "payments-offline",
      stackFile: file("payments"),
      zoneKeys: hubZones.map((z) => z.key),
    });
    const stacks = ["network-hub", "orders", "batch", "payments"];
    let outcomes: Map<string, TerraformOutcome>;

    beforeAll(async () => {
      const results = await pool([...stacks.map((s) => [s, file(s)]), ["payments-offline", offlineFile]], 2, ([s, f]) =>
        tf.check(s, f),
      );
      outcomes = new Map(results.map((o) => [o.stack, o]));
    }, 600_000);

    test.each(stacks)("%s: validates as synthesized", (stack) => {
      const o = outcomes.get(stack) as TerraformOutcome;
      expect(o.validate).toMatchObject({ valid: true, error_count: 0 });
    });

    const resources = (f: string) =>
      Object.values((JSON.parse(fs.readFileSync(f, "utf8")).resource ?? {}) as Record<string, object>).reduce(
        (n, byName) => n + Object.keys(byName).length,
        0,
      );
    test.each(["network-hub", "orders", "batch", "payments-offline"])("%s: plans, every resource created", (s) => {
      const o = outcomes.get(s) as TerraformOutcome;
      if (!o.planOk) throw new Error(`terraform plan failed for ${s}:\n${o.planLog}`);
      const managed = Object.entries(o.changes).filter(([a]) => !a.startsWith("data."));
      // batch: everything it asks for comes from the hub, so its stack creates nothing (its DNS check reads)
      expect(managed).toHaveLength(resources(s === "payments-offline" ? offlineFile : file(s)));
      expect(managed.every(([, a]) => a.length === 1 && a[0] === "create")).toBe(true);
    });

    test("hub: one zone per private DNS name, with the hub VPC inline and vpc changes ignored", () => {
      const json = JSON.parse(fs.readFileSync(file("network-hub"), "utf8"));
      const zones = json.resource.aws_route53_zone as Record<string, Record<string, unknown>>;
      expect(
        Object.values(zones)
          .map((z) => z.name)
          .sort(),
      ).toEqual(hubZones.map((z) => z.name).sort());
      for (const z of Object.values(zones)) {
        expect(z.vpc).toEqual([{ vpc_id: "vpc-0a0a0a0a0a0a0a0a0" }]);
        expect(z.lifecycle).toEqual({ ignore_changes: ["vpc"] });
      }
      const o = outcomes.get("network-hub") as TerraformOutcome;
      const records = Object.entries(o.values).filter(([a]) => a.startsWith("aws_route53_record."));
      // ecr.dkr: apex and wildcard; logs (dualstack): A and AAAA
      expect(records.map(([, v]) => `${v.name} ${v.type}`).sort()).toEqual(
        expect.arrayContaining([
          "dkr.ecr.eu-central-1.amazonaws.com A",
          "*.dkr.ecr.eu-central-1.amazonaws.com A",
          "logs.eu-central-1.amazonaws.com A",
          "logs.eu-central-1.amazonaws.com AAAA",
        ]),
      );
    });

    test("associations: same-account spokes from the hub's stack, the cross-account spoke authorized there", () => {
      const o = outcomes.get("network-hub") as TerraformOutcome;
      const of = (type: string) =>
        Object.entries(o.values)
          .filter(([a]) => a.startsWith(`${type}.`))
          .map(([, v]) => v.vpc_id as string)
          .sort();
      // orders: ecr.dkr, kms (s3 stays a gateway in orders); batch: logs, sts
      expect(of("aws_route53_zone_association")).toEqual([
        "vpc-1e23456789abcdef0",
        "vpc-1e23456789abcdef0",
        "vpc-2823456789abcdef0",
        "vpc-2823456789abcdef0",
      ]);
      expect(of("aws_route53_vpc_association_authorization")).toEqual([
        "vpc-1423456789abcdef0",
        "vpc-1423456789abcdef0",
      ]);
      const spoke = outcomes.get("payments-offline") as TerraformOutcome;
      const assoc = Object.entries(spoke.values).filter(([a]) => a.startsWith("aws_route53_zone_association."));
      expect(assoc.map(([, v]) => v.zone_id).sort()).toEqual(
        ["endpoints/kms.eu-central-1.amazonaws.com", "endpoints/ssm.eu-central-1.amazonaws.com"].map((k) => fakeIds[k]),
      );
      expect(Object.keys(spoke.values).filter((a) => a.startsWith("aws_vpc_endpoint."))).toEqual([]);
    });
  });
}
