/**
 * Where a hub's ENIs go, and what its reasons say: its endpointSubnets when declared, else one subnet per zone of
 * the hub VPC, whoever asks (its clients are mostly the spokes').
 */
import type { EndpointPlan } from "../../src/planner/plan";
import { hubSpec, spokeSpec } from "../hub-support";
import { runSpecs } from "../rules/support";

function hubEndpoint(edit: Parameters<typeof hubSpec>[0] = () => undefined): EndpointPlan {
  const r = runSpecs({
    "hub.yaml": hubSpec(edit),
    "spoke.yaml": spokeSpec({ stack: "orders", n: 1, services: ["ssm"] }),
  });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const hub = r.plan?.stacks.find((s) => s.stack === "network-hub");
  return hub?.vpcs[0].endpoints.find((e) => e.service === "ssm") as EndpointPlan;
}

test("no endpointSubnets: an ENI in every zone of the hub VPC, and the reason says so", () => {
  const e = hubEndpoint();
  expect(e.subnets.map((s) => s.subnet)).toEqual(["ep-a", "ep-b"]);
  expect(e.reasons).toContain(
    "ENIs go into the hub VPC's subnets, one per zone, for the spokes (no endpointSubnets declared)",
  );
  expect(e.reasons.join("\n")).not.toMatch(/endpointSubnets \(/);
});

test("endpointSubnets declared: the ENIs go there only, and the reason names them", () => {
  const e = hubEndpoint((s) => {
    const vpc = (s.vpcs as Array<Record<string, any>>)[0];
    vpc.subnets.push({ name: "ep-c", id: "subnet-0a0a0a0a0a0a0a0a3", az: "eu-central-1c", cidr: "10.255.2.0/24" });
    vpc.endpointSubnets = ["ep-a", "ep-c"];
  });
  expect(e.subnets.map((s) => s.subnet)).toEqual(["ep-a", "ep-c"]);
  expect(e.reasons).toContain("ENIs go into the hub VPC's endpointSubnets (ep-a, ep-c)");
});
