import { findings, runSpecs, spec, subnet } from "../support";

const onAppATable = (services: string[]) =>
  spec((s) =>
    s.vpcs[0].subnets.push(
      subnet({
        name: "data-a",
        id: "subnet-0ccccccccccccccc3",
        cidr: "10.20.3.0/24",
        routeTable: "rtb-0aaaaaaaaaaaaaaa1",
        services,
      }),
    ),
  );

describe("shared-route-table", () => {
  test("Noncompliance: SHARED_ROUTE_TABLE when a subnet on the s3 route table did not ask for s3", () => {
    const f = findings(runSpecs({ "a.yaml": onAppATable([]) }), "SHARED_ROUTE_TABLE");
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe("vpcs[0].subnets[0]");
    expect(f[0].message).toContain("data-a");
  });

  test("Compliance: the subnet on the shared table asks for s3", () => {
    expect(findings(runSpecs({ "a.yaml": onAppATable(["s3"]) }), "SHARED_ROUTE_TABLE")).toEqual([]);
  });
});
