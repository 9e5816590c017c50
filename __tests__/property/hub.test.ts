/**
 * Properties of hub planning over generated topologies: one hub (some services, two or three subnets, some
 * of which ask for services themselves) and one to four spokes in the hub's account, without `account`, or
 * in another account, whose subnets ask for hub services, services the hub lacks and gateway services,
 * sometimes keeping a hub service local (`useHub: false`). On every plan and its Terraform JSON:
 *  - every spoke request the hub serves resolves: a zone per private DNS name of the service exists, is
 *    associated with that spoke's VPC (in the hub's stack, or authorized there and associated in the spoke's
 *    stack when cross-account), and the hub endpoint's security group admits the subnet's block on the port;
 *  - no spoke keeps an endpoint of its own for a service the hub serves it, and what the hub does not serve
 *    it (gateway endpoints, services the hub lacks, useHub: false) stays local;
 *  - no zone reaches a VPC that did not ask for its service (the hub VPC aside, which every zone needs);
 *  - the same specs in another file order give the same stacks byte for byte.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { contains, parseCidr, type Cidr } from "../../src/cidr";
import { synthToDir } from "../../src/constructs/synth";
import { runPipeline } from "../../src/pipeline";
import type { Plan } from "../../src/planner/plan";
import { readTree } from "../reorder";
import { resetDir } from "./arbitraries";
import { HUB_ACCOUNT, hubSpec } from "../hub-support";
import { runs, SEED, workspace } from "./support";

const HUB_POOL = ["ssm", "kms", "logs", "sts", "ecr.api", "ecr.dkr", "sqs", "secretsmanager", "execute-api", "s3"];
const SPOKE_POOL = [...HUB_POOL, "dynamodb", "sns", "monitoring"];
const AZS = ["eu-central-1a", "eu-central-1b", "eu-central-1c"];

type Doc = Record<string, any>;

const subnetsArb = (pool: readonly string[], max: number) =>
  fc.array(fc.record({ az: fc.constantFrom(...AZS), services: fc.subarray([...pool], { maxLength: 5 }) }), {
    minLength: 1,
    maxLength: max,
  });

const topologyArb = fc.record({
  hubServices: fc.subarray(HUB_POOL, { minLength: 1, maxLength: 6 }),
  hubSubnets: subnetsArb(HUB_POOL, 3),
  spokes: fc.array(
    fc.record({
      account: fc.constantFrom(undefined, HUB_ACCOUNT, "222222222222", "333333333333"),
      subnets: subnetsArb(SPOKE_POOL, 4),
      local: fc.subarray(HUB_POOL, { maxLength: 2 }),
      s3Interface: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

type Topology = typeof topologyArb extends fc.Arbitrary<infer T> ? T : never;

function files(t: Topology): Record<string, Doc> {
  const subnets = (prefix: string, n: number, list: Topology["hubSubnets"]) =>
    list.map((s, i) => ({
      name: `${prefix}-${i}`,
      id: `subnet-${n.toString(16).padStart(2, "0")}${i.toString(16).padStart(15, "0")}`,
      az: s.az,
      cidr: `10.${n}.${i}.0/24`,
      routeTable: `rtb-${n.toString(16).padStart(2, "0")}${i.toString(16).padStart(15, "0")}`,
      services: s.services,
    }));
  const out: Record<string, Doc> = {
    // the shared hub with the topology's services and subnets, over a /16 that holds any number of them
    "network-hub.yaml": hubSpec((h) => {
      h.vpcs[0].cidr = "10.255.0.0/16";
      h.vpcs[0].hub = { services: t.hubServices };
      h.vpcs[0].subnets = subnets("hub", 255, t.hubSubnets);
    }),
  };
  t.spokes.forEach((s, i) => {
    const endpoints: Doc = Object.fromEntries(s.local.map((k) => [k, { useHub: false }]));
    if (s.s3Interface) endpoints.s3 = { ...(endpoints.s3 ?? {}), type: "interface" };
    out[`spoke-${i}.yaml`] = {
      version: 1,
      stack: `spoke-${i}`,
      region: "eu-central-1",
      ...(s.account ? { account: s.account } : {}),
      backend: { local: { path: `terraform.spoke-${i}.tfstate` } },
      vpcs: [
        {
          name: `app${i}`,
          id: `vpc-${(i + 1).toString(16).padStart(17, "0")}`,
          cidr: `10.${i + 1}.0.0/16`,
          useHub: "network-hub/endpoints",
          ...(Object.keys(endpoints).length > 0 ? { endpoints } : {}),
          subnets: subnets("app", i + 1, s.subnets),
        },
      ],
    };
  });
  return out;
}

function write(dir: string, docs: Record<string, Doc>, order: readonly string[]): void {
  resetDir(dir);
  // the order files are written in is the order a file system may list them in
  for (const name of order) fs.writeFileSync(path.join(dir, name), stringify(docs[name]));
}

const ws = workspace("vpce-prop-hub-", ["in", "in2", "out", "out2"]);
afterAll(() => ws.cleanup());

function plan(dir: string): Plan {
  const r = runPipeline(dir);
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  expect(errors.map((d) => `${d.code} ${d.path} ${d.message}`)).toEqual([]);
  return r.plan as Plan;
}

/** The services a spoke subnet's request is served for by the hub, by the rules of SPEC-FORMAT. */
function servedByHub(t: Topology, i: number, service: string): boolean {
  const s = t.spokes[i];
  if (!t.hubServices.includes(service) || s.local.includes(service)) return false;
  // s3 and dynamodb are gateways unless the spoke asks for an interface
  if (service === "s3") return s.s3Interface;
  return service !== "dynamodb";
}

test(`generated hub topologies keep their guarantees (${runs(60)} runs)`, () => {
  let checked = 0;
  fc.assert(
    fc.property(topologyArb, (t) => {
      const docs = files(t);
      const names = Object.keys(docs).sort();
      write(ws.dirs.in, docs, names);
      const p = plan(ws.dirs.in);
      const hubStack = p.stacks.find((s) => s.stack === "network-hub");
      const hub = hubStack?.vpcs[0].hub;
      expect(hub).toBeDefined();
      t.spokes.forEach((spoke, i) => {
        const stack = p.stacks.find((s) => s.stack === `spoke-${i}`);
        const vpc = stack?.vpcs[0];
        const cross = spoke.account !== undefined && spoke.account !== HUB_ACCOUNT;
        const asked = new Set(spoke.subnets.flatMap((s) => s.services));
        for (const service of asked) {
          const served = servedByHub(t, i, service);
          // no duplicate endpoint; the rest stays local
          expect(vpc?.endpoints.some((e) => e.service === service)).toBe(!served);
          expect(vpc?.useHub?.services.includes(service)).toBe(served);
          if (!served) continue;
          const hs = hub?.services.find((s) => s.service === service);
          expect(hs?.zones.length).toBeGreaterThan(0);
          for (const z of hs?.zones ?? []) {
            const a = z.associations.filter((x) => x.stack === `spoke-${i}`);
            expect(a.map((x) => x.kind)).toEqual([cross ? "cross-account" : "same-account"]);
            if (cross) expect(vpc?.useHub?.associations.some((x) => x.zoneKey === z.key)).toBe(true);
          }
          // every requesting subnet is admitted by the hub endpoint's security group, on the service's port
          const endpoint = hubStack?.vpcs[0].endpoints.find((e) => e.address === hs?.endpoint);
          const admitted = (endpoint?.securityGroups ?? [])
            .flatMap((g) => g.ingress)
            .filter((r) => r.kind === "ipv4" && r.port === endpoint?.port)
            .map((r) => parseCidr(r.cidr) as Cidr);
          for (const [j, s] of spoke.subnets.entries())
            if (s.services.includes(service))
              expect(admitted.some((b) => contains(b, parseCidr(`10.${i + 1}.${j}.0/24`) as Cidr))).toBe(true);
        }
      });
      // no zone reaches a VPC that did not ask (the hub's own VPC holds every zone)
      for (const hs of hub?.services ?? [])
        for (const z of hs.zones)
          for (const a of z.associations) {
            if (a.kind === "inline") continue;
            const i = Number(a.stack.replace("spoke-", ""));
            expect(
              t.spokes[i].subnets.some((s) => s.services.includes(hs.service)) && servedByHub(t, i, hs.service),
            ).toBe(true);
          }
      // Terraform JSON: associations where the plan says, and the same bytes for another file order
      resetDir(ws.dirs.out);
      synthToDir(p, ws.dirs.out);
      const tree = readTree(ws.dirs.out);
      const hubJson = JSON.parse(tree["stacks/network-hub/cdk.tf.json"]);
      const planned = (kind: string) =>
        (hub?.services ?? []).flatMap((s) => s.zones.flatMap((z) => z.associations.filter((a) => a.kind === kind)));
      expect(Object.keys(hubJson.resource.aws_route53_zone_association ?? {}).sort()).toEqual(
        planned("same-account")
          .map((a) => a.address)
          .sort(),
      );
      expect(Object.keys(hubJson.resource.aws_route53_vpc_association_authorization ?? {}).sort()).toEqual(
        planned("cross-account")
          .map((a) => a.address)
          .sort(),
      );
      write(ws.dirs.in2, docs, [...names].reverse());
      resetDir(ws.dirs.out2);
      synthToDir(plan(ws.dirs.in2), ws.dirs.out2);
      const again = readTree(ws.dirs.out2);
      for (const k of Object.keys(tree).filter((k) => k.endsWith(".tf.json"))) expect(again[k]).toBe(tree[k]);
      checked++;
    }),
    { numRuns: runs(60), seed: SEED },
  );
  expect(checked).toBeGreaterThanOrEqual(runs(60));
}, 600_000);
