/** `vpce stacks`: the rows a CI matrix reads, and the table. */
import { BASE, edit, writeTree } from "../helpers";
import { vpce } from "./run";

// the CLI resolves specs/ and cdktf.out against the working directory, the repository root under jest
const ROWS = [
  ["analytics-s3", "specs/onprem-s3.yaml", "eu-west-1", "444455556666", "local"],
  ["eks-platform-prod", "specs/eks-platform.yaml", "eu-central-1", "111122223333", "s3"],
  ["shared-services", "specs/shared-services.yaml", "ap-southeast-2", null, "local"],
  ["ssm-fleet", "specs/ssm-fleet.yaml", "us-east-1", null, "s3"],
];

test("--json: one row per stack, sorted, with its folder under --out, spec, region, account, backend, policies", () => {
  const r = vpce(["stacks", "--json", "--specs", "specs", "--out", "build/tf"]);
  expect(r.code).toBe(0);
  const rows = JSON.parse(r.out);
  expect(rows.map((x: Record<string, unknown>) => [x.stack, x.spec, x.region, x.account, x.backend])).toEqual(ROWS);
  expect(rows.map((x: { dir: string }) => x.dir)).toEqual(ROWS.map((x) => `build/tf/stacks/${x[0]}`));
  expect(rows[0].policies).toEqual(["specs/policies/s3-analytics-buckets.json"]);
  expect(rows[3].policies).toEqual([]);
  // every input file, existing or not: what --changed-since selects by and atlantis watches
  expect(rows[3].inputs).toEqual([
    "specs/ssm-fleet.yaml",
    "catalog/us-east-1.json",
    "inventory/us-east-1.json",
    "cdktf.json",
  ]);
});

test("the default: a table, folders under cdktf.out", () => {
  const r = vpce(["stacks"]);
  expect(r.code).toBe(0);
  const lines = r.out.split("\n");
  expect(lines[0].split(/\s+/)).toEqual(["stack", "dir", "spec", "region", "account", "backend"]);
  expect(lines.slice(1).map((l) => l.split(/\s+/))).toEqual(
    ROWS.map(([stack, spec, region, account, backend]) => [
      stack,
      `cdktf.out/stacks/${stack}`,
      spec,
      region,
      account ?? "-",
      backend,
    ]),
  );
});

test("an invalid spec: exit 1, the errors on stderr, nothing on stdout", () => {
  const dir = writeTree({ "a.yaml": edit(BASE, "region: eu-central-1", "region: eu-centrl-1") });
  const r = vpce(["stacks", "--json", "--specs", dir]);
  expect(r.code).toBe(1);
  expect(r.out).toBe("");
  expect(r.err).toMatch(/UNKNOWN_REGION/);
});
