/** `vpce adopt` in both formats, and conflicts stopping adopt and synth (exit 1, nothing written). */
import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";
import { writeTree, tmpDir, ROOT } from "../helpers";
import { existing, inventory } from "../inventory/support";
import { spec } from "../rules/support";
import { vpce } from "./run";

const FIXTURE = path.join(ROOT, "__tests__", "inventory", "fixtures", "basic");

function specs(edit?: Parameters<typeof spec>[0]): string {
  return writeTree({ "base.yaml": stringify(spec(edit)) });
}

describe("vpce adopt", () => {
  test("--format json: each existing endpoint as { stack, vpc, service, type, endpointId, action, changes }", () => {
    const r = vpce(["adopt", "--specs", specs(), "--format", "json"], { env: { VPCE_INVENTORY: FIXTURE } });
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Record<string, unknown>[];
    expect(rows.map((x) => [x.stack, x.vpc, x.service, x.type, x.endpointId, x.action])).toEqual([
      ["base", "main", "s3", "Gateway", "vpce-0a1b2c3d4e5f60001", "adopt"],
      ["base", "main", "ssm", "Interface", "vpce-0a1b2c3d4e5f60002", "adopt"],
      ["base", "main", "com.amazonaws.eu-central-1.kms", "Interface", "vpce-0a1b2c3d4e5f60003", "unrequested"],
    ]);
    expect(rows[0].changes).toEqual([
      {
        argument: "route_table_ids",
        from: "rtb-0aaaaaaaaaaaaaaa1",
        to: "rtb-0aaaaaaaaaaaaaaa1, rtb-0bbbbbbbbbbbbbbb2",
        replaces: false,
      },
      { argument: "tags", from: "Name=s3-by-hand", to: "Name=main-s3, vpce:service=s3", replaces: false },
    ]);
    expect(rows[0]).toMatchObject({
      address: "aws_vpc_endpoint.main_s3",
      replaces: false,
      vpcId: "vpc-0123456789abcdef0",
    });
    expect(rows[2]).toMatchObject({ address: null, changes: [] });
    expect(String(rows[1].source)).toMatch(/eu-central-1\.json:30:9$/);
  });

  test("table: per stack and VPC, each endpoint with its action, changes and notes", () => {
    const r = vpce(["adopt", "--specs", specs()], { env: { VPCE_INVENTORY: FIXTURE } });
    expect(r.code).toBe(0);
    expect(r.out).toContain("VPC main (vpc-0123456789abcdef0): 3 existing");
    expect(r.out).toContain("vpce-0a1b2c3d4e5f60002  ssm (Interface)  adopt -> aws_vpc_endpoint.main_ssm");
    expect(r.out).toContain(
      "~ subnet_ids: subnet-0aaaaaaaaaaaaaaa1 -> subnet-0aaaaaaaaaaaaaaa1, subnet-0bbbbbbbbbbbbbbb2",
    );
    expect(r.out).toContain("unrequested (kept)");
    expect(r.out.split("\n").at(-1)).toBe("2 adopted, 1 unrequested, 0 retiring, 0 in conflict");
    expect(r.err).toMatch(/vpce: 0 errors/);
  });

  test("a stack without inventory says so; JSON has no rows for it", () => {
    const empty = tmpDir();
    const r = vpce(["adopt", "--specs", specs()], { env: { VPCE_INVENTORY: empty } });
    expect(r.code).toBe(0);
    expect(r.out).toContain("stack base: no inventory (eu-central-1.json); nothing adopted");
    const j = vpce(["adopt", "--specs", specs(), "--format", "json"], { env: { VPCE_INVENTORY: empty } });
    expect(JSON.parse(j.out)).toEqual([]);
  });

  test("a conflict: rows with action conflict, the error on stderr, exit 1; synth writes nothing", () => {
    const inv = writeTree({
      "eu-central-1.json": JSON.stringify(
        inventory([
          existing({ id: "vpce-0a1b2c3d4e5f60002", service: "ssm" }),
          existing({ id: "vpce-0a1b2c3d4e5f60012", service: "ssm" }),
        ]),
      ),
    });
    const dir = specs();
    const j = vpce(["adopt", "--specs", dir, "--format", "json"], { env: { VPCE_INVENTORY: inv } });
    expect(j.code).toBe(1);
    expect((JSON.parse(j.out) as { action: string }[]).map((x) => x.action)).toEqual(["conflict", "conflict"]);
    expect(j.err).toContain("ADOPT_AMBIGUOUS");
    const t = vpce(["adopt", "--specs", dir], { env: { VPCE_INVENTORY: inv } });
    expect(t.code).toBe(1);
    expect(t.out).toContain("CONFLICT -> aws_vpc_endpoint.main_ssm");
    const out = path.join(tmpDir(), "cdktf.out");
    const s = vpce(["synth", "--specs", dir, "--out", out], { env: { VPCE_INVENTORY: inv } });
    expect(s.code).toBe(1);
    expect(s.err).toContain("nothing was written");
    expect(fs.existsSync(out)).toBe(false);
  });

  test("a malformed inventory is an error with file:line:col, and nothing is adopted or written", () => {
    const inv = writeTree({ "eu-central-1.json": '{"VpcEndpoints": [\n  {"VpcEndpointId": 7}\n]}' });
    const r = vpce(["adopt", "--specs", specs(), "--format", "json"], { env: { VPCE_INVENTORY: inv } });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/eu-central-1\.json:2:21: error INVENTORY_ENTRY/);
  });

  test("--format must be table or json", () => {
    const r = vpce(["adopt", "--specs", specs(), "--format", "markdown"], { env: { VPCE_INVENTORY: FIXTURE } });
    expect(r.code).toBe(2);
  });
});
