/** The pure diff of two plans (src/diff/compare.ts), on plans of specs written here. */
import * as path from "node:path";
import { stringify } from "yaml";
import { ARGUMENTS, diffPlans } from "../../src/diff/compare";
import { FORCES_REPLACEMENT } from "../../src/planner/replacements";
import { renderDiffMarkdown } from "../../src/report/diff";
import { runPipeline } from "../../src/pipeline";
import type { Plan } from "../../src/planner/plan";
import { ROOT } from "../helpers";
import { runSpecs, spec, type SpecDoc } from "../rules/support";

const custom = "com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0";

function planOf(s: SpecDoc): Plan {
  const r = runSpecs({ "a.yaml": stringify(s) });
  if (!r.plan) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
  return r.plan;
}

test("a plan against itself: no change (the examples and fixtures)", () => {
  for (const dir of ["specs", "__tests__/fixtures/valid"]) {
    const plan = runPipeline(path.join(ROOT, dir)).plan as Plan;
    const d = diffPlans({ base: plan, head: plan });
    expect({ dir, changed: d.changed, outages: d.outages }).toEqual({ dir, changed: false, outages: 0 });
  }
});

test("an endpoints key renamed without renamedFrom: destroyed and created, with the renamedFrom to add", () => {
  const before = spec((s) => {
    s.vpcs[0].subnets[0].services.push("partner");
    s.vpcs[0].endpoints = { partner: { serviceName: custom } };
  });
  const after = spec((s) => {
    s.vpcs[0].subnets[0].services.push("partner-feed");
    s.vpcs[0].endpoints = { "partner-feed": { serviceName: custom } };
  });
  const d = diffPlans({ base: planOf(before), head: planOf(after) });
  const eps = d.stacks[0].endpoints.filter((e) => e.status !== "unchanged");
  expect(eps.map((e) => [e.address, e.status])).toEqual([
    ["main_partner", "removed"],
    ["main_partner-feed", "added"],
  ]);
  expect(eps[0].suggestions).toEqual(["renamedFrom: partner on endpoints.partner-feed of VPC main"]);
  expect(eps[0].outages[0]).toMatchObject({ action: "destroy", subnets: ["app-a"] });
  // declared, it is a move: nothing destroyed
  after.vpcs[0].endpoints["partner-feed"].renamedFrom = "partner";
  const moved = diffPlans({ base: planOf(before), head: planOf(after) });
  expect(moved.outages).toBe(0);
  expect(moved.stacks[0].endpoints.find((e) => e.address === "main_partner-feed")?.movedFrom).toBe("main_partner");
});

test("a new VPC id under the same name: every endpoint replaced (vpc_id), its security groups too", () => {
  const d = diffPlans({
    base: planOf(spec()),
    head: planOf(spec((s) => (s.vpcs[0].id = "vpc-0123456789abcdef9"))),
  });
  const ssm = d.stacks[0].endpoints.find((e) => e.address === "main_ssm");
  expect(ssm?.outages.map((o) => [o.resource, o.action, o.because])).toEqual([
    ["aws_vpc_endpoint.main_ssm", "replace", "vpc_id changed"],
    ["aws_security_group.main_ssm", "replace", "vpc_id changed (its rules are created again)"],
  ]);
});

test("in-place changes: route tables, private DNS, an added rule; no outage", () => {
  const d = diffPlans({
    base: planOf(spec()),
    head: planOf(
      spec((s) => {
        s.vpcs[0].subnets[1].routeTable = "rtb-0ccccccccccccccc3";
        s.vpcs[0].endpoints = { ssm: { privateDns: false, allowedCidrs: ["192.168.0.0/24"] } };
      }),
    ),
  });
  expect(d.outages).toBe(0);
  const changes = d.stacks[0].endpoints.flatMap((e) => e.changes.map((c) => `${c.category} ${c.kind} ${c.what}`));
  expect(changes).toEqual(
    expect.arrayContaining([
      "route-table added rtb-0ccccccccccccccc3 (app-b)",
      "route-table removed rtb-0bbbbbbbbbbbbbbb2 (app-b)",
      "dns changed private DNS",
      "security-group-rule added TCP 443 from 192.168.0.0/24",
    ]),
  );
});

test("a setting the comparison does not know by name still shows (generic over the plan's fields)", () => {
  const plan = planOf(spec());
  const head: Plan = JSON.parse(JSON.stringify(plan));
  (head.stacks[0].vpcs[0].endpoints[1] as unknown as Record<string, unknown>).resourceConfigurationArn = "arn:x";
  const d = diffPlans({ base: plan, head });
  expect(d.stacks[0].endpoints[1].changes).toEqual([
    { category: "setting", kind: "changed", what: "resourceConfigurationArn", before: "not set", after: "arn:x" },
  ]);
});

test("markdown: past its share of the limit, the caution block says per stack what is destroyed", () => {
  const services = ["ssm", "ssmmessages", "ec2messages", "kms", "logs", "sqs", "sns", "sts", "ecr.api", "ecr.dkr"];
  const many = (id: string) =>
    spec((s) => {
      s.vpcs[0].id = id;
      for (const sub of s.vpcs[0].subnets) sub.services = services;
    });
  const diff = diffPlans({ base: planOf(many("vpc-0123456789abcdef0")), head: planOf(many("vpc-0123456789abcdef9")) });
  const full = renderDiffMarkdown({ diff, base: "main", commit: "0".repeat(40) });
  const small = renderDiffMarkdown({ diff, base: "main", commit: "0".repeat(40), limit: 3000 });
  expect(full.match(/\*\*Replaced\*\*/g)).toHaveLength(20);
  expect(small).toContain(
    "> - **stack base**: 0 destroyed, 20 replaced; 2 subnets lose access meanwhile: app-a, app-b",
  );
  expect(small.length).toBeLessThanOrEqual(3000);
});

test("every row of the proven replacement table is read from the plan by the diff", () => {
  for (const row of FORCES_REPLACEMENT) expect(ARGUMENTS[row.resource][row.argument]).toBeInstanceOf(Function);
});

test("settings changed in one endpoint: the base's fields first, then those only the head sets", () => {
  const base = planOf(spec((s) => (s.vpcs[0].endpoints = { ssm: { tags: { team: "a" } } })));
  const head = planOf(spec((s) => (s.vpcs[0].endpoints = { ssm: { tags: { team: "b" }, ipAddressType: "ipv4" } })));
  const ssm = diffPlans({ base, head }).stacks[0].endpoints.find((e) => e.address === "main_ssm");
  expect(ssm?.changes.filter((c) => c.category === "setting").map((c) => c.what)).toEqual(["tags", "ipAddressType"]);
});
