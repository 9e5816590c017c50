import { existing, inventory, runWithInventory } from "../../inventory/support";
import { findings, runSpecs, spec } from "../support";

const KMS = existing({ id: "vpce-0a1b2c3d4e5f60003", service: "kms" });

describe("retire-entries", () => {
  test("Noncompliance: RETIRE_NOT_FOUND for an id the inventory lacks, and for any entry without an inventory", () => {
    const r = runWithInventory(
      { "a.yaml": spec((s) => (s.vpcs[0].retire = { "vpce-0a1b2c3d4e5f6000f": "adopt" })) },
      { "eu-central-1.json": inventory([KMS]) },
    );
    expect(findings(r, "RETIRE_NOT_FOUND")).toEqual([
      expect.objectContaining({ severity: "warning", path: 'vpcs[0].retire["vpce-0a1b2c3d4e5f6000f"]' }),
    ]);
    const none = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].retire = { "vpce-0a1b2c3d4e5f60003": "adopt" })) });
    expect(findings(none, "RETIRE_NOT_FOUND")[0].message).toContain("no inventory covers this stack");
  });

  test("Noncompliance: RETIRE_OTHER_VPC for an endpoint of another VPC", () => {
    const r = runWithInventory(
      { "a.yaml": spec((s) => (s.vpcs[0].retire = { "vpce-0a1b2c3d4e5f60003": "adopt" })) },
      { "eu-central-1.json": inventory([{ ...KMS, VpcId: "vpc-0fedcba9876543210" }]) },
    );
    expect(findings(r, "RETIRE_OTHER_VPC")).toEqual([expect.objectContaining({ severity: "error" })]);
    expect(r.plan).toBeUndefined();
  });

  test("Noncompliance: RETIRE_UNSUPPORTED for a Gateway Load Balancer endpoint", () => {
    const r = runWithInventory(
      { "a.yaml": spec((s) => (s.vpcs[0].retire = { "vpce-0a1b2c3d4e5f60003": "delete" })) },
      { "eu-central-1.json": inventory([{ ...KMS, VpcEndpointType: "GatewayLoadBalancer" }]) },
    );
    expect(findings(r, "RETIRE_UNSUPPORTED")[0].message).toContain("GatewayLoadBalancer");
  });

  test("Compliance: an unrequested endpoint of the VPC is retired in two steps", () => {
    const adopt = runWithInventory(
      { "a.yaml": spec((s) => (s.vpcs[0].retire = { "vpce-0a1b2c3d4e5f60003": "adopt" })) },
      { "eu-central-1.json": inventory([KMS]) },
    );
    for (const code of ["RETIRE_NOT_FOUND", "RETIRE_OTHER_VPC", "RETIRE_UNSUPPORTED"] as const)
      expect(findings(adopt, code)).toEqual([]);
    const vpc = adopt.plan?.stacks[0].vpcs[0];
    expect(vpc?.retired?.map((r) => r.address)).toEqual(["main_retired_vpce-0a1b2c3d4e5f60003"]);
    expect(vpc?.existing?.map((e) => e.action)).toEqual(["retire"]);
    const del = runWithInventory(
      { "a.yaml": spec((s) => (s.vpcs[0].retire = { "vpce-0a1b2c3d4e5f60003": "delete" })) },
      { "eu-central-1.json": inventory([KMS]) },
    );
    expect(del.plan?.stacks[0].vpcs[0].retired).toEqual([]);
    expect(del.plan?.stacks[0].vpcs[0].existing?.map((e) => e.action)).toEqual(["delete"]);
  });
});
