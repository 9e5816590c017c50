import { existing, inventory, runWithInventory } from "../../inventory/support";
import { findings, spec, type SpecDoc } from "../support";

describe("inventory-entry", () => {
  const ssm = existing({ id: "vpce-0a1b2c3d4e5f60002", service: "ssm" });

  test("Noncompliance: INVENTORY_ENTRY for a missing id, wrong field types and an undocumented State", () => {
    const noId = { ...ssm, VpcEndpointId: undefined };
    const badGroups = { ...ssm, VpcEndpointId: "vpce-0a1b2c3d4e5f60007", Groups: ["sg-0123456789abcdef0"] };
    const badState = { ...ssm, VpcEndpointId: "vpce-0a1b2c3d4e5f60008", State: "Sleeping" };
    const r = runWithInventory(
      { "a.yaml": spec() },
      { "eu-central-1.json": inventory([noId, badGroups, badState, 42 as unknown as SpecDoc]) },
    );
    const f = findings(r, "INVENTORY_ENTRY");
    expect(f.map((d) => d.message)).toEqual([
      "VpcEndpoints[0] has no VpcEndpointId string.",
      'vpce-0a1b2c3d4e5f60007: Groups must be a list of {"GroupId": "sg-..."}.',
      expect.stringContaining('State "Sleeping" is not one the EC2 API documents'),
      "VpcEndpoints[3] must be an object.",
    ]);
    expect(f.every((d) => d.pos !== undefined)).toBe(true);
    expect(r.plan).toBeUndefined();
  });

  test("Noncompliance: INVENTORY_DUPLICATE for an endpoint listed twice (the first is used)", () => {
    const r = runWithInventory({ "a.yaml": spec() }, { "eu-central-1.json": inventory([ssm, ssm]) });
    expect(findings(r, "INVENTORY_DUPLICATE")).toEqual([expect.objectContaining({ severity: "warning" })]);
    expect(r.plan?.stacks[0].vpcs[0].existing).toHaveLength(1);
  });

  test("Noncompliance: INVENTORY_OTHER_ACCOUNT for an entry owned by another account than the file name's", () => {
    const r = runWithInventory(
      { "a.yaml": spec((s) => (s.account = "111122223333")) },
      {
        "111122223333-eu-central-1.json": inventory([
          existing({ ...{ id: "vpce-0a1b2c3d4e5f60002", service: "ssm" }, owner: "444455556666" }),
        ]),
      },
    );
    expect(findings(r, "INVENTORY_OTHER_ACCOUNT")[0].message).toContain("444455556666");
  });

  test("Compliance: States in either case (available, Available, pendingAcceptance), absent optional fields", () => {
    const minimal = {
      VpcEndpointId: "vpce-0a1b2c3d4e5f60009",
      VpcEndpointType: "Interface",
      VpcId: "vpc-0123456789abcdef0",
      ServiceName: "com.amazonaws.eu-central-1.kms",
      State: "PendingAcceptance",
    };
    const r = runWithInventory(
      { "a.yaml": spec() },
      { "eu-central-1.json": inventory([{ ...ssm, State: "Available" }, minimal]) },
    );
    for (const code of ["INVENTORY_ENTRY", "INVENTORY_DUPLICATE", "INVENTORY_OTHER_ACCOUNT"] as const)
      expect(findings(r, code)).toEqual([]);
    expect(r.plan?.stacks[0].vpcs[0].existing?.map((e) => e.endpointId)).toEqual([
      "vpce-0a1b2c3d4e5f60002",
      "vpce-0a1b2c3d4e5f60009",
    ]);
  });
});
