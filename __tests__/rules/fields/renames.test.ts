import { findings, runSpecs, spec, subnet } from "../support";

describe("renames", () => {
  test("Noncompliance: RENAMED_FROM_SELF on a VPC renamed from its own name", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].renamedFrom = "main")) });
    const [d] = findings(r, "RENAMED_FROM_SELF");
    expect(d.path).toBe("vpcs[0].renamedFrom");
    expect(d.pos?.line).toBeGreaterThan(1);
  });

  test("Noncompliance: RENAMED_FROM_TAKEN for a subnet renamed from a subnet that still exists", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].subnets[1].renamedFrom = "app-a")) });
    const [d] = findings(r, "RENAMED_FROM_TAKEN");
    expect(d.path).toBe("vpcs[0].subnets[1].renamedFrom");
    expect(d.message).toContain('subnet "app-a"');
  });

  test("Noncompliance: RENAMED_FROM_TAKEN for an endpoints key renamed from a service still asked for", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].endpoints = { "s3-west": { service: "s3", serviceRegion: "us-west-2", renamedFrom: "s3" } };
        s.vpcs[0].subnets[0].services.push("s3-west");
      }),
    });
    const [d] = findings(r, "RENAMED_FROM_TAKEN");
    expect(d.path).toBe('vpcs[0].endpoints["s3-west"].renamedFrom');
  });

  test("Noncompliance: RENAMED_FROM_TWICE for two subnets renamed from one old name", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].subnets[0].renamedFrom = "old";
        s.vpcs[0].subnets[1].renamedFrom = "old";
      }),
    });
    const [d] = findings(r, "RENAMED_FROM_TWICE");
    expect(d.path).toBe("vpcs[0].subnets[1].renamedFrom");
    expect(findings(r, "RENAMED_FROM_TAKEN")).toEqual([]);
  });

  test("Compliance: a VPC, a subnet and an endpoints key renamed from names nothing uses any more", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        s.vpcs[0].renamedFrom = "apps";
        s.vpcs[0].subnets[0].renamedFrom = "app-1";
        s.vpcs[0].subnets.push(
          subnet({ name: "app-c", id: "subnet-0ccccccccccccccc3", cidr: "10.20.3.0/24", renamedFrom: "app-3" }),
        );
        s.vpcs[0].endpoints = { "s3-west": { service: "s3", serviceRegion: "us-west-2", renamedFrom: "s3-usw2" } };
        s.vpcs[0].subnets[0].services.push("s3-west");
      }),
    });
    for (const code of ["RENAMED_FROM_SELF", "RENAMED_FROM_TAKEN", "RENAMED_FROM_TWICE"] as const)
      expect(findings(r, code)).toEqual([]);
    expect(r.plan).toBeDefined();
  });
});
