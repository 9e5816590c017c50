/** Integrity of the catalog data files: every reference resolves, every row has a source. */
import servicesData from "../../src/catalog/data/services.json";
import { allBundles, allRegions, allServices, getBundle, getRegion, getService } from "../../src/catalog";

describe("catalog data", () => {
  test("every service cites known sources", () => {
    const known = new Set(Object.keys(servicesData.sources));
    const bad = allServices().filter((s) => s.sources.length === 0 || s.sources.some((k) => !known.has(k)));
    expect(bad.map((s) => s.id)).toEqual([]);
  });

  test("a service outside aws-cdk-lib says why it is there", () => {
    for (const s of allServices().filter((x) => !x.sources.includes("aws-cdk-lib"))) expect(s.note ?? "").not.toBe("");
  });

  test("regional prefix and suffix tables name known regions and services", () => {
    for (const [region, p] of Object.entries(servicesData.regionalPrefixes)) {
      expect(getRegion(region)).toBeDefined();
      for (const id of p.services) expect(getService(id)).toBeDefined();
    }
    for (const [region, ids] of Object.entries(servicesData.regionalSuffixes)) {
      expect(getRegion(region)).toBeDefined();
      for (const id of Object.keys(ids)) expect(getService(id)).toBeDefined();
    }
  });

  test("every region has a partition and names are unique", () => {
    const names = allRegions().map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of allRegions()) {
      expect(r.partition).toMatch(/^aws(-[a-z-]+)?$/);
      if (r.azIdPrefix !== undefined) expect(r.azIdPrefix).toMatch(/^[a-z]+[0-9]+$/);
    }
  });

  describe("bundles", () => {
    test.each([
      ["ssm-session-manager", ["ssm", "ssmmessages", "ec2messages"]],
      ["ecr-pull", ["ecr.api", "ecr.dkr", "s3"]],
      ["ecs-fargate", ["ecr.api", "ecr.dkr", "s3", "logs"]],
      ["ecs-ec2", ["ecs", "ecs-agent", "ecs-telemetry"]],
      [
        "eks-private-nodes",
        ["ec2", "ecr.api", "ecr.dkr", "s3", "elasticloadbalancing", "logs", "sts", "eks", "eks-auth"],
      ],
    ])("%s holds %j", (id, services) => {
      expect(getBundle(id)?.services).toEqual(expect.arrayContaining(services));
    });

    test("every bundle names catalog services and cites an AWS page", () => {
      for (const b of allBundles()) {
        for (const id of [...b.services, ...(b.optional ?? [])])
          expect(`${b.id}: ${id} ${getService(id) ? "ok" : "unknown"}`).toBe(`${b.id}: ${id} ok`);
        expect(b.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
        expect(new Set(b.services).size).toBe(b.services.length);
      }
    });
  });
});
