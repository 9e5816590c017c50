/**
 * The README's hub-and-spokes example (__tests__/fixtures/hub-example, kept equal to the README block by
 * __tests__/hub-example.test.ts) through real Terraform, offline: both stacks validate as synthesized; the hub
 * plans with every resource a create, and the cross-account spoke plans against a local state holding the hub's
 * `hub_zone_ids` output (its S3 remote state cannot be read offline).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { synthToDir } from "../../src/constructs/synth";
import { runPipeline } from "../../src/pipeline";
import { ROOT, tmpDir } from "../helpers";
import { findToolchain, pool, Terraform, type TerraformOutcome } from "./harness";
import { offlineSpoke } from "./hub-offline";

const toolchain = findToolchain();
const required = process.env.VPCE_REQUIRE_TERRAFORM === "1";
const SPOKE_VPC = "vpc-0123456789abcdef0";
const REGION = "eu-central-1";

if ("missing" in toolchain) {
  if (required)
    test("terraform toolchain is present (VPCE_REQUIRE_TERRAFORM=1)", () => {
      throw new Error(`real-Terraform suite cannot run: ${toolchain.missing}`);
    });
  else test.skip(`README hub example through real Terraform (${toolchain.missing})`, () => undefined);
} else {
  describe("the README hub example through real Terraform", () => {
    const work = tmpDir("vpce-tf-hub-example-");
    const tf = new Terraform(toolchain, work);
    const r = runPipeline(path.join(ROOT, "__tests__", "fixtures", "hub-example"));
    if (!r.plan) throw new Error(r.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
    const out = synthToDir(r.plan, path.join(work, "out"));
    const file = (stack: string) => path.join(out.outdir, "stacks", stack, "cdk.tf.json");
    const json = (f: string) => JSON.parse(fs.readFileSync(f, "utf8"));
    const zoneKeys = r.plan.stacks
      .flatMap((s) => s.vpcs)
      .flatMap((v) => v.hub?.services ?? [])
      .flatMap((s) => s.zones.map((z) => z.key));
    const spoke = offlineSpoke({ work, name: "payments-offline", stackFile: file("payments"), zoneKeys });
    const planned = { "network-hub": file("network-hub"), "payments-offline": spoke.file };
    let outcomes: Map<string, TerraformOutcome>;

    beforeAll(async () => {
      const runs: [string, string][] = [
        ["network-hub", file("network-hub")],
        ["payments", file("payments")],
        ["payments-offline", spoke.file],
      ];
      const results = await pool(runs, 2, ([s, f]) => tf.check(s, f));
      outcomes = new Map(results.map((o) => [o.stack, o]));
    }, 600_000);
    const outcome = (s: string) => outcomes.get(s) as TerraformOutcome;
    const valuesOf = (s: string, type: string) =>
      Object.entries(outcome(s).values)
        .filter(([a]) => a.startsWith(`${type}.`))
        .map(([, v]) => v);

    test("the plan has the two stacks of the README", () => {
      expect(r.plan?.stacks.map((s) => s.stack).sort()).toEqual(["network-hub", "payments"]);
    });

    test.each(["network-hub", "payments"])("%s: validates as synthesized", (stack) => {
      expect(outcome(stack).validate).toMatchObject({ valid: true, error_count: 0 });
    });

    test.each(Object.entries(planned))("%s: plans offline, every resource a create", (s, f) => {
      const o = outcome(s);
      if (!o.planOk) throw new Error(`terraform plan failed for ${s}:\n${o.planLog}`);
      const managed = Object.entries(o.changes).filter(([a]) => !a.startsWith("data."));
      const declared = Object.values((json(f).resource ?? {}) as Record<string, object>).reduce(
        (n, byName) => n + Object.keys(byName).length,
        0,
      );
      expect(managed.length).toBeGreaterThan(0);
      expect(managed).toHaveLength(declared);
      expect(managed.filter(([, a]) => !(a.length === 1 && a[0] === "create"))).toEqual([]);
    });

    test("hub: a zone per hub service's private DNS name, and the *. record for ecr.dkr", () => {
      const zones = valuesOf("network-hub", "aws_route53_zone").map((z) => z.name);
      expect(zones.sort()).toEqual(
        ["ssm", "ssmmessages", "ec2messages", "kms", "logs", "api.ecr", "dkr.ecr", "sts"]
          .map((n) => `${n}.${REGION}.amazonaws.com`)
          .sort(),
      );
      const records = valuesOf("network-hub", "aws_route53_record").map((v) => `${v.name} ${v.type}`);
      expect(records).toEqual(
        expect.arrayContaining([`dkr.ecr.${REGION}.amazonaws.com A`, `*.dkr.ecr.${REGION}.amazonaws.com A`]),
      );
      // only ecr.dkr has a wildcard name among the example's services
      expect(records.filter((r) => r.startsWith("*."))).toEqual([`*.dkr.ecr.${REGION}.amazonaws.com A`]);
    });

    test("hub: the cross-account spoke VPC is authorized on the zones of ssm and kms only, never associated", () => {
      // zone ids are unknown at plan time: follow each authorization's reference to its zone resource
      const hub = json(file("network-hub")).resource;
      const zoneName = (ref: string) => {
        const m = /^\$\{aws_route53_zone\.([^.]+)\.zone_id\}$/.exec(ref);
        if (!m) throw new Error(`authorization zone_id is not a zone reference: ${ref}`);
        return hub.aws_route53_zone[m[1]].name as string;
      };
      const auths = Object.values(hub.aws_route53_vpc_association_authorization ?? {}) as Record<string, string>[];
      expect(auths.map((a) => `${a.vpc_id} ${zoneName(a.zone_id)}`).sort()).toEqual([
        `${SPOKE_VPC} kms.${REGION}.amazonaws.com`,
        `${SPOKE_VPC} ssm.${REGION}.amazonaws.com`,
      ]);
      expect(valuesOf("network-hub", "aws_route53_vpc_association_authorization")).toHaveLength(2);
      expect(valuesOf("network-hub", "aws_route53_zone_association")).toEqual([]);
    });

    test("spoke: associations read the planted zone ids of ssm and kms; it keeps logs and an s3 gateway", () => {
      const assoc = valuesOf("payments-offline", "aws_route53_zone_association");
      expect(assoc.map((a) => `${a.vpc_id} ${a.zone_id}`).sort()).toEqual(
        [`endpoints/kms.${REGION}.amazonaws.com`, `endpoints/ssm.${REGION}.amazonaws.com`]
          .map((k) => `${SPOKE_VPC} ${spoke.fakeIds[k]}`)
          .sort(),
      );
      const endpoints = valuesOf("payments-offline", "aws_vpc_endpoint").map(
        (e) => `${e.vpc_id} ${e.service_name} ${e.vpc_endpoint_type}`,
      );
      expect(endpoints.sort()).toEqual([
        `${SPOKE_VPC} com.amazonaws.${REGION}.logs Interface`,
        `${SPOKE_VPC} com.amazonaws.${REGION}.s3 Gateway`,
      ]);
    });
  });
}
