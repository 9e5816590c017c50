import { existing, inventory, runWithInventory } from "../../inventory/support";
import { findings, spec } from "../support";

const RTB_A = "rtb-0aaaaaaaaaaaaaaa1";
const RTB_B = "rtb-0bbbbbbbbbbbbbbb2";
const S3_A = existing({ id: "vpce-0a1b2c3d4e5f60001", service: "s3", type: "Gateway", routeTables: [RTB_A] });
const S3_B = existing({ id: "vpce-0a1b2c3d4e5f60011", service: "s3", type: "Gateway", routeTables: [RTB_B] });
const SSM = existing({ id: "vpce-0a1b2c3d4e5f60002", service: "ssm", privateDns: true });

describe("adoption-conflicts", () => {
  test("Noncompliance: ADOPT_AMBIGUOUS when two existing endpoints match one planned endpoint", () => {
    const r = runWithInventory({ "a.yaml": spec() }, { "eu-central-1.json": inventory([S3_A, S3_B]) });
    const f = findings(r, "ADOPT_AMBIGUOUS");
    expect(f).toEqual([expect.objectContaining({ severity: "error", path: "vpcs[0].subnets[0].services[0]" })]);
    expect(f[0].message).toMatch(/vpce-0a1b2c3d4e5f60001 \(.*eu-central-1\.json:\d+:\d+\) and vpce-0a1b2c3d4e5f60011/);
    expect(r.plan).toBeUndefined();
    expect(r.draft?.stacks[0].vpcs[0].existing?.map((e) => e.action)).toEqual(["conflict", "conflict"]);
  });

  test("Noncompliance: ADOPT_ROUTE_TABLE_TAKEN when the retired gateway is on a route table the plan adds", () => {
    // keep A (adopted, extended to rtb-B), retire B: AWS refuses the route on rtb-B while B exists
    const r = runWithInventory(
      { "a.yaml": spec((s) => (s.vpcs[0].retire = { "vpce-0a1b2c3d4e5f60011": "adopt" })) },
      { "eu-central-1.json": inventory([S3_A, S3_B]) },
    );
    const f = findings(r, "ADOPT_ROUTE_TABLE_TAKEN");
    expect(f).toEqual([expect.objectContaining({ severity: "error" })]);
    expect(f[0].message).toContain(`route table ${RTB_B} already routes to vpce-0a1b2c3d4e5f60011`);
    expect(r.plan).toBeUndefined();
  });

  test("Noncompliance: ADOPT_PRIVATE_DNS_TAKEN when the private-DNS endpoint of the service is being retired", () => {
    const r = runWithInventory(
      { "a.yaml": spec((s) => (s.vpcs[0].retire = { "vpce-0a1b2c3d4e5f60002": "delete" })) },
      { "eu-central-1.json": inventory([SSM]) },
    );
    const f = findings(r, "ADOPT_PRIVATE_DNS_TAKEN");
    expect(f).toEqual([expect.objectContaining({ severity: "error", path: "vpcs[0].subnets[0].services[1]" })]);
    expect(f[0].message).toContain("vpce-0a1b2c3d4e5f60002");
  });

  test("Noncompliance: ADOPT_PRIVATE_DNS_TAKEN for a private-DNS endpoint of the service that can't be adopted", () => {
    // same service name, but the endpoint reaches another region's service (service_region): no match
    const r = runWithInventory(
      { "a.yaml": spec() },
      { "eu-central-1.json": inventory([{ ...SSM, ServiceRegion: "eu-west-1" }]) },
    );
    expect(findings(r, "ADOPT_PRIVATE_DNS_TAKEN")).toHaveLength(1);
  });

  test("Compliance: one existing per planned endpoint adopts; private DNS off and gone endpoints meet no one", () => {
    const r = runWithInventory(
      { "a.yaml": spec((s) => (s.vpcs[0].retire = { "vpce-0a1b2c3d4e5f60012": "adopt" })) },
      {
        "eu-central-1.json": inventory([
          S3_A,
          SSM,
          existing({ id: "vpce-0a1b2c3d4e5f60003", service: "kms", privateDns: true }),
          existing({ id: "vpce-0a1b2c3d4e5f60004", service: "ssm", privateDns: true, state: "deleted" }),
          // a second ssm endpoint without private DNS, retired: AWS takes both, the first apply imports it
          existing({ id: "vpce-0a1b2c3d4e5f60012", service: "ssm", privateDns: false }),
        ]),
      },
    );
    for (const code of ["ADOPT_AMBIGUOUS", "ADOPT_PRIVATE_DNS_TAKEN", "ADOPT_ROUTE_TABLE_TAKEN"] as const)
      expect(findings(r, code)).toEqual([]);
    expect(r.plan?.stacks[0].vpcs[0].existing?.map((e) => `${e.endpointId} ${e.action}`)).toEqual([
      "vpce-0a1b2c3d4e5f60001 adopt",
      "vpce-0a1b2c3d4e5f60002 adopt",
      "vpce-0a1b2c3d4e5f60003 unrequested",
      "vpce-0a1b2c3d4e5f60012 retire",
    ]);
  });
});
