/**
 * Property-based proof of the planner's guarantees (docs/SPEC-FORMAT.md, "What the
 * planner must guarantee") over generated valid spec folders:
 *  - every guarantee holds on the synthesized Terraform JSON (checkGuarantees),
 *  - no two resources share a Terraform address (a silent merge shows as fewer
 *    resources than the spec implies, or than the plan holds),
 *  - the same input twice, and any reordering of lists, mapping keys and files,
 *    gives byte-identical output.
 * Run counts: RUNS_GUARANTEES + RUNS_ORDER generated folders of 1-3 spec files
 * each; the last test asserts that at least MIN_SPECS (1,000) spec files were
 * generated and checked. VPCE_FC_SCALE scales the counts for quick local runs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { synthToDir } from "../../src/constructs/synth";
import type { EndpointPlan, Plan } from "../../src/planner/plan";
import { runPipeline } from "../../src/pipeline";
import { loadSpecs } from "../../src/input";
import { checkGuarantees } from "../guarantees";
import { readTree } from "../reorder";
import { countResources, expectedCounts, reorderSet, specSetArb, writeSet, resetDir } from "./arbitraries";
import { runs, SCALE, SEED, workspace } from "./support";

/** Generated folders per property; each folder holds 1-3 spec files. */
export const RUNS_GUARANTEES = runs(440);
export const RUNS_ORDER = runs(100);
/** Spec files (one stack each) the two properties must have generated in one run. */
export const MIN_SPECS = SCALE >= 1 ? 1000 : 1;

const ws = workspace("vpce-prop-", ["in", "in2", "out", "out2", "dumps"]);
afterAll(() => ws.cleanup());
const { in: IN, in2: IN2, out: OUT, out2: OUT2, dumps: DUMPS } = ws.dirs;
const stats = { folders: 0, specs: 0, stacks: 0, endpoints: 0, rules: 0, ms: 0 };

function errorsOf(r: ReturnType<typeof runPipeline>): string[] {
  return r.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => `${d.file}:${d.pos?.line}:${d.pos?.col} ${d.code} ${d.path}: ${d.message}`);
}

/** Ingress rules of an endpoint in the plan, over all its security groups. */
function planRules(e: EndpointPlan): number {
  return e.securityGroups.reduce((n, g) => n + g.ingress.length, 0);
}

function planAndSynth(dir: string, out: string): { plan: Plan; tree: Record<string, string> } {
  const r = runPipeline(dir, { dumpDir: DUMPS });
  expect(errorsOf(r)).toEqual([]);
  if (!r.plan) throw new Error("valid specs gave no plan");
  resetDir(out);
  synthToDir(r.plan, out);
  return { plan: r.plan, tree: readTree(out) };
}

describe("generated valid specs", () => {
  test(`every guarantee holds on the synthesized Terraform JSON (${RUNS_GUARANTEES} folders)`, () => {
    const t0 = Date.now();
    fc.assert(
      fc.property(specSetArb, (set) => {
        writeSet(IN, set);
        const { plan } = planAndSynth(IN, OUT);
        const { models, diagnostics } = loadSpecs(IN);
        expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(models.map((m) => m.stack).sort()).toEqual(set.files.map((f) => f.doc.stack as string).sort());
        for (const m of models) {
          const json = JSON.parse(fs.readFileSync(path.join(OUT, "stacks", m.stack, "cdk.tf.json"), "utf8"));
          expect({ stack: m.stack, violations: checkGuarantees(m, json) }).toEqual({ stack: m.stack, violations: [] });
          // no two resources on one address: the JSON holds exactly what the spec implies and what the plan holds
          const doc = set.files.find((f) => f.doc.stack === m.stack)?.doc as Record<string, unknown>;
          const want = expectedCounts(doc);
          const sp = plan.stacks.find((s) => s.stack === m.stack);
          const planned = sp?.vpcs.flatMap((v) => v.endpoints) ?? [];
          const got = {
            endpoints: countResources(json, "aws_vpc_endpoint"),
            securityGroups: countResources(json, "aws_security_group"),
            rules: countResources(json, "aws_vpc_security_group_ingress_rule"),
          };
          expect({ stack: m.stack, ...got }).toEqual({ stack: m.stack, ...want });
          expect(got.endpoints).toBe(planned.length);
          expect(got.rules).toBe(planned.reduce((n, e) => n + planRules(e), 0));
          stats.stacks++;
          stats.endpoints += got.endpoints;
          stats.rules += got.rules;
        }
        stats.folders++;
        stats.specs += set.files.length;
      }),
      { numRuns: RUNS_GUARANTEES, seed: SEED },
    );
    stats.ms += Date.now() - t0;
  });

  const orderTitle = `the same input twice, and any reordering of lists, keys and files, give byte-identical output`;
  test(`${orderTitle} (${RUNS_ORDER} folders)`, () => {
    const t0 = Date.now();
    fc.assert(
      fc.property(
        specSetArb,
        fc.constantFrom("reverse", "shuffle") as fc.Arbitrary<"reverse" | "shuffle">,
        fc.integer(),
        fc.boolean(),
        (set, mode, seed, twice) => {
          writeSet(IN, set);
          const first = planAndSynth(IN, OUT).tree;
          expect(Object.keys(first).filter((f) => f.endsWith("cdk.tf.json"))).toHaveLength(set.files.length);
          if (twice) {
            const again = planAndSynth(IN, OUT2).tree;
            expect(again).toEqual(first);
          }
          const re = reorderSet(set, mode, seed);
          writeSet(IN2, re.set, re.rename);
          const reordered = planAndSynth(IN2, OUT2).tree;
          if (JSON.stringify(reordered) !== JSON.stringify(first)) {
            // show the smallest useful difference: which file, which line
            for (const f of new Set([...Object.keys(first), ...Object.keys(reordered)])) {
              expect({ file: f, text: reordered[f] }).toEqual({ file: f, text: first[f] });
            }
          }
          stats.folders++;
          stats.specs += set.files.length;
        },
      ),
      { numRuns: RUNS_ORDER, seed: SEED },
    );
    stats.ms += Date.now() - t0;
  });

  test("the checker is not vacuous: a tampered stack is caught", () => {
    // GIVEN a generated folder with interface and gateway endpoints, synthesized
    const rich = (doc: Record<string, unknown>) => {
      const c = expectedCounts(doc);
      return c.securityGroups > 1 && c.endpoints > c.securityGroups;
    };
    const set = fc.sample(specSetArb, { numRuns: 200, seed: 3 }).find((s) => s.files.some((f) => rich(f.doc)));
    if (!set) throw new Error("no suitable generated folder");
    writeSet(IN, set);
    planAndSynth(IN, OUT);
    const m = loadSpecs(IN).models.find((x) =>
      rich(set.files.find((f) => f.doc.stack === x.stack)?.doc as Record<string, unknown>),
    );
    if (!m) throw new Error("no suitable generated stack");
    const json = JSON.parse(fs.readFileSync(path.join(OUT, "stacks", m.stack, "cdk.tf.json"), "utf8"));
    expect(checkGuarantees(m, json)).toEqual([]);
    const tamper = (f: (j: any) => void) => {
      const j = structuredClone(json);
      f(j);
      return checkGuarantees(m, j);
    };
    const first = (j: any, type: string) => Object.values(j.resource[type])[0] as any;
    const iface = (j: any) =>
      Object.values(j.resource.aws_vpc_endpoint).find((e: any) => e.vpc_endpoint_type === "Interface") as any;
    const gw = (j: any) =>
      Object.values(j.resource.aws_vpc_endpoint).find((e: any) => e.vpc_endpoint_type === "Gateway") as any;
    // THEN each kind of damage is reported
    expect(
      tamper((j) => {
        first(j, "aws_vpc_security_group_ingress_rule").cidr_ipv4 = "0.0.0.0/0";
      }).join(),
    ).toMatch(/0\.0\.0\.0\/0/);
    expect(
      tamper((j) => {
        first(j, "aws_vpc_security_group_ingress_rule").from_port = 22;
      }).join(),
    ).toMatch(/expected tcp|does not admit/);
    expect(
      tamper((j) => {
        const e = iface(j);
        e.subnet_ids = [...e.subnet_ids, ...e.subnet_ids];
      }).join(),
    ).toMatch(/two ENIs in one AZ/);
    expect(
      tamper((j) => {
        const e = iface(j);
        e.subnet_ids = [];
      }).join(),
    ).toMatch(/without a subnet/);
    expect(
      tamper((j) => {
        delete j.resource.aws_vpc_endpoint[Object.keys(j.resource.aws_vpc_endpoint)[0]];
      }),
    ).not.toEqual([]);
    expect(
      tamper((j) => {
        const [k, e] = Object.entries(j.resource.aws_vpc_endpoint)[0];
        j.resource.aws_vpc_endpoint[`${k}_copy`] = e;
      }),
    ).not.toEqual([]);
    const g = gw(json);
    if (g)
      expect(
        tamper((j) => {
          gw(j).route_table_ids = [...gw(j).route_table_ids, "rtb-0fffffffffffffff0"];
        }).join(),
      ).toMatch(/route tables/);
  });

  test("the generator covers what the issue asks for", () => {
    // a fixed sample: proves the arbitrary produces each feature, so a property cannot pass vacuously
    const sample = fc.sample(specSetArb, { numRuns: 300, seed: 42 });
    const files = sample.flatMap((s) => s.files);
    const texts = files.map((f) => JSON.stringify(f.doc));
    const has = (re: RegExp) => texts.filter((t) => re.test(t)).length;
    const feature = {
      multiFile: sample.filter((s) => s.files.length > 1).length,
      multiVpc: files.filter((f) => (f.doc.vpcs as unknown[]).length > 1).length,
      china: has(/"region":"cn-/),
      govcloud: has(/"region":"us-gov-/),
      azId: has(/"azId"/),
      az: has(/"az"/),
      mixed: has(/"azId".*"az":|"az":.*"azId"/),
      bundles: has(/"bundles"/),
      endpointSubnets: has(/"endpointSubnets"/),
      s3Both: has(/"s3":\{"type":"both"/),
      s3Interface: has(/"s3":\{"type":"interface"/),
      allowedCidrs: has(/"allowedCidrs"/),
      custom: has(/vpce-svc-[0-9a-f]{17}/),
      sharedRouteTable: files.filter((f) =>
        (f.doc.vpcs as Array<{ subnets: Array<{ routeTable?: string }> }>).some((v) => {
          const rts = v.subnets.map((s) => s.routeTable).filter(Boolean);
          return new Set(rts).size < rts.length;
        }),
      ).length,
      severalSubnetsPerAz: files.filter((f) =>
        (f.doc.vpcs as Array<{ subnets: Array<{ az?: string; azId?: string }> }>).some((v) => {
          const z = v.subnets.map((s) => s.az ?? s.azId);
          return new Set(z).size < z.length;
        }),
      ).length,
      secondaryCidr: has(/"additionalCidrs"/),
      endpointTags: has(/"(ssm|kms|logs|sqs|sts|ecr\.api|cassandra)":\{[^}]*"tags"/),
      allowedSecurityGroups: has(/"allowedSecurityGroups"/),
      fixedIps: has(/"fixedIps"/),
      ipv6Cidr: has(/"ipv6Cidr"/),
      dualstack: has(/"ipAddressType":"dualstack"/),
      dnsRecordIpType: has(/"dnsRecordIpType"/),
      crossRegion: has(/"serviceRegion"/),
    };
    for (const [k, n] of Object.entries(feature))
      expect({ feature: k, present: n > 10 }).toEqual({ feature: k, present: true });
  });

  test(`at least ${MIN_SPECS} generated spec files went through the properties`, () => {
    expect(stats.specs).toBeGreaterThanOrEqual(MIN_SPECS);
  });

  afterAll(() => {
    console.log(
      `property suite: ${stats.folders} generated folders, ${stats.specs} spec files, ` +
        `${stats.stacks} stacks checked, ` +
        `${stats.endpoints} endpoints, ${stats.rules} ingress rules, ${(stats.ms / 1000).toFixed(1)} s`,
    );
  });
});
