/** Reading recorded describe-vpc-endpoints output: the documented fixture, and input that is not what AWS prints. */
import * as fs from "node:fs";
import * as path from "node:path";
import { inventoryFor, loadInventories, readInventoryText } from "../../src/inventory/read";
import { ROOT, writeTree } from "../helpers";
import fc from "fast-check";
import { existing, inventory } from "./support";

const FIXTURE = path.join(ROOT, "__tests__", "inventory", "fixtures", "basic", "eu-central-1.json");

describe("reading an inventory", () => {
  test("the documented fixture: every entry with its fields, live or not, and where it starts", () => {
    const r = readInventoryText({ text: fs.readFileSync(FIXTURE, "utf8"), file: FIXTURE });
    expect(r.facts.badEntries).toEqual([]);
    const byId = new Map(r.inventory?.endpoints.map((e) => [e.id, e]));
    expect([...byId.keys()]).toEqual([1, 2, 3, 4, 5].map((i) => `vpce-0a1b2c3d4e5f6000${i}`));
    expect(byId.get("vpce-0a1b2c3d4e5f60002")).toMatchObject({
      type: "Interface",
      vpcId: "vpc-0123456789abcdef0",
      serviceName: "com.amazonaws.eu-central-1.ssm",
      state: "available",
      live: true,
      privateDns: true,
      subnetIds: ["subnet-0aaaaaaaaaaaaaaa1"],
      securityGroupIds: ["sg-0123456789abcdef0"],
      ipAddressType: "ipv4",
      dnsRecordIpType: "ipv4",
      ownerId: "111122223333",
      serviceRegion: "eu-central-1",
      tags: {},
    });
    expect(byId.get("vpce-0a1b2c3d4e5f60001")?.tags).toEqual({ Name: "s3-by-hand" });
    expect(byId.get("vpce-0a1b2c3d4e5f60004")).toMatchObject({ state: "deleted", live: false });
    expect(byId.get("vpce-0a1b2c3d4e5f60002")?.source).toMatch(/eu-central-1\.json:30:9$/);
  });

  test("a BOM is skipped, a __proto__ key is data, unknown fields are ignored", () => {
    const entry = { ...existing({ id: "vpce-0a1b2c3d4e5f60002", service: "ssm" }), SomethingNew: { x: 1 } };
    const text =
      "\ufeff" +
      JSON.stringify(inventory([entry])).replace('"VpcEndpoints"', '"__proto__": {"polluted": true}, "VpcEndpoints"');
    const r = readInventoryText({ text, file: "/x/eu-central-1.json" });
    expect(r.inventory?.endpoints.map((e) => e.id)).toEqual(["vpce-0a1b2c3d4e5f60002"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("an inventory per account and region: a spec with an account prefers <account>-<region>.json", () => {
    const dir = writeTree({
      "111122223333-eu-central-1.json": JSON.stringify(inventory([])),
      "eu-central-1.json": JSON.stringify(inventory([])),
      "notes.txt": "not an inventory",
    });
    const loaded = loadInventories({ dir });
    expect([...loaded.inventories.keys()].sort()).toEqual(["111122223333-eu-central-1", "eu-central-1"]);
    expect(inventoryFor(loaded.inventories, { region: "eu-central-1", account: "111122223333" })?.account).toBe(
      "111122223333",
    );
    expect(inventoryFor(loaded.inventories, { region: "eu-central-1", account: "999999999999" })?.account).toBe(
      undefined,
    );
    expect(inventoryFor(loaded.inventories, { region: "eu-west-1" })).toBeUndefined();
    expect(loaded.diagnostics).toEqual([]);
  });

  test("any JSON: never a throw; every endpoint read has its five strings, every bad entry a position", () => {
    const field = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string()));
    const entry = fc.oneof(
      fc.record(
        {
          VpcEndpointId: field,
          VpcEndpointType: field,
          VpcId: field,
          ServiceName: field,
          State: fc.oneof(field, fc.constantFrom("available", "Deleted", "pendingAcceptance")),
          SubnetIds: field,
          Groups: fc.oneof(field, fc.array(fc.record({ GroupId: field }))),
          Tags: fc.oneof(field, fc.array(fc.record({ Key: field, Value: field }))),
          DnsOptions: fc.oneof(field, fc.record({ DnsRecordIpType: field })),
          PrivateDnsEnabled: field,
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
        const r = readInventoryText({ text: JSON.stringify({ VpcEndpoints: entries }), file: "/x/eu-central-1.json" });
        for (const e of r.inventory?.endpoints ?? [])
          for (const v of [e.id, e.type, e.vpcId, e.serviceName, e.state])
            expect(typeof v === "string" && v !== "").toBe(true);
        for (const b of r.facts.badEntries) expect(b.pos).toBeDefined();
      }),
      { numRuns: 300, seed: 13 },
    );
  });
});
