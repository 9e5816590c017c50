/**
 * `vpce diff --base REF` on hub changes, on a real git repository with a history: a spoke starts using the hub
 * (its local endpoint gives way to the hub's zone), the hub stops serving a service (its zone is destroyed: the
 * VPCs it answered lose private resolution, and the spoke gets a local endpoint back), the hub VPC is renamed with
 * renamedFrom (zones moved, nothing destroyed) and without it (zones destroyed and created), in all three formats.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import { vpce } from "../cli/run";
import { tmpDir } from "../helpers";
import { hubSpec, spokeSpec } from "../hub-support";
import type { SpecDoc } from "../rules/support";

const repo = tmpDir("vpce-hub-diff-repo-");
const specs = path.join(repo, "specs");
const git = (...args: string[]) => execFileSync("git", ["-C", repo, ...args], { encoding: "utf8" }).trim();

const commits: Record<string, string> = {};
function commit(name: string, files: Record<string, SpecDoc>): void {
  fs.mkdirSync(specs, { recursive: true });
  for (const [stack, doc] of Object.entries(files)) fs.writeFileSync(path.join(specs, `${stack}.yaml`), stringify(doc));
  git("add", "-A");
  git("commit", "-q", "-m", name);
  commits[name] = git("rev-parse", "HEAD");
}

function diffAt(opts: { at: string; base: string; format?: string }): { code: number; out: string } {
  git("checkout", "-q", commits[opts.at]);
  const r = vpce(["diff", "--specs", specs, "--base", commits[opts.base], "--format", opts.format ?? "json"]);
  if (r.code !== 0 && r.code !== 4) throw new Error(`vpce diff exited ${r.code}:\n${r.err}`);
  return r;
}

interface Change {
  category: string;
  kind: string;
  what: string;
  before?: string;
  after?: string;
}
interface Outage {
  resource: string;
  action: string;
  because: string;
  subnets: string[];
}
interface J {
  outages: number;
  stacks: Array<{
    stack: string;
    changes: Change[];
    outages: Outage[];
    endpoints: Array<{ address: string; status: string; outages: Outage[] }>;
  }>;
}

const json = (opts: { at: string; base: string }) => JSON.parse(diffAt(opts).out) as J;
const stackOf = (j: J, stack: string) => j.stacks.find((s) => s.stack === stack) as J["stacks"][number];
const lines = (cs: Change[]) => cs.map((c) => `${c.kind} ${c.category} ${c.what}`);

function hub(opts: { services: string[]; name?: string; renamedFrom?: string }): SpecDoc {
  return hubSpec((s) => {
    s.vpcs[0].hub = { services: opts.services };
    if (opts.name) s.vpcs[0].name = opts.name;
    if (opts.renamedFrom) s.vpcs[0].renamedFrom = opts.renamedFrom;
  });
}
function orders(useHub?: string): SpecDoc {
  return spokeSpec({
    stack: "orders",
    n: 30,
    services: ["kms", "s3"],
    account: "111111111111",
    edit: (s) => {
      if (useHub) s.vpcs[0].useHub = useHub;
      else delete s.vpcs[0].useHub;
    },
  });
}
function payments(useHub: string): SpecDoc {
  return spokeSpec({
    stack: "payments",
    n: 20,
    services: ["ssm", "kms"],
    account: "222222222222",
    edit: (s) => (s.vpcs[0].useHub = useHub),
  });
}

const ALL = ["ssm", "kms", "logs"];
beforeAll(() => {
  git("init", "-q", "-b", "main");
  git("config", "user.email", "test@example.com");
  git("config", "user.name", "test");
  commit("start", {
    "network-hub": hub({ services: ALL }),
    orders: orders(),
    payments: payments("network-hub/endpoints"),
  });
  commit("use-hub", { orders: orders("network-hub/endpoints") });
  commit("drop-ssm", { "network-hub": hub({ services: ["kms", "logs"] }) });
  commit("rename", {
    "network-hub": hub({ services: ["kms", "logs"], name: "shared", renamedFrom: "endpoints" }),
    orders: orders("network-hub/shared"),
    payments: payments("network-hub/shared"),
  });
  commit("rename-undeclared", {
    "network-hub": hub({ services: ["kms", "logs"], name: "central" }),
    orders: orders("network-hub/central"),
    payments: payments("network-hub/central"),
  });
  const renamedSpoke = (opts: { name: string; renamedFrom?: string }) => {
    const p = payments("network-hub/central");
    Object.assign(p.vpcs[0], opts);
    return p;
  };
  commit("spoke-rename", { payments: renamedSpoke({ name: "pay", renamedFrom: "payments" }) });
  commit("spoke-rename-undeclared", { payments: renamedSpoke({ name: "billing" }) });
  // the VPC billing renamed apay without renamedFrom, and a new VPC named billing: the authorization and the
  // association at billing's addresses are now for the new VPC
  const swapped = renamedSpoke({ name: "apay" });
  const other = spokeSpec({ stack: "payments", n: 21, services: ["kms"], account: "222222222222" }).vpcs[0];
  swapped.vpcs.push({ ...other, name: "billing", useHub: "network-hub/central" });
  commit("vpc-swap", { payments: swapped });
});

test("a spoke that starts using the hub: the hub's zone replaces its local endpoint, the hub associates it", () => {
  const j = json({ at: "use-hub", base: "start" });
  const o = stackOf(j, "orders");
  expect(lines(o.changes)).toContain(
    "added hub-service VPC orders: kms from the hub network-hub/endpoints: the hub's zone replaces the local " +
      "endpoint, which is destroyed",
  );
  const kms = o.endpoints.find((e) => e.address === "orders_kms");
  expect(kms?.status).toBe("removed");
  expect(kms?.outages[0].because).toMatch(/^the hub network-hub\/endpoints serves kms to this VPC now: its zone/);
  const h = stackOf(j, "network-hub");
  expect(lines(h.changes)).toContain(
    "added hub-association zone kms.eu-central-1.amazonaws.com association for orders/orders (vpc-1e23456789abcdef0)",
  );
  expect(h.outages).toEqual([]);
});

test("the hub stops serving a service: its zone destroyed, loud, naming every VPC it answered", () => {
  const j = json({ at: "drop-ssm", base: "use-hub" });
  const h = stackOf(j, "network-hub");
  expect(h.outages).toEqual([
    expect.objectContaining({
      resource: "aws_route53_zone.endpoints_ssm_eu-central-1_amazonaws_com",
      action: "destroy",
      subnets: ["network-hub/endpoints", "payments/payments"],
    }),
  ]);
  expect(lines(h.changes)).toContain("removed hub-zone zone ssm.eu-central-1.amazonaws.com for ssm");
  // the spoke gets an endpoint of its own back, and its own stack's association with the zone goes
  const p = stackOf(j, "payments");
  expect(lines(p.changes)).toEqual(
    expect.arrayContaining([
      "removed hub-service VPC payments: ssm from the hub network-hub/endpoints: a local endpoint is created instead",
      "removed hub-association VPC payments: association with the hub's zone ssm.eu-central-1.amazonaws.com " +
        "(ssm), made in this stack",
    ]),
  );
  expect(p.endpoints.find((e) => e.address === "payments_ssm")?.status).toBe("added");
  // the zone and the hub's ssm endpoint
  expect(j.outages).toBe(2);
  expect(h.endpoints.find((e) => e.address === "endpoints_ssm")?.outages[0].because).toBe(
    "the hub no longer serves ssm: its zones go too",
  );

  const text = diffAt({ at: "drop-ssm", base: "use-hub", format: "table" }).out;
  expect(text).toContain(
    "!! DESTROY network-hub: aws_route53_zone.endpoints_ssm_eu-central-1_amazonaws_com (the hub in " +
      "network-hub/endpoints no longer serves ssm",
  );
  expect(text).toContain("network-hub/endpoints, payments/payments lose private resolution");
  const md = diffAt({ at: "drop-ssm", base: "use-hub", format: "markdown" }).out;
  expect(md).toContain(
    "> - **Destroyed** network-hub: aws\\_route53\\_zone.endpoints\\_ssm\\_eu-central-1\\_amazonaws\\_com",
  );
  expect(md).toContain("network-hub/endpoints, payments/payments lose private resolution");
  expect(md).toContain("| - | | hub-zone | zone ssm.eu-central-1.amazonaws.com for ssm |");
});

test("the hub VPC renamed with renamedFrom: zones, associations and authorizations moved, nothing destroyed", () => {
  const j = json({ at: "rename", base: "drop-ssm" });
  expect(j.outages).toBe(0);
  const h = stackOf(j, "network-hub");
  expect(h.changes).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        category: "hub-zone",
        kind: "changed",
        before: "endpoints_kms_eu-central-1_amazonaws_com",
        after: "shared_kms_eu-central-1_amazonaws_com",
      }),
    ]),
  );
  // the same VPCs stay associated and authorized, and the records keep their names
  expect(h.changes.filter((c) => c.category === "hub-association" || c.category === "hub-record")).toEqual([]);
  expect(stackOf(j, "payments").changes.filter((c) => c.kind !== "changed")).toEqual([]);
});

test("the hub VPC renamed without renamedFrom: every zone replaced, with the renamedFrom to add", () => {
  const j = json({ at: "rename-undeclared", base: "rename" });
  const h = stackOf(j, "network-hub");
  expect(h.outages.map((o) => [o.resource, o.action])).toEqual([
    ["aws_route53_zone.shared_kms_eu-central-1_amazonaws_com", "replace"],
    ["aws_route53_zone.shared_logs_eu-central-1_amazonaws_com", "replace"],
  ]);
  expect(h.outages[0].because).toContain("add renamedFrom: shared on VPC central");
  expect(h.outages[0].subnets).toEqual(["network-hub/shared", "orders/orders", "payments/payments"]);
});

test("no change: no hub change either", () => {
  const j = json({ at: "rename", base: "rename" });
  expect(j.stacks.flatMap((s) => [...s.changes, ...s.outages])).toEqual([]);
});

test("cross-account spoke VPC renamed: moved given renamedFrom, else authorizations and associations replaced", () => {
  const declared = json({ at: "spoke-rename", base: "rename-undeclared" });
  expect(declared.outages).toBe(0);
  expect(declared.stacks.flatMap((x) => x.changes).filter((c) => c.category.startsWith("hub-"))).toEqual([]);
  const j = json({ at: "spoke-rename-undeclared", base: "spoke-rename" });
  const h = stackOf(j, "network-hub");
  expect(h.outages.map((o) => [o.resource, o.action, o.subnets])).toEqual([
    [
      "aws_route53_vpc_association_authorization.central_kms_eu-central-1_amazonaws_com_payments_pay",
      "replace",
      ["payments/billing"],
    ],
  ]);
  expect(h.outages[0].because).toContain("add renamedFrom: pay on VPC billing of stack payments");
  const p = stackOf(j, "payments");
  expect(p.outages.map((o) => [o.resource, o.action])).toEqual([
    ["aws_route53_zone_association.pay_kms_eu-central-1_amazonaws_com", "replace"],
  ]);
  expect(p.changes.filter((c) => c.category === "hub-association")).toEqual([]);
});

test("a VPC's old name taken by another VPC: the authorization kept at its address is replaced", () => {
  const j = json({ at: "vpc-swap", base: "spoke-rename-undeclared" });
  const h = stackOf(j, "network-hub");
  const address = "aws_route53_vpc_association_authorization.central_kms_eu-central-1_amazonaws_com_payments_billing";
  expect(h.outages.map((o) => [o.resource, o.action, o.subnets])).toEqual([[address, "replace", ["payments/billing"]]]);
  expect(h.outages[0].because).toMatch(
    new RegExp(
      String.raw`was the cross-account .* for vpc-14\S+ \(payments/billing\) and is the cross-account one for ` +
        String.raw`vpc-15\S+ \(payments/billing\) now`,
    ),
  );
  expect(lines(h.changes.filter((c) => c.category === "hub-association"))).toEqual([
    expect.stringMatching(/^added hub-association .*payments\/apay/),
  ]);
});
