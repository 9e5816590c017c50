/** `vpce discover` end to end on the fixtures: output, streams, exit codes, and --write. */
import * as fs from "node:fs";
import * as path from "node:path";
import { tmpDir } from "../helpers";
import { vpce } from "./run";
import { CUSTOM_FLOW_FORMAT, FIXTURES } from "../discover/fixtures";

const RESOLVER = path.join(FIXTURES, "resolver");
const FLOW = path.join(FIXTURES, "flow");

/** A copy of the fixture specs, to write into. */
function specsCopy(): string {
  const dir = path.join(tmpDir(), "specs");
  fs.cpSync(path.join(FIXTURES, "specs"), dir, { recursive: true });
  return dir;
}

/** `vpce discover` on the fixtures with an empty region-dump folder (the machine's catalog/ is not read). */
function discover(args: string[], specs = path.join(FIXTURES, "specs"), env: Record<string, string> = {}) {
  return vpce(["discover", "--specs", specs, ...args], { env: { VPCE_CATALOG: tmpDir(), ...env } });
}

/** An inventory folder (describe-vpc-endpoints output) for the payments VPC holding the given endpoints. */
function inventoryWith(endpoints: Record<string, unknown>[]): string {
  const dir = tmpDir();
  fs.writeFileSync(path.join(dir, "eu-central-1.json"), JSON.stringify({ VpcEndpoints: endpoints }, null, 2));
  return dir;
}

const PAY_VPC = "vpc-0a1b2c3d4e5f60718";

/** Every fixture log: the Resolver query logs, and the flow logs with the custom file's format. */
const ALL_LOGS = ["--resolver-logs", RESOLVER, "--flow-logs", FLOW, "--flow-log-format", CUSTOM_FLOW_FORMAT];

describe("vpce discover", () => {
  test("an inventory's gateway and private-DNS interface endpoints keep their services from being proposed", () => {
    const inventory = inventoryWith([
      // serves app-a's sqs calls: private DNS on, in the VPC
      {
        VpcEndpointId: "vpce-0123456789abcdef0",
        VpcEndpointType: "Interface",
        VpcId: PAY_VPC,
        ServiceName: "com.amazonaws.eu-central-1.sqs",
        State: "available",
        PrivateDnsEnabled: true,
        SubnetIds: ["subnet-0a1a1a1a1a1a1a1a1"],
        Groups: [],
        RouteTableIds: [],
      },
      // close case: an STS endpoint without private DNS serves no call to the public name
      {
        VpcEndpointId: "vpce-0fedcba9876543210",
        VpcEndpointType: "Interface",
        VpcId: PAY_VPC,
        ServiceName: "com.amazonaws.eu-central-1.sts",
        State: "available",
        PrivateDnsEnabled: false,
        SubnetIds: ["subnet-0a1a1a1a1a1a1a1a1"],
        Groups: [],
        RouteTableIds: [],
      },
    ]);
    const r = discover([...ALL_LOGS, "--format", "json"], undefined, { VPCE_INVENTORY: inventory });
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.out) as Record<string, unknown>[]).map((x) => [x.subnet, x.service]);
    expect(rows).not.toContainEqual(["app-a", "sqs"]);
    expect(rows).toContainEqual(["db-a", "sqs"]);
    expect(rows).toContainEqual(["batch", "sts"]);
    expect(r.err).toContain("payments/pay: sqs reached through an existing endpoint");
  });

  test("--format json: one object per subnet and service, with bytes and the NAT cost from flow logs", () => {
    const r = discover([...ALL_LOGS, "--format", "json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Record<string, unknown>[];
    expect(rows.map((x) => [x.stack, x.vpc, x.subnet, x.service, x.queries, x.bytes])).toEqual([
      ["ledger", "ledger", "db-a", "sqs", 1, 3000000],
      ["payments", "pay", "app-a", "logs", 1, 500000],
      ["payments", "pay", "app-a", "secretsmanager", 1, 0],
      ["payments", "pay", "app-a", "sqs", 3, 10000000],
      ["payments", "pay", "app-b", "s3", 1, 2 ** 30],
      ["payments", "pay", "batch", "sts", 1, 1000000],
    ]);
    for (const x of rows) {
      expect(Object.keys(x)).toEqual(
        expect.arrayContaining(["stack", "vpc", "subnet", "service", "queries", "bytes", "natUsdPerMonth"]),
      );
      expect(typeof x.natUsdPerMonth).toBe("number");
    }
    expect(rows[4]).toMatchObject({ type: "Gateway", gbPerMonth: 730, natUsdPerMonth: 32.85 });
  });

  test("malformed lines: a warning with file and line each, the rest still read; a summary on stderr", () => {
    const r = discover(ALL_LOGS);
    expect(r.code).toBe(0);
    const log = path.join(RESOLVER, "vpc-queries.log");
    expect(r.err).toContain(`${log}:12: warning: not a JSON object; line skipped.`);
    expect(r.err).toContain(`${log}:13: warning: "srcaddr" "10.30.1" is not an IP address; line skipped.`);
    expect(r.err).toMatch(/cloudwatch-custom\.log:3: warning: bytes "not-bytes" is not a whole number/);
    expect(r.err).toMatch(/_0a1b2c3d\.log\.gz:9: warning: 13 fields where the format has 14/);
    expect(r.err).toContain("vpce: 16 queries in 2 file(s); 4 malformed line(s) skipped; 2 from 2 address(es) outside");
    expect(r.err).toContain("3 for names of no catalog service");
    expect(r.err).toContain("telemetry.nonexistent-service.eu-central-1.amazonaws.com (1)");
    expect(r.err).toContain("vpce: payments/pay: kms reached through an existing endpoint (1 queries): not proposed.");
    expect(r.err).toContain(
      "bytes scaled to a month from a 60 min window (less than a day: the monthly figures extrapolate a short sample).",
    );
    expect(r.err).toContain("vpce: 6 service(s) to add in 4 subnet(s).");
  });

  test("aws logs filter-log-events output: warnings name the event; past 20 a file's problems are counted", () => {
    const logs = tmpDir();
    fs.writeFileSync(path.join(logs, "bad.log"), "not json\n".repeat(23));
    const events = path.join(FIXTURES, "cloudwatch", "filter-log-events.json");
    const r = discover(["--resolver-logs", events, logs, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`${events}: event 2: warning: not a JSON object; event skipped.`);
    expect(r.err).toContain(`${path.join(logs, "bad.log")}:20: warning: not a JSON object; line skipped.`);
    expect(r.err).not.toContain(`${path.join(logs, "bad.log")}:21:`);
    expect(r.err).toContain(`${path.join(logs, "bad.log")}: warning: 3 more malformed lines skipped.`);
    expect(r.err).toContain("24 malformed line(s) skipped");
    expect(JSON.parse(r.out).map((x: { subnet: string; service: string }) => [x.subnet, x.service])).toEqual([
      ["app-b", "logs"],
      ["app-b", "sqs"],
    ]);
  });

  test("a file that fails midway: its lines before are used, and the failure is said after them", () => {
    // a read error past the first 64 KiB of the file (a disk error, a file cut while read): the spy fails the file's
    // second read, after vpce has told its kind from its start and used the lines there
    const realFs = jest.requireActual<typeof import("node:fs")>("node:fs");
    const logs = tmpDir();
    const file = path.join(logs, "queries.log");
    const good = fs.readFileSync(path.join(RESOLVER, "vpc-queries.log"), "utf8").split("\n")[0];
    const lines = ["not json", ...Array.from({ length: 30 }, () => "not json"), ...Array(2000).fill(good)];
    fs.writeFileSync(file, lines.join("\n") + "\n");
    expect(fs.statSync(file).size).toBeGreaterThan(64 * 1024 * 2);
    let fd: number | undefined;
    let reads = 0;
    const { openSync, readSync } = realFs;
    const open = jest.spyOn(realFs, "openSync").mockImplementation(((...args: Parameters<typeof fs.openSync>) => {
      const opened = openSync.apply(realFs, args);
      if (args[0] === file) fd = opened;
      return opened;
    }) as typeof fs.openSync);
    const read = jest.spyOn(realFs, "readSync").mockImplementation(((...args: Parameters<typeof fs.readSync>) => {
      if (args[0] === fd && ++reads > 1) throw Object.assign(new Error("EIO: i/o error, read"), { code: "EIO" });
      return (readSync as (...a: Parameters<typeof fs.readSync>) => number).apply(realFs, args);
    }) as typeof fs.readSync);
    try {
      const r = discover(["--resolver-logs", file]);
      expect(r.code).toBe(0);
      const head = Math.floor((64 * 1024) / (good.length + 1));
      expect(r.err).toContain(`${file}:20: warning: not a JSON object; line skipped.`);
      expect(r.err).toContain(`${file}: warning: 11 more malformed lines skipped.`);
      expect(r.err).toMatch(new RegExp(`${file}: warning: EIO after line \\d+; the rest of the file skipped\\.`));
      const after = Number(/EIO after line (\d+)/.exec(r.err)?.[1]);
      // the lines of the first 64 KiB were used: the malformed ones and the queries after them
      expect(after).toBeGreaterThan(31 + head / 2);
      expect(after).toBeLessThan(lines.length);
      expect(r.err).toContain(`vpce: ${after - 31} queries in 1 file(s); 32 malformed line(s) skipped`);
    } finally {
      open.mockRestore();
      read.mockRestore();
    }
  });

  test("the table: a row per subnet and service on stdout; without flow logs no bytes or cost columns", () => {
    const r = discover(["--resolver-logs", RESOLVER]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0].split(/\s+/)).toEqual(["stack", "vpc", "subnet", "service", "type", "queries"]);
    expect(lines.slice(1).map((l) => l.split(/\s+/).slice(2, 4))).toEqual([
      ["db-a", "sqs"],
      ["app-a", "logs"],
      ["app-a", "secretsmanager"],
      ["app-a", "sqs"],
      ["app-b", "s3"],
      ["batch", "sts"],
    ]);
    const withFlows = discover(ALL_LOGS);
    expect(withFlows.out.split("\n")[0]).toMatch(
      /queries\s+bytes\s+GB\/month\s+NAT \$\/month\s+endpoint data \$\/month$/,
    );
  });

  test("exit codes: 2 without --resolver-logs, for a missing log path, a bad format; 1 for invalid specs", () => {
    expect(discover([]).code).toBe(2);
    const missing = discover(["--resolver-logs", path.join(RESOLVER, "nope.log")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--resolver-logs ".*nope\.log": no such file or folder\./);
    const bad = discover(["--resolver-logs", RESOLVER, "--flow-logs", FLOW, "--flow-log-format", "srcaddr"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--flow-log-format: "srcaddr" is not a \$\{field\} token/);
    expect(discover(["--resolver-logs", RESOLVER, "--format", "yaml"]).code).toBe(2);
    const specs = specsCopy();
    fs.writeFileSync(path.join(specs, "broken.yaml"), "version: 1\nregion: eu-centrl-1\nvpcs: []\n");
    const invalid = discover(["--resolver-logs", RESOLVER], specs);
    expect(invalid.code).toBe(1);
    expect(invalid.out).toBe("");
    expect(invalid.err).toMatch(/UNKNOWN_REGION/);
  });
});

describe("vpce discover --write", () => {
  test("adds the services keeping every other byte (flow and block lists); a second run proposes nothing", () => {
    const specs = specsCopy();
    const before = {
      payments: fs.readFileSync(path.join(specs, "payments.yaml"), "utf8"),
      ledger: fs.readFileSync(path.join(specs, "ledger.yaml"), "utf8"),
    };
    const r = discover(["--resolver-logs", RESOLVER, "--write"], specs);
    expect(r.code).toBe(0);
    expect(r.err).toContain("vpce: --write: added 6 service(s) to 2 file(s)");
    expect(r.err).toMatch(/payments\.yaml: pay\/app-a: added logs, secretsmanager, sqs\.$/m);
    expect(r.err).toMatch(/ledger\.yaml: ledger\/db-a: added sqs\.$/m);
    const payments = fs.readFileSync(path.join(specs, "payments.yaml"), "utf8");
    // flow list: appended inside the brackets, the comment after it kept
    expect(payments).toContain(
      "        services: [ssm, logs, secretsmanager, sqs]             # Session Manager only, for now\n",
    );
    // block list: new items under the last one, its comment kept
    expect(payments).toContain("          - ssm                     # same as app-a\n          - s3\n");
    // no services yet (bundles only): a new key after the last field
    expect(payments).toContain("        bundles: [ecr-pull]         # images from ECR\n        services: [sts]\n");
    const inserted = [", logs, secretsmanager, sqs", "\n          - s3", "\n        services: [sts]"];
    expect(inserted.reduce((t, s) => t.replace(s, ""), payments)).toBe(before.payments);
    const ledger = fs.readFileSync(path.join(specs, "ledger.yaml"), "utf8");
    expect(ledger.replace(", services: [sqs]", "")).toBe(before.ledger);

    const again = discover(["--resolver-logs", RESOLVER, "--format", "json", "--write"], specs);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toEqual([]);
    expect(again.err).toContain("vpce: --write: nothing to add; no file changed.");
    expect(fs.readFileSync(path.join(specs, "payments.yaml"), "utf8")).toBe(payments);
    expect(vpce(["validate", "--specs", specs], { env: { VPCE_CATALOG: tmpDir() } }).code).toBe(0);
  });

  test("--specs naming one file: only that spec is read and written; the other VPC's queries are unmatched", () => {
    const specs = specsCopy();
    const ledger = fs.readFileSync(path.join(specs, "ledger.yaml"), "utf8");
    const r = discover(["--resolver-logs", RESOLVER, "--write"], path.join(specs, "payments.yaml"));
    expect(r.code).toBe(0);
    expect(r.err).toContain("3 from 3 address(es) outside any known subnet");
    expect(r.err).toContain("vpce: queries from VPCs no spec describes: vpc-0f9e8d7c6b5a40312 (1); check the VPCs' id");
    expect(r.err).toMatch(/--write: added 5 service\(s\) to 1 file\(s\): .*payments\.yaml\.$/m);
    expect(fs.readFileSync(path.join(specs, "ledger.yaml"), "utf8")).toBe(ledger);
  });

  test("services that would make a spec invalid: the errors, exit 1, and no file changed", () => {
    const specs = specsCopy();
    const before = fs.readFileSync(path.join(specs, "ledger.yaml"), "utf8");
    const logs = tmpDir();
    // the ledger subnet has no routeTable: an s3 gateway endpoint for it is ROUTE_TABLE_REQUIRED
    fs.writeFileSync(
      path.join(logs, "q.log"),
      JSON.stringify({
        version: "1.100000",
        account_id: "111122223333",
        region: "eu-central-1",
        vpc_id: "vpc-0f9e8d7c6b5a40312",
        query_timestamp: "2026-11-01T10:00:00Z",
        query_name: "s3.eu-central-1.amazonaws.com.",
        query_type: "A",
        query_class: "IN",
        rcode: "NOERROR",
        answers: [{ Rdata: "52.219.170.10", Type: "A", Class: "IN" }],
        srcaddr: "10.30.1.15",
        srcport: "53000",
        transport: "UDP",
        srcids: { instance: "i-0d15cd0d3e0a1b2c3" },
      }) + "\n",
    );
    const r = discover(["--resolver-logs", logs, "--write"], specs);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/ledger\.yaml:\d+:\d+: error ROUTE_TABLE_REQUIRED/);
    expect(r.err).toContain("vpce: --write: the specs would be invalid with these services; no file changed.");
    expect(fs.readFileSync(path.join(specs, "ledger.yaml"), "utf8")).toBe(before);
  });
});
