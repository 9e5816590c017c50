/**
 * Every diagnostic code has a failing fixture here: a small spec (BASE with
 * one edit, or a few files) that must produce that code at the expected
 * position, and never an unexpected crash. The last test checks that no code
 * of DIAGNOSTIC_CODES is left without a case.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Diagnostic, DiagnosticCode } from "../../src/diagnostics";
import { CODES, severityOf } from "../../src/rules";
import { runPipeline } from "../../src/pipeline";
import { stringify } from "yaml";
import { BASE, edit, pipelineOf, tmpDir, writeTree } from "../helpers";
import { hubSpec, spokeSpec } from "../hub-support";
import { INVENTORY_CASES } from "./inventory-cases";

interface Case {
  code: DiagnosticCode;
  files: Record<string, string | Buffer>;
  /** Region dumps: file name -> content, in a catalog folder beside the specs. */
  catalog?: Record<string, string>;
  /** Endpoint inventories: file name -> content, in an inventory folder of their own. */
  inventories?: Record<string, string>;
  /** Expected 1-based line of the diagnostic, when it points into a spec. */
  line?: number;
  /** Expected field path. */
  path?: string;
  /** Expected first suggestion. */
  suggest?: string;
}

const extraSubnet = (name: string, az: string, cidr: string, rtb: string, services = "[]") => `      - name: ${name}
        id: subnet-0ccccccccccccccc${name.length}
        az: ${az}
        cidr: ${cidr}
        routeTable: ${rtb}
        services: ${services}
`;

const manyCustom = (n: number) => {
  let endpoints = "    endpoints:\n";
  const keys: string[] = [];
  for (let i = 0; i < n; i++) {
    const key = `svc${String(i).padStart(2, "0")}`;
    keys.push(key);
    endpoints +=
      `      ${key}: { serviceName: com.amazonaws.vpce.eu-central-1.` +
      `vpce-svc-0123456789abcd${String(i).padStart(3, "0")} }\n`;
  }
  return (
    edit(
      BASE,
      "services: [s3, ssm]\n      - name: app-b",
      `services: [s3, ssm, ${keys.join(", ")}]\n      - name: app-b`,
    ) + endpoints
  );
};

const manyVpcs = (n: number) => {
  let text = "version: 1\nregion: eu-central-1\nvpcs:\n";
  for (let i = 0; i < n; i++) {
    const h = i.toString(16).padStart(2, "0");
    text +=
      `  - name: v${i}\n    id: vpc-0123456789abcd${h}0\n    cidr: 10.${i}.0.0/16\n    subnets:\n` +
      `      - { name: a, id: subnet-0123456789abcd${h}0, az: eu-central-1a, cidr: 10.${i}.1.0/24, ` +
      `routeTable: rtb-0123456789abcd${h}0, services: [s3] }\n`;
  }
  return text;
};

/** A describe-vpc-endpoint-services dump (new shape unless ids are left out). */
function dump(
  entries: Array<{ name: string; type: "Interface" | "Gateway"; azs?: string[]; azIds?: string[]; policy?: boolean }>,
  extra: object = {},
): string {
  return JSON.stringify(
    {
      ServiceNames: entries.map((e) => e.name),
      ServiceDetails: entries.map((e) => ({
        ServiceName: e.name,
        ServiceType: [{ ServiceType: e.type }],
        AvailabilityZones: e.azs ?? ["eu-central-1a", "eu-central-1b", "eu-central-1c"],
        ...(e.azIds ? { AvailabilityZoneIds: e.azIds } : {}),
        VpcEndpointPolicySupported: e.policy ?? true,
        PrivateDnsNames:
          e.type === "Interface" ? [{ PrivateDnsName: `${e.name.split(".").pop()}.eu-central-1.amazonaws.com` }] : [],
      })),
      ...extra,
    },
    null,
    2,
  );
}
const S3_GW = { name: "com.amazonaws.eu-central-1.s3", type: "Gateway" as const };
const SSM = { name: "com.amazonaws.eu-central-1.ssm", type: "Interface" as const };

/** A hub (hub.yaml) and a spoke asking for kms (a.yaml), each edited; as YAML files. */
const hubFiles = (
  opts: { hub?: (s: Record<string, any>) => void; spoke?: (s: Record<string, any>) => void; account?: string } = {},
) => ({
  "hub.yaml": stringify(hubSpec(opts.hub)),
  "a.yaml": stringify(
    spokeSpec({ stack: "payments", n: 20, services: ["kms"], edit: opts.spoke, account: opts.account }),
  ),
});

const HUB_CASES: Case[] = [
  { code: "HUB_SERVICE_UNKNOWN", files: hubFiles({ hub: (s) => s.vpcs[0].hub.services.push("kmss") }), suggest: "kms" },
  { code: "HUB_SERVICE_GATEWAY_ONLY", files: hubFiles({ hub: (s) => s.vpcs[0].hub.services.push("s3express") }) },
  { code: "HUB_AND_SPOKE", files: hubFiles({ hub: (s) => (s.vpcs[0].useHub = "payments/payments") }) },
  {
    code: "HUB_ENDPOINT_SETTING",
    files: hubFiles({ hub: (s) => (s.vpcs[0].endpoints = { kms: { privateDns: true } }) }),
    path: "vpcs[0].endpoints.kms.privateDns",
  },
  { code: "HUB_NOT_FOUND", files: hubFiles({ spoke: (s) => (s.vpcs[0].useHub = "network-hub/hub") }) },
  { code: "HUB_REGION_MISMATCH", files: hubFiles({ spoke: (s) => (s.region = "eu-west-1") }) },
  { code: "HUB_CIDR_OVERLAP", files: hubFiles({ spoke: (s) => (s.vpcs[0].additionalCidrs = ["10.255.0.0/24"]) }) },
  { code: "HUB_BACKEND_REQUIRED", files: hubFiles({ hub: (s) => delete s.backend, account: "222222222222" }) },
  { code: "HUB_ZONE_CAPTURE", files: hubFiles({ spoke: (s) => (s.vpcs[0].subnets[1].services = ["ssm"]) }) },
  { code: "HUB_SERVICE_UNUSED", files: hubFiles(), path: "vpcs[0].hub.services[0]" },
  {
    code: "HUB_SERVICE_NO_DNS",
    files: hubFiles({ hub: (s) => (s.vpcs[0].hub.services = ["kms"]) }),
    catalog: {
      "eu-central-1.json": JSON.stringify({
        ServiceNames: ["com.amazonaws.eu-central-1.kms"],
        ServiceDetails: [
          {
            ServiceName: "com.amazonaws.eu-central-1.kms",
            ServiceType: [{ ServiceType: "Interface" }],
            AvailabilityZones: ["eu-central-1a", "eu-central-1b"],
            Owner: "amazon",
            BaseEndpointDnsNames: ["kms.eu-central-1.vpce.amazonaws.com"],
            VpcEndpointPolicySupported: true,
          },
        ],
      }),
    },
  },
  {
    code: "SPOKE_DUPLICATE_ENDPOINT",
    files: hubFiles({ spoke: (s) => (s.vpcs[0].endpoints = { kms: { policy: "full-access" } }) }),
  },
  {
    code: "HUB_DEARER_THAN_LOCAL",
    files: hubFiles({ spoke: (s) => (s.vpcs[0].endpoints = { kms: { gbPerMonth: 5000 } }) }),
  },
];

const CASES: Case[] = [
  ...HUB_CASES,
  // loading
  { code: "NO_SPECS", files: { "README.md": "not a spec" } },
  {
    code: "FILE_NOT_UTF8",
    files: {
      "a.yaml": Buffer.concat([Buffer.from("version: 1\nregion: "), Buffer.from([0xff, 0xfe]), Buffer.from("\n")]),
    },
    line: 2,
  },
  { code: "FILE_TOO_LARGE", files: { "a.yaml": "# " + "x".repeat(1024 * 1024 + 10) + "\n" } },
  { code: "YAML_SYNTAX", files: { "a.yaml": "version: 1\nregion: [eu-central-1\nvpcs: []\n" } },
  {
    code: "YAML_DUPLICATE_KEY",
    files: { "a.yaml": edit(BASE, "region: eu-central-1\n", "region: eu-central-1\nregion: eu-west-1\n") },
    line: 4,
  },
  {
    code: "YAML_ALIAS_LIMIT",
    files: {
      "a.yaml":
        `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n` +
        `c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
    },
  },
  { code: "EMPTY_SPEC", files: { "a.yaml": "# nothing here yet\n" } },
  { code: "NOT_A_MAPPING", files: { "a.yaml": "- version: 1\n- region: eu-central-1\n" }, line: 1 },
  // schema
  {
    code: "UNKNOWN_FIELD",
    files: {
      "a.yaml": edit(BASE, "services: [s3, ssm]\n      - name: app-b", "servces: [s3, ssm]\n      - name: app-b"),
    },
    line: 15,
    path: "vpcs[0].subnets[0].servces",
    suggest: "services",
  },
  { code: "MISSING_FIELD", files: { "a.yaml": edit(BASE, "region: eu-central-1\n", "") }, path: "region" },
  {
    code: "WRONG_TYPE",
    files: { "a.yaml": edit(BASE, "services: [s3, ssm]\n      - name: app-b", "services: ssm\n      - name: app-b") },
    line: 15,
    path: "vpcs[0].subnets[0].services",
  },
  {
    code: "INVALID_VALUE",
    files: { "a.yaml": BASE + "    endpoints:\n      s3: { type: gatway }\n" },
    line: 23,
    path: "vpcs[0].endpoints.s3.type",
    suggest: "gateway",
  },
  {
    code: "INVALID_VALUE",
    files: { "a.yaml": edit(BASE, "stack: base\n", "stack: base\ntags: { aws:team: x }\n") },
    line: 3,
    path: 'tags["aws:team"]',
  },
  {
    code: "UNSUPPORTED_VERSION",
    files: { "a.yaml": edit(BASE, "version: 1", "version: 2") },
    line: 1,
    path: "version",
  },
  {
    code: "INVALID_ID",
    files: { "a.yaml": edit(BASE, "vpc-0123456789abcdef0", "vpc-123") },
    line: 7,
    path: "vpcs[0].id",
  },
  // semantics
  {
    code: "UNKNOWN_REGION",
    files: { "a.yaml": edit(BASE, "region: eu-central-1", "region: eu-centrl-1") },
    line: 3,
    suggest: "eu-central-1",
  },
  {
    code: "UNKNOWN_REGION",
    files: {
      "a.yaml": edit(
        BASE,
        "stack: base\n",
        "stack: base\nbackend: { s3: { bucket: state, key: k, region: eu-wst-1 } }\n",
      ),
    },
    line: 3,
    path: "backend.s3.region",
    suggest: "eu-west-1",
  },
  {
    code: "INVALID_CIDR",
    files: { "a.yaml": edit(BASE, "cidr: 10.20.1.0/24", "cidr: 10.20.1.5/24") },
    line: 13,
    path: "vpcs[0].subnets[0].cidr",
  },
  { code: "CIDR_NOT_IN_VPC", files: { "a.yaml": edit(BASE, "cidr: 10.20.1.0/24", "cidr: 10.30.1.0/24") }, line: 13 },
  { code: "CIDR_OVERLAP", files: { "a.yaml": edit(BASE, "cidr: 10.20.2.0/24", "cidr: 10.20.1.128/25") }, line: 19 },
  { code: "AZ_NOT_IN_REGION", files: { "a.yaml": edit(BASE, "az: eu-central-1b", "az: us-east-1b") }, line: 18 },
  { code: "AZ_UNKNOWN", files: { "a.yaml": edit(BASE, "az: eu-central-1b", "az: eu-central-1q") }, line: 18 },
  { code: "AZ_MISSING", files: { "a.yaml": edit(BASE, "        az: eu-central-1b\n", "") }, line: 16 },
  {
    code: "AZ_AMBIGUOUS",
    files: { "a.yaml": edit(BASE, "az: eu-central-1b\n", "az: eu-central-1b\n        azId: euc1-az3\n") },
    line: 19,
  },
  { code: "DUPLICATE_NAME", files: { "a.yaml": edit(BASE, "name: app-b", "name: app-a") }, line: 16 },
  {
    code: "DUPLICATE_ID",
    files: { "a.yaml": edit(BASE, "subnet-0bbbbbbbbbbbbbbb2", "subnet-0aaaaaaaaaaaaaaa1") },
    line: 17,
  },
  { code: "DUPLICATE_STACK", files: { "a.yaml": BASE, "b/b.yaml": BASE }, line: 2 },
  {
    code: "UNKNOWN_ENDPOINT_SUBNET",
    files: { "a.yaml": edit(BASE, "    subnets:\n", "    endpointSubnets: [app-c, app-a]\n    subnets:\n") },
    line: 9,
    suggest: "app-a",
  },
  {
    code: "ROUTE_TABLE_REQUIRED",
    files: { "a.yaml": edit(BASE, "        routeTable: rtb-0aaaaaaaaaaaaaaa1\n", "") },
    line: 14,
  },
  {
    code: "ORG_ID_REQUIRED",
    files: { "a.yaml": edit(BASE, "organizationId: o-a1b2c3d4e5\n", "defaults: { policy: org-only }\n") },
    line: 4,
  },
  {
    code: "POLICY_PATH_OUTSIDE",
    files: { "a.yaml": BASE + "    endpoints:\n      ssm: { policy: ../outside.json }\n" },
    line: 23,
  },
  {
    code: "POLICY_FILE_MISSING",
    files: { "a.yaml": BASE + "    endpoints:\n      ssm: { policy: policies/ssm.json }\n" },
    line: 23,
  },
  {
    code: "POLICY_INVALID",
    files: { "a.yaml": BASE + "    endpoints:\n      ssm: { policy: ssm.json }\n", "ssm.json": "{ not json" },
    line: 23,
  },
  {
    code: "POLICY_TOO_LARGE",
    files: {
      "a.yaml": BASE + "    endpoints:\n      ssm: { policy: ssm.json }\n",
      "ssm.json": JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: "*",
            Action: "*",
            Resource: Array.from({ length: 900 }, (_, i) => `arn:aws:s3:::bucket-number-${i}/*`),
          },
        ],
      }),
    },
    line: 23,
  },
  {
    code: "POLICY_NO_PRINCIPAL",
    files: {
      "a.yaml": BASE + "    endpoints:\n      ssm: { policy: ssm.json }\n",
      "ssm.json": JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
      }),
    },
    line: 23,
  },
  { code: "UNSUPPORTED_TYPE", files: { "a.yaml": BASE + "    endpoints:\n      ssm: { type: both }\n" }, line: 23 },
  {
    code: "UNKNOWN_SERVICE",
    files: {
      "a.yaml": edit(BASE, "services: [s3, ssm]\n      - name: app-b", "services: [s3, dynamo]\n      - name: app-b"),
    },
    line: 15,
    path: "vpcs[0].subnets[0].services[1]",
    suggest: "dynamodb",
  },
  {
    code: "UNKNOWN_BUNDLE",
    files: {
      "a.yaml": edit(BASE, "services: [s3, ssm]\n      - name: app-b", "bundles: [ecr-pul]\n      - name: app-b"),
    },
    line: 15,
    suggest: "ecr-pull",
  },
  {
    code: "SERVICE_NAME_MISMATCH",
    files: { "a.yaml": BASE + "    endpoints:\n      s3: { serviceName: com.amazonaws.eu-west-1.s3 }\n" },
    line: 23,
  },
  {
    code: "ADDRESS_COLLISION",
    files: {
      "a.yaml":
        edit(BASE, "services: [s3, ssm]\n      - name: app-b", "services: [ecr.api, ecr_api]\n      - name: app-b") +
        "    endpoints:\n      ecr_api: { serviceName: com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0 }\n",
    },
    line: 23,
  },
  {
    code: "RENAMED_FROM_SELF",
    files: { "a.yaml": edit(BASE, "  - name: main\n", "  - name: main\n    renamedFrom: main\n") },
  },
  {
    code: "RENAMED_FROM_TAKEN",
    files: { "a.yaml": edit(BASE, "      - name: app-b\n", "      - name: app-b\n        renamedFrom: app-a\n") },
  },
  {
    code: "RENAMED_FROM_TWICE",
    files: {
      "a.yaml": edit(
        edit(BASE, "      - name: app-b\n", "      - name: app-b\n        renamedFrom: old\n"),
        "      - name: app-a\n",
        "      - name: app-a\n        renamedFrom: old\n",
      ),
    },
  },
  {
    code: "MOVED_ADDRESS_COLLISION",
    files: {
      "a.yaml":
        edit(BASE, "services: [s3, ssm]\n      - name: app-b", "services: [ecr.api, partner]\n      - name: app-b") +
        "    endpoints:\n      partner:\n" +
        "        serviceName: com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0\n" +
        "        renamedFrom: ecr_api\n",
    },
  },
  {
    code: "SG_RULE_LIMIT",
    files: {
      "a.yaml":
        BASE +
        "    endpoints:\n      ssm: { allowedCidrs: [" +
        Array.from({ length: 301 }, (_, i) => `172.${16 + Math.floor(i / 128)}.${(i % 128) * 2}.0/24`).join(", ") +
        "] }\n",
    },
    line: 23,
  },
  {
    code: "OPEN_CIDR",
    files: { "a.yaml": BASE + "    endpoints:\n      ssm: { allowedCidrs: [0.0.0.0/1, 128.0.0.0/1] }\n" },
    line: 23,
  },
  {
    code: "OPEN_CIDR",
    files: {
      "a.yaml":
        BASE +
        "    endpoints:\n      ssm: { allowedCidrs: [" +
        Array.from({ length: 256 }, (_, i) => `${i}.0.0.0/8`).join(", ") +
        "] }\n",
    },
    line: 23,
  },
  { code: "DUPLICATE_ID", files: { "a.yaml": BASE, "b.yaml": edit(BASE, "stack: base", "stack: other") }, line: 6 },
  {
    code: "UNUSED_ENDPOINT_OVERRIDE",
    files: { "a.yaml": BASE + "    endpoints:\n      s3: { allowedCidrs: [192.168.0.0/16] }\n" },
    line: 23,
  },
  {
    code: "OPEN_CIDR",
    files: { "a.yaml": BASE + "    endpoints:\n      ssm: { allowedCidrs: [0.0.0.0/0] }\n" },
    line: 23,
  },
  // planner warnings
  {
    code: "PRIVATE_DNS_CAPTURE",
    files: { "a.yaml": BASE + extraSubnet("data-a", "eu-central-1a", "10.20.3.0/24", "rtb-0ccccccccccccccc3") },
    line: 15,
  },
  {
    code: "SHARED_ROUTE_TABLE",
    files: { "a.yaml": BASE + extraSubnet("data-a", "eu-central-1a", "10.20.3.0/24", "rtb-0aaaaaaaaaaaaaaa1") },
    line: 10,
  },
  { code: "FULL_ACCESS_POLICY", files: { "a.yaml": BASE }, line: 6 },
  { code: "LOCAL_STATE", files: { "a.yaml": BASE }, line: 1, path: "backend" },
  {
    code: "CROSS_AZ",
    files: { "a.yaml": edit(BASE, "    subnets:\n", "    endpointSubnets: [app-a]\n    subnets:\n") },
  },
  { code: "AZ_NOTATION_MIXED", files: { "a.yaml": edit(BASE, "az: eu-central-1b", "azId: euc1-az3") } },
  { code: "INTERFACE_QUOTA", files: { "a.yaml": manyCustom(51) }, line: 6 },
  { code: "GATEWAY_QUOTA", files: { "a.yaml": manyVpcs(21) }, line: 4 },
  {
    code: "POLICY_NOT_SUPPORTED",
    files: {
      "a.yaml":
        edit(BASE, "services: [s3, ssm]\n      - name: app-b", "services: [apprunner.requests]\n      - name: app-b") +
        "    endpoints:\n      apprunner.requests: { policy: org-only }\n",
    },
    line: 23,
  },
  {
    code: "SERVICE_ALIAS",
    files: {
      "a.yaml": edit(
        BASE,
        "services: [s3, ssm]\n      - name: app-b",
        "services: [s3, ssm, secrets-manager]\n      - name: app-b",
      ),
    },
    line: 15,
    path: "vpcs[0].subnets[0].services[2]",
  },
  // region dumps
  { code: "SERVICE_NOT_IN_DUMP", files: { "a.yaml": BASE }, catalog: { "eu-central-1.json": dump([S3_GW]) }, line: 15 },
  {
    code: "PRIVATE_DNS_UNAVAILABLE",
    files: {
      "a.yaml":
        edit(BASE, "services: [s3, ssm]", "services: [s3, ssm, partner]") +
        "    endpoints:\n" +
        "      partner: { serviceName: com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0, " +
        "privateDns: true }\n",
    },
    catalog: {
      "eu-central-1.json": JSON.stringify({
        ServiceDetails: [
          {
            ServiceName: "com.amazonaws.eu-central-1.s3",
            ServiceType: [{ ServiceType: "Gateway" }],
            AvailabilityZones: ["eu-central-1a", "eu-central-1b"],
          },
          {
            ServiceName: "com.amazonaws.eu-central-1.ssm",
            ServiceType: [{ ServiceType: "Interface" }],
            AvailabilityZones: ["eu-central-1a", "eu-central-1b"],
            PrivateDnsName: "ssm.eu-central-1.amazonaws.com",
          },
          {
            ServiceName: "com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0",
            ServiceType: [{ ServiceType: "Interface" }],
            AvailabilityZones: ["eu-central-1a", "eu-central-1b"],
          },
        ],
      }),
    },
    line: 23,
  },
  {
    code: "NO_ENDPOINT_AZ",
    files: { "a.yaml": BASE },
    catalog: { "eu-central-1.json": dump([S3_GW, { ...SSM, azs: ["eu-central-1c"] }]) },
    line: 15,
  },
  {
    code: "DUMP_JSON_SYNTAX",
    files: { "a.yaml": BASE },
    catalog: { "eu-central-1.json": '{\n  "ServiceDetails": [\n    {,\n' },
    line: 3,
  },
  { code: "DUMP_SHAPE", files: { "a.yaml": BASE }, catalog: { "eu-central-1.json": "[1, 2]" } },
  {
    code: "DUMP_ENTRY",
    files: { "a.yaml": BASE },
    catalog: {
      "eu-central-1.json": JSON.stringify({ ServiceDetails: [{ ServiceType: [{ ServiceType: "Interface" }] }] }),
    },
  },
  {
    code: "DUMP_ENTRY_IGNORED",
    files: { "a.yaml": BASE },
    catalog: {
      "eu-central-1.json": dump([S3_GW, SSM], {
        ServiceNames: [S3_GW.name, SSM.name, "com.amazonaws.eu-central-1.kms"],
      }),
    },
  },
  {
    code: "DUMP_WRONG_REGION",
    files: { "a.yaml": BASE },
    catalog: {
      "eu-central-1.json": dump([
        { name: "com.amazonaws.eu-west-1.s3", type: "Gateway" },
        { name: "com.amazonaws.eu-west-1.ssm", type: "Interface" },
      ]),
    },
  },
  {
    code: "DUMP_UNKNOWN_REGION",
    files: { "a.yaml": BASE },
    catalog: { "eu-central-1.json": dump([S3_GW, SSM]), "mars-east-1.json": dump([]) },
  },
  {
    code: "DUMP_TRUNCATED",
    files: { "a.yaml": BASE },
    catalog: { "eu-central-1.json": dump([S3_GW, SSM], { NextToken: "abc" }) },
  },
  { code: "DUMP_DUPLICATE", files: { "a.yaml": BASE }, catalog: { "eu-central-1.json": dump([S3_GW, SSM, SSM]) } },
  {
    code: "UNUSED_ENDPOINT_OVERRIDE",
    files: { "a.yaml": BASE + "    endpoints:\n      kms: { privateDns: false }\n" },
    line: 23,
  },
  ...(
    [
      ["FIXED_IP_UNKNOWN_SUBNET", "ssm", "{ app-c: 10.20.1.10 }", "app-c"],
      ["FIXED_IP_OUTSIDE_SUBNET", "ssm", "{ app-a: 10.20.2.10 }", "app-a"],
      ["FIXED_IP_RESERVED", "ssm", "{ app-a: 10.20.1.255 }", "app-a"],
      ["FIXED_IP_NO_ENI", "s3", "{ app-a: 10.20.1.10 }", undefined],
    ] as const
  ).map(([code, svc, fixed, subnet]) => ({
    code,
    files: { "a.yaml": BASE + `    endpoints:\n      ${svc}:\n        fixedIps: ${fixed}\n` },
    line: subnet ? 24 : 23,
    path: `vpcs[0].endpoints.${svc}${subnet ? `.fixedIps["${subnet}"]` : ""}`,
  })),
  {
    code: "FIXED_IP_TAKEN",
    files: {
      "a.yaml":
        BASE.replace("services: [s3, ssm]", "services: [s3, ssm, kms]") +
        "    endpoints:\n      kms: { fixedIps: { app-a: 10.20.1.10 } }\n" +
        "      ssm: { fixedIps: { app-a: 10.20.1.10 } }\n",
    },
    line: 24,
  },
  {
    code: "INVALID_IPV6_CIDR",
    files: { "a.yaml": BASE.replace("cidr: 10.20.1.0/24", "cidr: 10.20.1.0/24\n        ipv6Cidr: 10.20.1.0/24") },
    path: "vpcs[0].subnets[0].ipv6Cidr",
  },
  ...(
    [
      ["DNS_RECORD_IP_TYPE", "ssm: { dnsRecordIpType: ipv6 }", "vpcs[0].endpoints.ssm.dnsRecordIpType"],
      ["IPV6_SUBNET_MISSING", "ssm: { ipAddressType: dualstack }", "vpcs[0].endpoints.ssm"],
      ["IPV6_ONLY_SUBNETS", "ssm: { ipAddressType: ipv6 }", "vpcs[0].endpoints.ssm"],
      ["IP_ADDRESS_TYPE_UNSUPPORTED", "s3: { ipAddressType: ipv6 }", "vpcs[0].endpoints.s3"],
    ] as const
  ).map(([code, entry, at]) => ({
    code,
    files: { "a.yaml": BASE + `    endpoints:\n      ${entry}\n` },
    path: at,
  })),
  {
    code: "SG_NAME_TOO_LONG",
    files: {
      "a.yaml":
        BASE.replace("services: [s3, ssm]", `services: [s3, ssm, p${"x".repeat(230)}]`) +
        `    endpoints:\n      p${"x".repeat(230)}: ` +
        "{ serviceName: com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0 }\n",
    },
    line: 23,
  },
  ...(
    [
      ["CROSS_REGION_INCOMPLETE", "{ service: s3 }", 'vpcs[0].endpoints["s3-far"]'],
      ["CROSS_REGION_NOT_OFFERED", "{ service: ssm, serviceRegion: us-west-2 }", 'vpcs[0].endpoints["s3-far"].service'],
      [
        "CROSS_REGION_REGION",
        "{ service: s3, serviceRegion: cn-north-1 }",
        'vpcs[0].endpoints["s3-far"].serviceRegion',
      ],
      [
        "CROSS_REGION_TYPE",
        "{ service: s3, serviceRegion: us-west-2, type: gateway }",
        'vpcs[0].endpoints["s3-far"].type',
      ],
    ] as const
  ).map(([code, entry, at]) => ({
    code,
    files: {
      "a.yaml":
        BASE.replace("services: [s3, ssm]", "services: [s3, ssm, s3-far]") + `    endpoints:\n      s3-far: ${entry}\n`,
    },
    path: at,
  })),
  ...(
    [
      ["LATTICE_INCOMPLETE", "{ type: resource }", 'vpcs[0].endpoints["orders-db"]'],
      [
        "LATTICE_ARN",
        "{ type: service-network, " +
          "serviceNetworkArn: 'arn:aws:vpc-lattice:us-east-1:111122223333:servicenetwork/sn-0123456789abcdef0' }",
        'vpcs[0].endpoints["orders-db"].serviceNetworkArn',
      ],
      [
        "LATTICE_OPTION",
        "{ type: resource, resourceConfigurationArn: " +
          "'arn:aws:vpc-lattice:eu-central-1:111122223333:resourceconfiguration/rcfg-0123456789abcdef0', " +
          "policy: org-only }",
        'vpcs[0].endpoints["orders-db"].policy',
      ],
      [
        "LATTICE_PORTS",
        "{ serviceName: com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0, ports: [8443] }",
        'vpcs[0].endpoints["orders-db"].ports',
      ],
    ] as const
  ).map(([code, entry, at]) => ({
    code,
    files: {
      "a.yaml":
        BASE.replace("services: [s3, ssm]", "services: [s3, ssm, orders-db]") +
        `    endpoints:\n      orders-db: ${entry}\n`,
    },
    path: at,
  })),
  {
    code: "LATTICE_QUOTA",
    files: {
      "a.yaml":
        BASE.replace(
          "services: [s3, ssm]",
          `services: [s3, ssm, ${Array.from({ length: 51 }, (_, i) => `n${i}`).join(", ")}]`,
        ) +
        "    endpoints:\n" +
        Array.from(
          { length: 51 },
          (_, i) =>
            `      n${i}: { type: service-network, serviceNetworkArn: ` +
            `'arn:aws:vpc-lattice:eu-central-1:111122223333:servicenetwork/sn-${String(i).padStart(17, "0")}' }\n`,
        ).join(""),
    },
    path: "vpcs[0]",
  },
];

function codesOf(ds: readonly Diagnostic[]): DiagnosticCode[] {
  return ds.map((d) => d.code);
}

const ALL_CASES: Case[] = [...CASES, ...(INVENTORY_CASES as Case[])];

describe("every diagnostic code has a failing fixture", () => {
  test.each(ALL_CASES.map((c) => [c.code, c] as const))("%s", (code, c) => {
    // GIVEN a folder with the fixture  WHEN the pipeline runs
    const r = pipelineOf(c.files, c.catalog, c.inventories);
    // THEN the code is reported with a file, and a position where expected
    const hits = r.diagnostics.filter((d) => d.code === code);
    expect(codesOf(r.diagnostics)).toContain(code);
    const d = hits[0];
    expect(d.file).toBeTruthy();
    expect(d.message.length).toBeGreaterThan(10);
    if (c.line !== undefined) expect(hits.map((h) => h.pos?.line)).toContain(c.line);
    if (c.path !== undefined) expect(hits.map((h) => h.path)).toContain(c.path);
    if (c.suggest !== undefined) expect(hits.flatMap((h) => h.suggestions ?? [])).toContain(c.suggest);
    // each finding is reported once
    const keys = r.diagnostics.map((x) => `${x.file}:${x.pos?.line}:${x.pos?.col} ${x.code} ${x.path} ${x.message}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    // errors stop the plan; warnings alone do not
    if (severityOf(code) === "error") expect(r.plan).toBeUndefined();
    else expect(r.plan).toBeDefined();
    fs.rmSync(r.dir, { recursive: true, force: true });
  });

  test("SPECS_DIR_MISSING: the folder does not exist", () => {
    const r = runPipeline(path.join(tmpDir(), "nope"));
    expect(codesOf(r.diagnostics)).toEqual(["SPECS_DIR_MISSING"]);
    expect(r.plan).toBeUndefined();
  });

  test("FILE_UNREADABLE: a dangling link named like a spec", () => {
    const dir = writeTree({ "ok.yaml": BASE });
    fs.symlinkSync(path.join(dir, "missing-target"), path.join(dir, "broken.yaml"));
    const r = runPipeline(dir);
    expect(r.diagnostics.find((d) => d.code === "FILE_UNREADABLE")?.file).toMatch(/broken\.yaml$/);
    expect(r.plan).toBeUndefined();
  });

  test("DUMP_DIR_MISSING / DUMP_UNREADABLE: VPCE_CATALOG names a missing folder, or a file", () => {
    const dir = writeTree({ "a.yaml": BASE, "not-a-folder": "x" });
    expect(codesOf(runPipeline(dir, { env: { VPCE_CATALOG: path.join(dir, "nope") } }).diagnostics)).toContain(
      "DUMP_DIR_MISSING",
    );
    expect(codesOf(runPipeline(dir, { env: { VPCE_CATALOG: path.join(dir, "not-a-folder") } }).diagnostics)).toContain(
      "DUMP_UNREADABLE",
    );
  });

  test("INVENTORY_DIR_MISSING / INVENTORY_UNREADABLE: VPCE_INVENTORY names a missing folder, or a file", () => {
    const dir = writeTree({ "a.yaml": BASE });
    const missing = runPipeline(dir, { env: { VPCE_INVENTORY: path.join(dir, "nope") } });
    expect(codesOf(missing.diagnostics)).toContain("INVENTORY_DIR_MISSING");
    const file = runPipeline(dir, { env: { VPCE_INVENTORY: path.join(dir, "a.yaml") } });
    expect(codesOf(file.diagnostics)).toContain("INVENTORY_UNREADABLE");
    expect(file.plan).toBeUndefined();
  });

  test("no code is left without a case", () => {
    const covered = new Set<string>([
      ...ALL_CASES.map((c) => c.code),
      "SPECS_DIR_MISSING",
      "FILE_UNREADABLE",
      "DUMP_DIR_MISSING",
      "DUMP_UNREADABLE",
      // --specs naming one file: __tests__/rules/across-files/hub-references.test.ts
      "HUB_SPOKES_UNREAD",
      "INVENTORY_DIR_MISSING",
      "INVENTORY_UNREADABLE",
    ]);
    const missing = [...CODES.keys()].filter((c) => !covered.has(c));
    expect(missing).toEqual([]);
  });
});

describe("all problems at once", () => {
  test("three independent errors in one file are all reported, sorted by line", () => {
    let text = edit(BASE, "region: eu-central-1", "region: eu-centrl-1");
    text = edit(text, "cidr: 10.20.1.0/24", "cidr: 10.20.1.5/24");
    text = edit(text, "name: app-b", "name: app-a");
    const r = pipelineOf({ "a.yaml": text });
    expect(codesOf(r.diagnostics).filter((c) => severityOf(c) === "error")).toEqual([
      "UNKNOWN_REGION",
      "INVALID_CIDR",
      "DUPLICATE_NAME",
    ]);
  });

  test("errors in two files are both reported", () => {
    const r = pipelineOf({
      "a.yaml": edit(BASE, "stack: base", "stack: a\nbogus: 1"),
      "b.yaml": edit(BASE, "stack: base", "stack: b\nregion2: x"),
    });
    expect(r.diagnostics.filter((d) => d.code === "UNKNOWN_FIELD").map((d) => d.file.replace(/.*\//, ""))).toEqual([
      "a.yaml",
      "b.yaml",
    ]);
  });
});
