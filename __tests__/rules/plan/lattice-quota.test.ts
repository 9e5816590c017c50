import { findings, runSpecs, spec } from "../support";

const id = (i: number) => String(i).padStart(17, "0");

/** The base spec plus n VPC Lattice endpoints of one type requested by app-a. */
const withLattice = (n: number, type: "resource" | "service-network") =>
  spec((s) => {
    const keys = Array.from({ length: n }, (_, i) => `l${String(i).padStart(3, "0")}`);
    s.vpcs[0].subnets[0].services.push(...keys);
    s.vpcs[0].endpoints = Object.fromEntries(
      keys.map((k, i) => [
        k,
        type === "resource"
          ? {
              type,
              resourceConfigurationArn:
                "arn:aws:vpc-lattice:eu-central-1:111122223333:" + `resourceconfiguration/rcfg-${id(i)}`,
            }
          : { type, serviceNetworkArn: `arn:aws:vpc-lattice:eu-central-1:111122223333:servicenetwork/sn-${id(i)}` },
      ]),
    );
  });

describe("lattice-quota", () => {
  test("Noncompliance: LATTICE_QUOTA with 51 service-network endpoints, and with 201 resource endpoints", () => {
    const sn = findings(runSpecs({ "a.yaml": withLattice(51, "service-network") }), "LATTICE_QUOTA");
    expect(sn.map((d) => d.path)).toEqual(["vpcs[0]"]);
    expect(sn[0].message).toContain("51 service-network endpoints; the default quota is 50");
    const rc = findings(runSpecs({ "a.yaml": withLattice(201, "resource") }), "LATTICE_QUOTA");
    expect(rc[0].message).toContain("201 resource endpoints; the default quota is 200");
  });

  test("Compliance: 50 service-network and 200 resource endpoints; they do not count as interface endpoints", () => {
    const sn = runSpecs({ "a.yaml": withLattice(50, "service-network") });
    const rc = runSpecs({ "a.yaml": withLattice(200, "resource") });
    for (const r of [sn, rc]) {
      expect(findings(r, "LATTICE_QUOTA")).toEqual([]);
      expect(findings(r, "INTERFACE_QUOTA")).toEqual([]);
      expect(r.plan).toBeDefined();
    }
  });
});
