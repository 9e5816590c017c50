/** The matching of `vpce discover` on the fixtures: what the logs show, per subnet, with bytes and cost. */
import * as fs from "node:fs";
import * as path from "node:path";
import { serviceForHostname } from "../../src/catalog/private-dns";
import { discover, type Proposal } from "../../src/discover/discover";
import { readLogFile, isProblem } from "../../src/discover/files";
import { parseFlowLog, parseFlowLogFormat, type FlowRecord } from "../../src/discover/flow-log";
import { parseResolverLog, type QueryRecord } from "../../src/discover/resolver-log";
import { runPipeline } from "../../src/pipeline";
import { PRICES } from "../../src/planner/pricing";
import { tmpDir, writeTree } from "../helpers";
import { CUSTOM_FLOW_FORMAT, FIXTURES } from "./fixtures";

const S3_FLOWS = "111122223333_vpcflowlogs_eu-central-1_fl-0a1b2c3d4e5f60718_20261101T1100Z_0a1b2c3d.log.gz";

function lines(rel: string) {
  const t = readLogFile(path.join(FIXTURES, rel));
  if (isProblem(t)) throw new Error(t.message);
  return t;
}

const models = runPipeline(path.join(FIXTURES, "specs"), { dumpDir: tmpDir() }).models;
const queries: QueryRecord[] = ["resolver/vpc-queries.log", "resolver/export-000001.gz"].flatMap(
  (f) => parseResolverLog(lines(f)).records,
);
const serviceOf = ({ hostname, region }: { hostname: string; region: string }) =>
  serviceForHostname({ hostname, region })?.serviceId;

function flows(): { records: FlowRecord[]; window?: { start: number; end: number } } {
  const format = parseFlowLogFormat(CUSTOM_FLOW_FORMAT);
  if ("error" in format) throw new Error(format.error);
  const a = parseFlowLog(lines(`flow/${S3_FLOWS}`));
  const b = parseFlowLog({ ...lines("flow/cloudwatch-custom.log"), fields: format.fields });
  return { records: [...a.records, ...b.records], window: a.window };
}

const row = (p: Proposal) => [p.stack, p.subnet, p.service, p.type, p.queries];

describe("discover without flow logs", () => {
  const r = discover({ specs: models, queries, serviceOf });

  test("proposes exactly the services each subnet called and does not request, with query counts", () => {
    expect(r.proposals.map(row)).toEqual([
      ["ledger", "db-a", "sqs", "Interface", 1],
      ["payments", "app-a", "logs", "Interface", 1],
      ["payments", "app-a", "secretsmanager", "Interface", 1],
      ["payments", "app-a", "sqs", "Interface", 3],
      ["payments", "app-b", "s3", "Gateway", 1],
      ["payments", "batch", "sts", "Interface", 1],
    ]);
    expect(r.proposals.every((p) => p.bytes === undefined && p.natUsdPerMonth === undefined)).toBe(true);
    expect(r.proposals.find((p) => p.service === "s3")?.names).toEqual(["invoices-2026.s3.eu-central-1.amazonaws.com"]);
  });

  test("counts what it does not propose: outside every subnet, outside the catalog, via an endpoint, requested", () => {
    expect(r.summary).toEqual({
      queries: 16,
      unmatched: { queries: 2, addresses: 2, unknownVpcs: [] },
      outsideCatalog: {
        queries: 3,
        awsNames: [{ name: "telemetry.nonexistent-service.eu-central-1.amazonaws.com", queries: 1 }],
      },
      viaEndpoint: [{ stack: "payments", vpc: "pay", service: "kms", queries: 1 }],
      alreadyRequested: 2,
    });
  });

  test("a DynamoDB query (a public name a gateway serves, no private DNS) proposes the gateway", () => {
    const q = queries.find((x) => x.name.startsWith("invoices-2026.s3."));
    if (!q) throw new Error("fixture: the S3 query from app-b is missing");
    const dynamodb = { ...q, name: "dynamodb.eu-central-1.amazonaws.com" };
    const got = discover({ specs: models, queries: [...queries, dynamodb], serviceOf }).proposals;
    expect(got.filter((p) => p.service === "dynamodb").map(row)).toEqual([
      ["payments", "app-b", "dynamodb", "Gateway", 1],
    ]);
  });

  test("a private answer for a service the VPC's spec requests elsewhere is vpce's endpoint: still proposed", () => {
    const kms = queries.filter((q) => q.name.startsWith("kms."));
    const wants = models.map((m) =>
      m.stack !== "payments"
        ? m
        : {
            ...m,
            vpcs: m.vpcs.map((v) => ({
              ...v,
              subnets: v.subnets.map((s) =>
                s.name === "batch" ? { ...s, requests: [...s.requests, { ...s.requests[0], key: "kms" }] } : s,
              ),
            })),
          },
    );
    const again = discover({ specs: wants, queries: kms, serviceOf });
    expect(again.proposals.map(row)).toEqual([["payments", "app-b", "kms", "Interface", 1]]);
    expect(again.summary.viaEndpoint).toEqual([]);
  });
});

describe("discover with flow logs", () => {
  const r = discover({ specs: models, queries, flows: flows(), serviceOf });
  const by = (subnet: string, service: string) =>
    r.proposals.find((p) => p.subnet === subnet && p.service === service)!;

  test("bytes both ways, a flow recorded on the NAT gateway's interface too counted once, its own leg not", () => {
    expect(by("app-a", "sqs").bytes).toBe(2000000 + 8000000);
    expect(by("app-a", "logs").bytes).toBe(500000); // IPv6
    expect(by("app-b", "s3").bytes).toBe(2 ** 30);
    expect(by("app-a", "secretsmanager").bytes).toBe(0);
    expect(r.summary.flows).toEqual({ records: 8, duplicates: 1, attributed: 6, windowSeconds: 3600 });
  });

  test("the flow's vpc-id tells two VPCs with the same addresses apart", () => {
    expect(by("db-a", "sqs").bytes).toBe(3000000);
    expect(by("batch", "sts").bytes).toBe(1000000);
  });

  test("a month is the flow logs' window scaled to 730 hours; NAT at $0.045/GB, the endpoint's data its price", () => {
    const s3 = by("app-b", "s3");
    expect(s3.gbPerMonth).toBe(730); // 1 GiB in one hour
    expect(s3.natUsdPerMonth).toBe(Math.round(730 * PRICES.natPerGb * 100) / 100);
    expect(s3.endpointDataUsdPerMonth).toBe(0); // gateway
    const sqs = by("app-a", "sqs");
    const gb = (10_000_000 / 2 ** 30) * 730;
    expect(sqs.natUsdPerMonth).toBe(Math.round(gb * PRICES.natPerGb * 100) / 100);
    expect(sqs.endpointDataUsdPerMonth).toBe(Math.round(gb * PRICES.interfacePerGb * 100) / 100);
  });

  test("flows without a time window give bytes but no monthly cost", () => {
    const f = flows();
    const r2 = discover({ specs: models, queries, flows: { records: f.records }, serviceOf });
    const s3 = r2.proposals.find((p) => p.service === "s3")!;
    expect(s3.bytes).toBe(2 ** 30);
    expect(s3.natUsdPerMonth).toBeUndefined();
  });
});

describe("cross-region entries", () => {
  // app-a reaches KMS of eu-west-1 through the endpoints key kms-west; app-b calls it too
  const text = fs
    .readFileSync(path.join(FIXTURES, "specs", "payments.yaml"), "utf8")
    .replace("services: [ssm] ", "services: [ssm, kms-west]")
    .replace(
      "        bundles: [ecr-pull]         # images from ECR\n",
      "        bundles: [ecr-pull]         # images from ECR\n    endpoints:\n" +
        "      kms-west: { service: kms, serviceRegion: eu-west-1 }\n",
    );
  const dir = writeTree({ "payments.yaml": text });
  const r = runPipeline(dir, { dumpDir: tmpDir() });
  const query = (srcaddr: string): QueryRecord => ({
    file: "q",
    line: 1,
    vpcId: "vpc-0a1b2c3d4e5f60718",
    name: "kms.eu-west-1.amazonaws.com",
    srcaddr,
    addresses: ["3.248.0.9"],
  });

  test("a name of the entry's region is the entry's service; a subnet without it gets the key proposed", () => {
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const found = discover({ specs: r.models, queries: [query("10.30.1.15"), query("10.30.2.20")], serviceOf });
    expect(found.proposals.map((p) => [p.subnet, p.service, p.key, p.type])).toEqual([
      ["app-b", "kms@eu-west-1", "kms-west", "Interface"],
    ]);
    expect(found.summary.alreadyRequested).toBe(1);
  });
});

describe("existing endpoints outside the specs (an inventory)", () => {
  // an sqs endpoint without private DNS in VPC pay serving app-a (DNS answers cannot show it), and a gateway
  // endpoint for s3 on app-b's route table, which the spec's own s3 gateway (for batch's bundle) would take over
  const existing = (o: { vpcId: string; subnet: { name: string }; service: string }) =>
    o.vpcId !== "vpc-0a1b2c3d4e5f60718"
      ? undefined
      : o.service === "sqs" && o.subnet.name === "app-a"
        ? "vpce-0123456789abcdef0"
        : o.service === "s3" && o.subnet.name === "app-b"
          ? "vpce-0fedcba9876543210"
          : undefined;
  const r = discover({ specs: models, queries, serviceOf, existing });

  test("a service an existing endpoint serves for the subnet is not proposed, and is counted with the endpoint", () => {
    expect(r.proposals.map((p) => [p.subnet, p.service])).not.toContainEqual(["app-a", "sqs"]);
    expect(r.summary.viaEndpoint).toEqual([
      { stack: "payments", vpc: "pay", service: "kms", queries: 1 },
      { stack: "payments", vpc: "pay", service: "sqs", endpointId: "vpce-0123456789abcdef0", queries: 3 },
    ]);
  });

  test("close case: the spec requests the service elsewhere in the VPC, so its own endpoint would not admit it", () => {
    expect(r.proposals.map((p) => [p.subnet, p.service])).toContainEqual(["app-b", "s3"]);
  });
});

describe("the endpoint type", () => {
  test("the VPC's endpoints entry chooses it (s3: { type: interface }); else the catalog's default", () => {
    const text = fs
      .readFileSync(path.join(FIXTURES, "specs", "payments.yaml"), "utf8")
      .replace(
        "        bundles: [ecr-pull]         # images from ECR\n",
        "        bundles: [ecr-pull]         # images from ECR\n    endpoints:\n      s3: { type: interface }\n",
      );
    const r = runPipeline(writeTree({ "payments.yaml": text }), { dumpDir: tmpDir() });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const found = discover({ specs: r.models, queries, serviceOf });
    expect(found.proposals.find((p) => p.service === "s3")?.type).toBe("Interface");
    expect(discover({ specs: models, queries, serviceOf }).proposals.find((p) => p.service === "s3")?.type).toBe(
      "Gateway",
    );
  });
});
