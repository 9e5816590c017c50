import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { getService, serviceName } from "../../src/catalog";
import {
  dumpDir,
  findInDump,
  loadDumps,
  offerLookup,
  parseDump,
  serviceIdFromName,
  type RegionDump,
} from "../../src/region-dumps/read";

const FIXTURES = path.join(__dirname, "fixtures");
const DUMPS = path.join(FIXTURES, "dumps");
const SHARED = path.join(FIXTURES, "describe-vpc-endpoint-services", "us-east-1.json");

function parse(text: string, region = "us-east-1") {
  return parseDump({ text, file: `/tmp/${region}.json`, region });
}

function tmpDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vpce-dumps-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe("parseDump: the shared real recording (us-east-1, new shape)", () => {
  const { dump, diagnostics: problems } = parseDump({
    text: fs.readFileSync(SHARED, "utf8"),
    file: SHARED,
    region: "us-east-1",
  });

  test("reads without problems", () => {
    expect(problems).toEqual([]);
    expect(dump?.region).toBe("us-east-1");
    expect([...(dump?.services.keys() ?? [])]).toEqual([
      "com.amazonaws.us-east-1.apprunner.requests",
      "com.amazonaws.us-east-1.s3",
    ]);
  });

  test("S3 appears twice and keeps both types, each with its own entry", () => {
    const s3 = dump?.services.get("com.amazonaws.us-east-1.s3");
    expect(s3?.id).toBe("s3");
    expect([...(s3?.types ?? [])].sort()).toEqual(["Gateway", "Interface"]);
    expect(s3?.byType.Gateway?.serviceId).toBe("vpce-svc-0aa7c06513d4872d5");
    expect(s3?.byType.Interface?.privateDnsNames).toContain("*.s3-accesspoint.us-east-1.amazonaws.com");
    expect(s3?.byType.Gateway?.privateDnsNames).toEqual([]);
    // top-level view is the Interface entry's
    expect(s3?.privateDnsNames).toEqual(s3?.byType.Interface?.privateDnsNames);
  });

  test("AZ names, AZ ids, policy support", () => {
    const ar = dump?.services.get("com.amazonaws.us-east-1.apprunner.requests");
    expect(ar?.id).toBe("apprunner.requests");
    expect(ar?.azIds).toEqual(["use1-az4", "use1-az6", "use1-az1", "use1-az2", "use1-az3", "use1-az5"]);
    expect(ar?.azNames).toHaveLength(6);
    expect(ar?.policySupported).toBe(false);
    expect(ar?.byType.Interface?.ipAddressTypes).toEqual(["ipv6", "ipv4"]);
    expect(ar?.byType.Interface?.line).toBeGreaterThan(1);
  });

  test("the catalog's policy flag for apprunner.requests agrees with the recording", () => {
    expect(getService("apprunner.requests")?.policy).toBe(false);
  });
});

describe("parseDump: built dumps for awkward cases", () => {
  const eu = parseDump({
    text: fs.readFileSync(path.join(DUMPS, "eu-west-1.json"), "utf8"),
    file: "eu-west-1.json",
    region: "eu-west-1",
  });
  const cn = parseDump({
    text: fs.readFileSync(path.join(DUMPS, "cn-north-1.json"), "utf8"),
    file: "cn-north-1.json",
    region: "cn-north-1",
  });

  test("old shape: no AZ ids, no ServiceId, PrivateDnsName only", () => {
    expect(eu.diagnostics).toEqual([]);
    const ecr = eu.dump?.services.get("com.amazonaws.eu-west-1.ecr.dkr");
    expect(ecr?.azIds).toBeUndefined();
    expect(ecr?.azNames).toEqual(["eu-west-1a", "eu-west-1b"]);
    expect(ecr?.byType.Interface?.serviceId).toBeUndefined();
    expect(ecr?.privateDnsNames).toEqual(["*.dkr.ecr.eu-west-1.amazonaws.com"]);
  });

  test("a service offered in only some AZs, and S3 gateway/interface in different AZs", () => {
    const s3 = eu.dump?.services.get("com.amazonaws.eu-west-1.s3");
    expect(s3?.byType.Gateway?.azNames).toEqual(["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
    expect(s3?.byType.Interface?.azNames).toEqual(["eu-west-1a", "eu-west-1c"]);
    expect(s3?.azNames).toEqual(["eu-west-1a", "eu-west-1c"]);
  });

  test("China: two names for S3, .cn suffix, aws.sagemaker, unknown and partner services", () => {
    expect(cn.diagnostics).toEqual([]);
    const d = cn.dump as RegionDump;
    expect(d.services.get("com.amazonaws.cn-north-1.s3")?.id).toBe("s3");
    expect([...(d.services.get("com.amazonaws.cn-north-1.s3")?.types ?? [])]).toEqual(["Gateway"]);
    expect(d.services.get("cn.com.amazonaws.cn-north-1.s3")?.id).toBe("s3");
    expect(findInDump(d, "s3", "Gateway")?.name).toBe("com.amazonaws.cn-north-1.s3");
    expect(findInDump(d, "s3", "Interface")?.name).toBe("cn.com.amazonaws.cn-north-1.s3");
    expect(d.services.get("cn.com.amazonaws.cn-north-1.transcribe.cn")?.id).toBe("transcribe");
    expect(d.services.get("aws.sagemaker.cn-north-1.notebook")?.id).toBe("notebook");
    expect(d.services.get("com.amazonaws.cn-north-1.newservice")?.id).toBe("newservice");
    expect(d.services.get("com.amazonaws.vpce.cn-north-1.vpce-svc-0123456789abcdef0")?.id).toBeUndefined();
    expect(d.services.get("com.amazonaws.vpce.cn-north-1.vpce-svc-0123456789abcdef0")?.owner).toBe("111122223333");
  });

  test("the catalog's China names are the ones the dump lists", () => {
    const d = cn.dump as RegionDump;
    for (const [id, type] of [
      ["s3", "Gateway"],
      ["s3", "Interface"],
      ["ecr.dkr", "Interface"],
      ["kms", "Interface"],
      ["transcribe", "Interface"],
      ["notebook", "Interface"],
    ] as const) {
      expect(d.services.get(serviceName(getService(id)!, "cn-north-1", type))?.types.has(type)).toBe(true);
    }
  });

  test("offerLookup gives the planner AZ sets by name and type, with a file position", () => {
    const lookup = offerLookup(
      new Map([
        ["eu-west-1", eu.dump as RegionDump],
        ["cn-north-1", cn.dump as RegionDump],
      ]),
    );
    const ecr = lookup("eu-west-1", "com.amazonaws.eu-west-1.ecr.dkr", "Interface");
    expect(ecr?.azNames).toEqual(new Set(["eu-west-1a", "eu-west-1b"]));
    expect(ecr?.azIds).toBeUndefined();
    expect(ecr?.source).toMatch(/^eu-west-1\.json:\d+:\d+$/);
    expect(lookup("cn-north-1", "com.amazonaws.cn-north-1.newservice", "Interface")?.azIds).toEqual(
      new Set(["cnn1-az4"]),
    );
    expect(lookup("eu-west-1", "com.amazonaws.eu-west-1.ssm", "Gateway")).toBeUndefined();
    expect(lookup("eu-west-1", "com.amazonaws.eu-west-1.kms", "Interface")).toBeUndefined();
    expect(lookup("us-west-2", "com.amazonaws.us-west-2.ssm", "Interface")).toBeUndefined();
  });
});

describe("parseDump: malformed files are problems, never exceptions", () => {
  test("a JSON syntax error names its line and column", () => {
    const text =
      '{\n  "ServiceNames": [],\n  "ServiceDetails": [\n    {"ServiceName": "com.amazonaws.us-east-1.ssm",}\n  ]\n}\n';
    const r = parse(text);
    expect(r.dump).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: "DUMP_JSON_SYNTAX", severity: "error", pos: { line: 4, col: 51 } }),
    ]);
  });

  test.each([
    ["truncated file", '{"ServiceDetails": [', 1, 21],
    ["empty file", "", 1, 1],
    ["trailing garbage", '{"ServiceDetails": []} x', 1, 24],
    ["single quotes", "{'ServiceDetails': []}", 1, 2],
  ])("%s", (_label, text, line, col) => {
    expect(parse(text).diagnostics).toEqual([
      expect.objectContaining({ code: "DUMP_JSON_SYNTAX", pos: { line, col } }),
    ]);
  });

  test("a BOM is accepted", () => {
    expect(parse('\ufeff{"ServiceDetails": []}').diagnostics).toEqual([]);
  });

  test("not the API's shape", () => {
    expect(parse('["com.amazonaws.us-east-1.ssm"]').diagnostics).toEqual([
      expect.objectContaining({ code: "DUMP_SHAPE", pos: { line: 1, col: 1 } }),
    ]);
    expect(parse('{"ServiceNames": ["com.amazonaws.us-east-1.ssm"]}').diagnostics).toEqual([
      expect.objectContaining({ code: "DUMP_SHAPE" }),
    ]);
  });

  test("bad entries are reported at their position and skipped; good ones are kept", () => {
    const text = [
      '{"ServiceDetails": [',
      '  {"ServiceName": "com.amazonaws.us-east-1.ssm", "ServiceType": [{"ServiceType": "Interface"}], ' +
        '"AvailabilityZones": ["us-east-1a"]},',
      '  {"ServiceType": [{"ServiceType": "Interface"}]},',
      '  {"ServiceName": "com.amazonaws.us-east-1.kms", "ServiceType": []},',
      '  {"ServiceName": "com.amazonaws.us-east-1.sqs", "ServiceType": [{"ServiceType": "Interface"}], ' +
        '"AvailabilityZones": "us-east-1a"}',
      "]}",
    ].join("\n");
    const r = parse(text);
    expect(r.diagnostics.map((p) => [p.code, p.pos?.line, p.pos?.col])).toEqual([
      ["DUMP_ENTRY", 3, 3],
      ["DUMP_ENTRY", 4, 65],
      ["DUMP_ENTRY", 5, 118],
    ]);
    expect([...(r.dump?.services.keys() ?? [])]).toEqual([
      "com.amazonaws.us-east-1.sqs",
      "com.amazonaws.us-east-1.ssm",
    ]);
    expect(r.dump?.services.get("com.amazonaws.us-east-1.sqs")?.azNames).toBeUndefined();
  });

  test("a file named after the wrong region", () => {
    const r = parse(fs.readFileSync(path.join(DUMPS, "eu-west-1.json"), "utf8"), "us-east-1");
    expect(r.dump).toBeUndefined();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: "DUMP_WRONG_REGION", message: expect.stringContaining("eu-west-1.json") }),
    ]);
  });

  test("one page of a paginated list is a warning", () => {
    const r = parse('{"ServiceDetails": [], "NextToken": "abc"}');
    expect(r.dump).toBeDefined();
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: "DUMP_TRUNCATED", severity: "warning" })]);
  });

  test("an unknown region is a warning; the dump still loads", () => {
    const r = parseDump({
      text:
        '{"ServiceDetails": [{"ServiceName": "com.amazonaws.xx-new-1.ssm", ' +
        '"ServiceType": [{"ServiceType": "Interface"}]}]}',
      file: "xx-new-1.json",
      region: "xx-new-1",
    });
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: "DUMP_UNKNOWN_REGION", severity: "warning" })]);
    expect(r.dump?.services.get("com.amazonaws.xx-new-1.ssm")?.id).toBe("ssm");
  });

  test("GatewayLoadBalancer entries are not endpoints vpce plans: skipped", () => {
    const r = parse(
      '{"ServiceDetails": [{"ServiceName": "com.amazonaws.vpce.us-east-1.vpce-svc-1", ' +
        '"ServiceType": [{"ServiceType": "GatewayLoadBalancer"}]}]}',
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.dump?.services.size).toBe(0);
  });
});

describe("loadDumps", () => {
  test("reads every <region>.json of a folder and ignores other files", () => {
    const { dumps, diagnostics: problems, dir } = loadDumps({ dir: DUMPS });
    expect(dir).toBe(DUMPS);
    expect(problems).toEqual([]);
    expect([...dumps.keys()]).toEqual(["cn-north-1", "eu-west-1", "us-east-1"]);
    expect(dumps.get("us-east-1")?.file).toBe(path.join(DUMPS, "us-east-1.json"));
  });

  test("bad files become problems; good files still load", () => {
    const dir = tmpDir({
      "us-east-1.json": fs.readFileSync(SHARED, "utf8"),
      "eu-west-1.json": '{\n  "ServiceDetails": [\n    oops\n  ]\n}\n',
    });
    const { dumps, diagnostics: problems } = loadDumps({ dir });
    expect([...dumps.keys()]).toEqual(["us-east-1"]);
    expect(problems).toEqual([
      {
        file: path.join(dir, "eu-west-1.json"),
        pos: { line: 3, col: 5 },
        path: "",
        severity: "error",
        code: "DUMP_JSON_SYNTAX",
        message: expect.stringMatching(/^Not valid JSON/),
        hint: expect.stringMatching(/^Region dumps are the raw output/),
      },
    ]);
  });

  test("VPCE_CATALOG names the folder; a missing named folder is a problem", () => {
    const env = { VPCE_CATALOG: "does-not-exist" } as NodeJS.ProcessEnv;
    expect(dumpDir(env, "/project")).toBe(path.resolve("/project", "does-not-exist"));
    const r = loadDumps({ env: { VPCE_CATALOG: path.join(os.tmpdir(), "vpce-no-such-dir") } as NodeJS.ProcessEnv });
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: "DUMP_DIR_MISSING" })]);
  });

  test("without VPCE_CATALOG the folder is catalog/ under cwd, and a missing one is no dump at all", () => {
    expect(dumpDir({} as NodeJS.ProcessEnv, "/project")).toBe(path.join("/project", "catalog"));
    const r = loadDumps({ dir: path.join(os.tmpdir(), "vpce-absent-catalog"), env: {} as NodeJS.ProcessEnv });
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: "DUMP_DIR_MISSING" })]);
  });
});

describe("serviceIdFromName", () => {
  test.each([
    ["com.amazonaws.us-east-1.ssm", "us-east-1", "ssm"],
    ["com.amazonaws.us-east-1.ecr.api", "us-east-1", "ecr.api"],
    ["cn.com.amazonaws.cn-north-1.ecr.dkr", "cn-north-1", "ecr.dkr"],
    ["com.amazonaws.cn-north-1.s3", "cn-north-1", "s3"],
    ["cn.com.amazonaws.cn-north-1.s3", "cn-north-1", "s3"],
    ["cn.com.amazonaws.cn-northwest-1.transcribe.cn", "cn-northwest-1", "transcribe"],
    ["aws.sagemaker.us-west-2.notebook", "us-west-2", "notebook"],
    ["aws.api.us-east-1.freetier", "us-east-1", "freetier"],
    ["com.amazonaws.iam", "us-east-1", "iam"],
    ["com.amazonaws.s3-global.accesspoint", "eu-west-1", "s3-global.accesspoint"],
    ["gov.ic.c2s.us-iso-east-1.ec2", "us-iso-east-1", "ec2"],
    ["gov.sgov.sc2s.us-isob-east-1.sqs", "us-isob-east-1", "sqs"],
    ["eu.amazonaws.eusc-de-east-1.ecr.api", "eusc-de-east-1", "ecr.api"],
    // services the catalog does not know: same rule
    ["com.amazonaws.us-east-1.brand-new", "us-east-1", "brand-new"],
  ])("%s in %s is %s", (name, region, id) => {
    expect(serviceIdFromName(name, region)).toBe(id);
  });

  test.each([
    ["com.amazonaws.eu-west-1.ssm", "us-east-1"],
    ["com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", "us-east-1"],
    ["example.com", "us-east-1"],
  ])("%s in %s is no catalog id", (name, region) => {
    expect(serviceIdFromName(name, region)).toBeUndefined();
  });
});

describe("hostile dumps", () => {
  test("20,000 levels of nesting are a syntax error with a position, not a crash", () => {
    const r = parseDump({ text: "[".repeat(20000), file: "catalog/eu-central-1.json", region: "eu-central-1" });
    expect(r.dump).toBeUndefined();
    expect(r.diagnostics.map((p) => [p.code, p.pos?.line])).toEqual([["DUMP_JSON_SYNTAX", 1]]);
  });

  test("a __proto__ key stays data", () => {
    const r = parseDump({
      text: '{"ServiceDetails": [], "__proto__": {"polluted": true}}',
      file: "catalog/eu-central-1.json",
      region: "eu-central-1",
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.diagnostics.filter((p) => p.severity === "error")).toEqual([]);
  });
});
