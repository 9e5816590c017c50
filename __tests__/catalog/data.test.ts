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

  describe("zones", () => {
    test("every region either lists its zones (ids of its prefix, names of its code) or says why not", () => {
      for (const r of allRegions()) {
        if (!r.zones) {
          expect(`${r.name}: ${r.zonesNote ?? ""}`).toMatch(/: unconfirmed: /);
          continue;
        }
        expect(r.zones.ids.length).toBeGreaterThanOrEqual(3);
        for (const id of r.zones.ids) expect(id).toMatch(new RegExp(`^${r.azIdPrefix}-az[0-9]+$`));
        for (const name of r.zones.names) expect(name).toMatch(new RegExp(`^${r.name}[a-z]$`));
        expect(new Set(r.zones.ids).size).toBe(r.zones.ids.length);
      }
    });

    test.each([
      ["us-east-1", 6, "us-east-1f", "use1-az6"],
      ["eu-west-1", 3, "eu-west-1c", "euw1-az3"],
      ["eu-central-1", 3, "eu-central-1c", "euc1-az3"],
    ])("%s has %d zones up to %s / %s (AWS Availability Zones page)", (region, n, lastName, lastId) => {
      const zones = getRegion(region)?.zones;
      expect(zones?.ids).toHaveLength(n);
      expect(zones?.names.at(-1)).toBe(lastName);
      expect(zones?.ids.at(-1)).toBe(lastId);
    });

    test("ISO and EUSC partitions are unconfirmed", () => {
      for (const r of allRegions().filter((x) => /^aws-(iso|eusc)/.test(x.partition))) expect(r.zones).toBeUndefined();
    });
  });

  describe("bundles", () => {
    test.each([
      ["ssm-session-manager", ["ssm", "ssmmessages"]],
      ["ecr-pull", ["ecr.api", "ecr.dkr", "s3"]],
      ["ecs-fargate", ["ecr.api", "ecr.dkr", "s3", "logs"]],
      ["ecs-ec2", ["ecs", "ecs-agent", "ecs-telemetry"]],
      ["eks-private-nodes", ["ec2", "ecr.api", "ecr.dkr", "s3", "elasticloadbalancing", "logs", "eks", "route53"]],
      ["sagemaker-studio-vpc-only", ["sagemaker.api", "sagemaker.runtime", "studio", "servicecatalog"]],
      ["lambda-api", ["lambda"]],
    ])("%s holds %j", (id, services) => {
      expect(getBundle(id)?.services).toEqual(expect.arrayContaining(services));
    });

    test.each([
      ["eks-private-nodes", "sts", /IRSA/],
      ["eks-private-nodes", "eks-auth", /Pod Identity/],
      ["ssm-session-manager", "ec2messages", /3\.3\.40\.0/],
      ["ssm-session-manager", "kms", /KMS/],
      ["sagemaker-studio-vpc-only", "notebook", /Studio Classic/],
    ])("%s offers %s as an option, with its condition", (id, service, when) => {
      const b = getBundle(id);
      expect(b?.services).not.toContain(service);
      expect(b?.optional.find((o) => o.service === service)?.when).toMatch(when);
    });

    test("every bundle names catalog services and cites AWS pages", () => {
      for (const b of allBundles()) {
        for (const id of [...b.services, ...b.optional.map((o) => o.service)])
          expect(`${b.id}: ${id} ${getService(id) ? "ok" : "unknown"}`).toBe(`${b.id}: ${id} ok`);
        for (const url of [b.source, ...b.sources]) expect(url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
        expect(new Set(b.services).size).toBe(b.services.length);
        for (const o of b.optional) {
          expect(b.services).not.toContain(o.service);
          expect(o.when.length).toBeGreaterThan(10);
        }
      }
    });
  });
});
