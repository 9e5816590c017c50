/**
 * `vpce catalog --region R --json`, end to end, against an independent
 * source: the names aws-cdk-lib computes for every service in every region.
 */
import * as catalog from "../../src/catalog";
import { run } from "../../src/cli/main";

type Row = {
  id: string;
  serviceName: string;
  serviceNames: Partial<Record<catalog.EndpointType, string>>;
  types: string[];
  port: number;
};

function catalogJson(region: string): Map<string, Row> {
  const out: string[] = [];
  const code = run(["catalog", "--region", region, "--json"], {
    out: (t) => out.push(t),
    err: () => undefined,
    env: {},
  });
  expect(code).toBe(0);
  return new Map((JSON.parse(out.join("\n")) as Row[]).map((r) => [r.id, r]));
}

test("every full name printed by vpce catalog --json, in every region, equals aws-cdk-lib's", async () => {
  const cdk = await import("../../scripts/catalog-cdk");
  const printed = new Map(catalog.allRegions().map((r) => [r.name, catalogJson(r.name)]));
  const fromCli: typeof catalog = {
    ...catalog,
    serviceName: (s, region, type = s.types[0]) =>
      printed.get(region)?.get(s.id)?.serviceNames[type] ?? "(not printed)",
  };
  const result = cdk.crossCheck(fromCli);
  expect(result.mismatches).toEqual([]);
  expect(result.regions).toBe(catalog.allRegions().length);
  for (const rows of printed.values()) {
    for (const r of rows.values()) {
      expect(r.serviceName).toBe(r.serviceNames[r.types[0] as catalog.EndpointType]);
      expect(r.port).toBe(r.id.startsWith("cassandra") ? 9142 : 443);
    }
  }
});
