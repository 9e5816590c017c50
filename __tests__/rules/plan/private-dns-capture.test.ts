import { findings, runSpecs, spec, subnet } from "../support";

const withDataSubnet = (services: string[]) =>
  spec((s) =>
    s.vpcs[0].subnets.push(
      subnet({
        name: "data-a",
        id: "subnet-0ccccccccccccccc3",
        cidr: "10.20.3.0/24",
        routeTable: "rtb-0ccccccccccccccc3",
        services,
      }),
    ),
  );

describe("private-dns-capture", () => {
  test("Noncompliance: PRIVATE_DNS_CAPTURE when a subnet that did not ask resolves ssm to the endpoint", () => {
    const f = findings(runSpecs({ "a.yaml": withDataSubnet([]) }), "PRIVATE_DNS_CAPTURE");
    expect(f).toHaveLength(1);
    expect(f[0].path).toBe("vpcs[0].subnets[0].services[1]");
    expect(f[0].message).toContain("data-a");
  });

  test("Compliance: the subnet asks for ssm too", () => {
    expect(findings(runSpecs({ "a.yaml": withDataSubnet(["ssm"]) }), "PRIVATE_DNS_CAPTURE")).toEqual([]);
  });
});
