/**
 * Endpoints of a VPC asked for by the same subnets share what depends on those alone (their placement, requester
 * entries and the reason naming them): only where nothing else tells them apart. A region dump's offer names its
 * service, so services the dump offers in different zones are placed, and explained, each on its own; subnets asking
 * another way (a bundle) make another list.
 */
import type { EndpointPlan } from "../../src/planner/plan";
import { dump, dumpEntry, runSpecs, spec } from "../rules/support";

const both = (s: Record<string, any>) => {
  for (const sn of s.vpcs[0].subnets) sn.services = ["ssm", "kms", "logs"];
};

function endpoints(dumps: Parameters<typeof runSpecs>[1] = {}): Map<string, EndpointPlan> {
  const r = runSpecs({ "a.yaml": spec(both) }, dumps);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return new Map((r.plan?.stacks[0].vpcs[0].endpoints ?? []).map((e) => [e.service, e]));
}

test("no dump: the same subnets ask for each, so each is placed alike, with the same reasons", () => {
  const e = endpoints();
  for (const svc of ["kms", "logs"]) {
    expect(e.get(svc)?.subnets).toEqual(e.get("ssm")?.subnets);
    const placement = (x?: EndpointPlan) => x?.reasons.filter((r) => /^ENIs? /.test(r));
    expect(placement(e.get(svc))).toEqual(placement(e.get("ssm")));
  }
  expect(e.get("ssm")?.subnets.map((s) => s.subnet)).toEqual(["app-a", "app-b"]);
});

test("a dump offering each service in other zones: each placed and explained on its own", () => {
  const at = (name: string, azs: string[]) => dumpEntry({ name: `com.amazonaws.eu-central-1.${name}`, azs });
  const e = endpoints({
    "eu-central-1.json": dump([
      at("ssm", ["eu-central-1a"]),
      at("kms", ["eu-central-1a", "eu-central-1b"]),
      at("logs", ["eu-central-1b"]),
    ]),
  });
  expect(e.get("ssm")?.subnets.map((s) => s.subnet)).toEqual(["app-a"]);
  expect(e.get("kms")?.subnets.map((s) => s.subnet)).toEqual(["app-a", "app-b"]);
  expect(e.get("logs")?.subnets.map((s) => s.subnet)).toEqual(["app-b"]);
  expect(e.get("ssm")?.reasons.join("\n")).toMatch(/does not offer ssm in eu-central-1b/);
  expect(e.get("logs")?.reasons.join("\n")).toMatch(/does not offer logs in eu-central-1a/);
  expect(e.get("kms")?.reasons.join("\n")).not.toMatch(/does not offer/);
});

test("the same subnets asking another way (a bundle) are another list: entries and reasons say how each asked", () => {
  const r = runSpecs({
    "a.yaml": spec((s) => {
      s.vpcs[0].subnets[0].services = ["ssm", "kms", "ssmmessages"];
      s.vpcs[0].subnets[1].services = ["ssm"];
      s.vpcs[0].subnets[1].bundles = ["ecs-exec"];
    }),
  });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const e = new Map((r.plan?.stacks[0].vpcs[0].endpoints ?? []).map((x) => [x.service, x]));
  const vias = (svc: string) => e.get(svc)?.requesters.map((q) => `${q.subnet} ${q.via}`);
  expect(vias("ssm")).toEqual(["app-a services", "app-b services"]);
  expect(vias("kms")).toEqual(["app-a services", "app-b bundle ecs-exec"]);
  expect(vias("ssmmessages")).toEqual(vias("kms"));
  expect(e.get("ssm")?.reasons[0]).toBe("requested by app-a (services), app-b (services)");
  expect(e.get("kms")?.reasons[0]).toBe("requested by app-a (services), app-b (bundle ecs-exec)");
  // one list for kms and ssmmessages (asked alike), another for ssm
  expect(e.get("kms")?.requesters).toBe(e.get("ssmmessages")?.requesters);
  expect(e.get("ssm")?.requesters).not.toBe(e.get("kms")?.requesters);
});

test("gateways asked for by the same subnets share their route tables; other subnets get their own", () => {
  const r = runSpecs({
    "a.yaml": spec((s) => {
      s.vpcs[0].subnets[0].services = ["s3", "dynamodb"];
      s.vpcs[0].subnets[1].services = ["s3"];
    }),
  });
  const e = new Map((r.plan?.stacks[0].vpcs[0].endpoints ?? []).map((x) => [x.service, x]));
  expect(e.get("s3")?.routeTableIds).toEqual(["rtb-0aaaaaaaaaaaaaaa1", "rtb-0bbbbbbbbbbbbbbb2"]);
  expect(e.get("dynamodb")?.routeTableIds).toEqual(["rtb-0aaaaaaaaaaaaaaa1"]);
  expect(e.get("dynamodb")?.reasons).toContain(
    "attached to route table rtb-0aaaaaaaaaaaaaaa1 of the requesting subnet",
  );
});
