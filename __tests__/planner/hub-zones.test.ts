/**
 * Hub zone names against real describe-vpc-endpoint-services output: for every interface service of every
 * dump fixture that a hub may offer (a catalog id with a private DNS name), the zones planned with the dump
 * are its PrivateDnsName(s) without `*.`, a wildcard record exactly where the name is a wildcard or the
 * catalog says clients call per-resource names; and the zones planned without the dump (the catalog) are
 * the same.
 */
import * as path from "node:path";
import { getRegion, getService } from "../../src/catalog";
import { perResourceServices } from "../../src/catalog/private-dns";
import { hubZones } from "../../src/planner/hub/zones";
import { resolveService } from "../../src/planner/service";
import { loadDumps, type RegionDump } from "../../src/region-dumps/read";
import { ROOT } from "../helpers";

const FIXTURES = [
  path.join(ROOT, "__tests__", "region-dumps", "fixtures", "dumps"),
  path.join(ROOT, "__tests__", "region-dumps", "fixtures", "describe-vpc-endpoint-services"),
];

const cases: Array<[string, string, RegionDump]> = [];
for (const dir of FIXTURES) {
  const loaded = loadDumps({ dir });
  for (const [region, dump] of loaded.dumps)
    for (const s of dump.services.values()) {
      const names = s.byType.Interface?.privateDnsNames ?? [];
      if (s.id && getService(s.id) && names.length > 0) cases.push([`${path.basename(dir)}/${region}`, s.id, dump]);
    }
}

describe("hub zones match the dumps' PrivateDnsName data", () => {
  test("the fixtures hold interface services with private DNS names in two partitions", () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
    expect(new Set(cases.map(([, , d]) => getRegion(d.region)?.partition))).toEqual(new Set(["aws", "aws-cn"]));
  });

  test.each(cases)("%s %s", (_where, id, dump) => {
    const partition = getRegion(dump.region)?.partition as string;
    const svc = resolveService({ key: id, region: dump.region, partition, dump });
    const written = [
      ...new Set(dump.services.get(svc.names.Interface as string)?.byType.Interface?.privateDnsNames ?? []),
    ];
    const expected = written.map((n) => n.toLowerCase().replace(/\.$/, ""));
    const perResource = perResourceServices({ region: dump.region }).some((p) => p.serviceId === id);
    const withDump = hubZones({ svc, region: dump.region, dump });
    expect(withDump.map((z) => z.name).sort()).toEqual(
      [...new Set(expected.map((n) => n.replace(/^\*\./, "")))].sort(),
    );
    for (const z of withDump) expect(z.wildcard).toBe(perResource || expected.includes(`*.${z.name}`));
    const fromCatalog = hubZones({
      svc: resolveService({ key: id, region: dump.region, partition }),
      region: dump.region,
    });
    expect(fromCatalog).toEqual(withDump);
  });
});
