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

  test("Noncompliance: one subnet on the shared table reads in the singular", () => {
    const [f] = findings(runSpecs({ "a.yaml": onAppATable([]) }), "SHARED_ROUTE_TABLE");
    expect(f.message).toContain("it also serves data-a, which did not ask for s3.");
    expect(f.hint).toBe(
      "Its s3 traffic will leave through the endpoint too (and its policy applies). Add s3 to it, or give it " +
        "its own route table.",
    );
  });

  test("Noncompliance: two subnets on the shared table read in the plural", () => {
    const r = runSpecs({
      "a.yaml": spec((s) =>
        ["data-a", "data-b"].forEach((name, i) =>
          s.vpcs[0].subnets.push(
            subnet({
              name,
              id: `subnet-0ccccccccccccccc${i + 3}`,
              cidr: `10.20.${i + 3}.0/24`,
              routeTable: "rtb-0aaaaaaaaaaaaaaa1",
            }),
          ),
        ),
      ),
    });
    const [f] = findings(r, "SHARED_ROUTE_TABLE");
    expect(f.message).toContain("it also serves data-a, data-b, which did not ask for s3.");
    expect(f.hint).toBe(
      "Their s3 traffic will leave through the endpoint too (and its policy applies). Add s3 to them, or give " +
        "them their own route table.",
    );
  });
});
