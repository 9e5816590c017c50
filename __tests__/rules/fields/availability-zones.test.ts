import { dump, dumpEntry, findings, runSpecs, spec, type SpecDoc } from "../support";

/** The base spec in another region, its two subnets in the given zones (names, or ids with `azId: true`). */
function inRegion(region: string, zones: [string, string], opts: { azId?: boolean } = {}): SpecDoc {
  return spec((s) => {
    s.region = region;
    s.vpcs[0].subnets.forEach((sub: SpecDoc, i: number) => {
      delete sub.az;
      sub[opts.azId ? "azId" : "az"] = zones[i];
    });
  });
}

describe("availability-zones", () => {
  test("Noncompliance: AZ_NOT_IN_REGION for a zone name of another region", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].subnets[1].az = "eu-west-1b")) });
    const [d] = findings(r, "AZ_NOT_IN_REGION");
    expect(d.path).toBe("vpcs[0].subnets[1].az");
    expect(d.message).toContain("eu-central-1");
  });

  test("Noncompliance: AZ_NOT_IN_REGION for a zone id of another region", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        delete s.vpcs[0].subnets[1].az;
        s.vpcs[0].subnets[1].azId = "use1-az1";
      }),
    });
    expect(findings(r, "AZ_NOT_IN_REGION").map((d) => d.path)).toEqual(["vpcs[0].subnets[1].azId"]);
  });

  test("Noncompliance: AZ_MISSING for a subnet with neither az nor azId", () => {
    const r = runSpecs({ "a.yaml": spec((s) => delete s.vpcs[0].subnets[1].az) });
    expect(findings(r, "AZ_MISSING").map((d) => d.path)).toEqual(["vpcs[0].subnets[1]"]);
  });

  test("Noncompliance: AZ_AMBIGUOUS for a subnet with both", () => {
    const r = runSpecs({ "a.yaml": spec((s) => (s.vpcs[0].subnets[1].azId = "euc1-az3")) });
    expect(findings(r, "AZ_AMBIGUOUS").map((d) => d.path)).toEqual(["vpcs[0].subnets[1].azId"]);
  });

  test.each([
    ["us-east-1", "us-east-1q", false, ["us-east-1a", "us-east-1b", "us-east-1c"]],
    ["eu-west-1", "eu-west-1d", false, ["eu-west-1a", "eu-west-1b", "eu-west-1c"]],
    ["eu-west-1", "euw1-az7", true, ["euw1-az1", "euw1-az2", "euw1-az3"]],
  ])("Noncompliance: AZ_UNKNOWN in %s for %s, with the closest zones", (region, zone, azId, closest) => {
    const first = azId ? `${zone.slice(0, 4)}-az1` : `${region}a`;
    const r = runSpecs({ "a.yaml": inRegion(region, [first, zone], { azId }) });
    const [d, ...rest] = findings(r, "AZ_UNKNOWN");
    expect(rest).toEqual([]);
    expect(d.path).toBe(`vpcs[0].subnets[1].${azId ? "azId" : "az"}`);
    expect(d.message).toBe(`Availability Zone ${azId ? "id " : ""}"${zone}" does not exist in ${region}.`);
    expect(d.suggestions).toEqual(closest);
    expect(d.hint).toContain(closest.join(", "));
    expect(r.plan).toBeUndefined();
  });

  test("Noncompliance: AZ_UNKNOWN for a zone the region dump does not name either", () => {
    const entry = dumpEntry({
      name: "com.amazonaws.eu-central-1.ssm",
      azs: ["eu-central-1a", "eu-central-1b"],
      azIds: ["euc1-az2", "euc1-az3"],
    });
    const r = runSpecs(
      { "a.yaml": inRegion("eu-central-1", ["euc1-az2", "euc1-az9"], { azId: true }) },
      {
        "eu-central-1.json": dump([entry]),
      },
    );
    expect(findings(r, "AZ_UNKNOWN").map((d) => d.path)).toEqual(["vpcs[0].subnets[1].azId"]);
  });

  test("Compliance: a zone newer than the catalog is known once the region dump names it", () => {
    const entry = dumpEntry({
      name: "com.amazonaws.eu-west-1.ssm",
      azs: ["eu-west-1a", "eu-west-1d"],
      azIds: ["euw1-az1", "euw1-az7"],
    });
    const dumps = { "eu-west-1.json": dump([entry]) };
    const byName = runSpecs({ "a.yaml": inRegion("eu-west-1", ["eu-west-1a", "eu-west-1d"]) }, dumps);
    const byId = runSpecs({ "a.yaml": inRegion("eu-west-1", ["euw1-az1", "euw1-az7"], { azId: true }) }, dumps);
    expect(findings(byName, "AZ_UNKNOWN")).toEqual([]);
    expect(findings(byId, "AZ_UNKNOWN")).toEqual([]);
    // A dump of another region adds nothing to eu-west-1.
    const other = runSpecs(
      { "a.yaml": inRegion("eu-west-1", ["eu-west-1a", "eu-west-1d"]) },
      {
        "eu-central-1.json": dump([dumpEntry({ name: "com.amazonaws.eu-central-1.ssm", azs: ["eu-west-1d"] })]),
      },
    );
    expect(findings(other, "AZ_UNKNOWN").map((d) => d.path)).toEqual(["vpcs[0].subnets[1].az"]);
  });

  test("Compliance: every zone the catalog lists, by name and id, and any well-formed zone where unconfirmed", () => {
    const byName = runSpecs({ "a.yaml": inRegion("us-east-1", ["us-east-1a", "us-east-1f"]) });
    const byId = runSpecs({ "a.yaml": inRegion("us-east-1", ["use1-az1", "use1-az6"], { azId: true }) });
    const iso = runSpecs({ "a.yaml": inRegion("us-iso-east-1", ["us-iso-east-1a", "us-iso-east-1x"]) });
    for (const r of [byName, byId, iso]) expect(findings(r, "AZ_UNKNOWN")).toEqual([]);
  });

  test("Compliance: one zone per subnet, by name or by id, in the region", () => {
    const r = runSpecs({
      "a.yaml": spec((s) => {
        delete s.vpcs[0].subnets[1].az;
        s.vpcs[0].subnets[1].azId = "euc1-az3";
      }),
    });
    for (const code of ["AZ_NOT_IN_REGION", "AZ_UNKNOWN", "AZ_MISSING", "AZ_AMBIGUOUS"] as const)
      expect(findings(r, code)).toEqual([]);
  });
});
