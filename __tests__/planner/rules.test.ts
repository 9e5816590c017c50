/** Planner decisions, table-driven over small specs. */
import * as fs from "node:fs";
import * as path from "node:path";
import type { EndpointPlan } from "../../src/planner/plan";
import { BASE, edit, pipelineOf } from "../helpers";

function endpoints(yaml: string, catalog?: Record<string, string>): EndpointPlan[] {
  const r = pipelineOf({ "a.yaml": yaml }, catalog);
  if (!r.plan) throw new Error(r.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
  return r.plan.stacks.flatMap((s) => s.vpcs.flatMap((v) => v.endpoints));
}

const subnet = (name: string, az: string, cidr: string, services: string, id: string) =>
  `      - { name: ${name}, id: subnet-0${id.padStart(16, "0")}, ${az}, cidr: ${cidr}, ` +
  `routeTable: rtb-0aaaaaaaaaaaaaaa1, services: ${services} }\n`;

describe("placement: one subnet per AZ, deterministic tie-break", () => {
  test.each([
    [
      "largest block wins within an AZ",
      subnet("z-big", "az: eu-central-1a", "10.20.64.0/18", "[ssm]", "1") +
        subnet("a-small", "az: eu-central-1a", "10.20.3.0/24", "[ssm]", "2"),
      { "eu-central-1a": "z-big", "eu-central-1b": "app-b" },
    ],
    [
      "equal blocks: the first name wins",
      subnet("c-two", "az: eu-central-1a", "10.20.4.0/24", "[ssm]", "3") +
        subnet("aa-one", "az: eu-central-1a", "10.20.5.0/24", "[ssm]", "4"),
      { "eu-central-1a": "aa-one", "eu-central-1b": "app-b" },
    ],
  ])("%s", (_name, extra, expected) => {
    const ssm = endpoints(BASE + extra).find((e) => e.service === "ssm")!;
    expect(Object.fromEntries(ssm.subnets.map((s) => [s.az, s.subnet]))).toEqual(expected);
    expect(ssm.securityGroups[0].ingress.length).toBe(ssm.requesters.length);
  });

  test("endpointSubnets hold the ENIs, only in the requesters' zones", () => {
    const yaml =
      edit(BASE, "    subnets:\n", "    endpointSubnets: [ep-a, ep-b, ep-c]\n    subnets:\n") +
      subnet("ep-a", "az: eu-central-1a", "10.20.100.0/28", "[]", "5") +
      subnet("ep-b", "az: eu-central-1b", "10.20.100.16/28", "[]", "6") +
      subnet("ep-c", "az: eu-central-1c", "10.20.100.32/28", "[]", "7");
    const ssm = endpoints(yaml).find((e) => e.service === "ssm")!;
    expect(ssm.subnets.map((s) => s.subnet)).toEqual(["ep-a", "ep-b"]);
    expect(ssm.securityGroups[0].ingress.map((r) => r.cidr)).toEqual(["10.20.1.0/24", "10.20.2.0/24"]);
    expect(ssm.dnsCaptured).toEqual([]);
  });

  test("az and azId mixed: ENIs only in one notation, never two in one zone", () => {
    const ssm = endpoints(
      edit(BASE, "az: eu-central-1b", "azId: euc1-az3") + subnet("c", "azId: euc1-az1", "10.20.9.0/24", "[ssm]", "8"),
    ).find((e) => e.service === "ssm")!;
    expect(ssm.subnets.map((s) => s.az)).toEqual(["euc1-az1", "euc1-az3"]);
  });
});

describe("names per partition and type", () => {
  test.each([
    [
      "cn-north-1",
      "cnn1-az1",
      "s3",
      "both",
      { Gateway: "com.amazonaws.cn-north-1.s3", Interface: "cn.com.amazonaws.cn-north-1.s3" },
    ],
    ["cn-northwest-1", "cnnw1-az1", "kms", undefined, { Interface: "com.amazonaws.cn-northwest-1.kms" }],
    ["us-gov-west-1", "usgw1-az1", "ecr.dkr", undefined, { Interface: "com.amazonaws.us-gov-west-1.ecr.dkr" }],
    ["eu-central-1", "euc1-az1", "notebook", undefined, { Interface: "aws.sagemaker.eu-central-1.notebook" }],
  ])("%s %s", (region, azId, svc, type, names) => {
    let yaml = BASE.replace(/eu-central-1[ab]/g, "X")
      .replace("region: eu-central-1", `region: ${region}`)
      .replace(/az: X/g, `azId: ${azId}`);
    yaml = yaml
      .replace("services: [s3, ssm]", `services: [${svc}]`)
      .replace("services: [s3, ssm]", `services: [${svc}]`);
    if (type) yaml += `    endpoints:\n      ${svc}: { type: ${type} }\n`;
    const byType = Object.fromEntries(endpoints(yaml).map((e) => [e.type, e.serviceName]));
    expect(byType).toEqual(names);
  });
});

describe("region dumps are the authority", () => {
  const ssmOnlyIn = (azs: string[]) => ({
    "eu-central-1.json": JSON.stringify({
      ServiceDetails: [
        {
          ServiceName: "com.amazonaws.eu-central-1.s3",
          ServiceType: [{ ServiceType: "Gateway" }],
          AvailabilityZones: ["eu-central-1a", "eu-central-1b"],
          VpcEndpointPolicySupported: true,
        },
        {
          ServiceName: "com.amazonaws.eu-central-1.ssm",
          ServiceType: [{ ServiceType: "Interface" }],
          AvailabilityZones: azs,
          VpcEndpointPolicySupported: false,
          PrivateDnsNames: [{ PrivateDnsName: "ssm.eu-central-1.amazonaws.com" }],
        },
      ],
    }),
  });

  test("ENIs only where the dump offers the service; the others are served cross-AZ with a warning", () => {
    const r = pipelineOf(
      {
        "a.yaml": edit(
          BASE,
          "organizationId: o-a1b2c3d4e5\n",
          "organizationId: o-a1b2c3d4e5\ndefaults: { policy: org-only }\n",
        ),
      },
      ssmOnlyIn(["eu-central-1b"]),
    );
    const ssm = r.plan!.stacks[0].vpcs[0].endpoints.find((e) => e.service === "ssm")!;
    expect(ssm.subnets.map((s) => s.az)).toEqual(["eu-central-1b"]);
    expect(r.diagnostics.find((d) => d.code === "CROSS_AZ")?.message).toMatch(/app-a \(eu-central-1a\)/);
    // the dump says ssm takes no policy: none is attached, and the user is told
    expect(ssm.policy.kind).toBe("unsupported");
    expect(r.diagnostics.map((d) => d.code)).toContain("POLICY_NOT_SUPPORTED");
  });

  test("a service newer than the catalog is valid where the dump lists it; the dump's types decide", () => {
    const dump = JSON.stringify({
      ServiceDetails: [
        {
          ServiceName: "com.amazonaws.eu-central-1.s3",
          ServiceType: [{ ServiceType: "Interface" }],
          AvailabilityZones: ["eu-central-1a", "eu-central-1b"],
          PrivateDnsNames: [{ PrivateDnsName: "*.s3.eu-central-1.amazonaws.com" }],
        },
        {
          ServiceName: "com.amazonaws.eu-central-1.ssm",
          ServiceType: [{ ServiceType: "Interface" }],
          AvailabilityZones: ["eu-central-1a", "eu-central-1b"],
          PrivateDnsNames: [{ PrivateDnsName: "ssm.eu-central-1.amazonaws.com" }],
        },
        {
          ServiceName: "com.amazonaws.eu-central-1.brandnew",
          ServiceType: [{ ServiceType: "Interface" }],
          AvailabilityZones: ["eu-central-1b"],
          VpcEndpointPolicySupported: false,
        },
      ],
    });
    const yaml = BASE.replace(/services: \[s3, ssm\]/g, "services: [s3, ssm, brandnew]");
    const eps = endpoints(yaml, { "eu-central-1.json": dump });
    expect(eps.map((e) => `${e.service}:${e.type}:${e.serviceName}`)).toEqual([
      "brandnew:Interface:com.amazonaws.eu-central-1.brandnew",
      "s3:Interface:com.amazonaws.eu-central-1.s3",
      "ssm:Interface:com.amazonaws.eu-central-1.ssm",
    ]);
    const brandnew = eps[0];
    expect(brandnew.subnets.map((s) => s.az)).toEqual(["eu-central-1b"]);
    expect(brandnew.privateDns).toBe(false);
    // without the dump it is unknown
    expect(pipelineOf({ "a.yaml": yaml }).diagnostics.map((d) => d.code)).toContain("UNKNOWN_SERVICE");
  });

  test("old dump shape (zone names only): names are compared, ids cannot be and are kept with a reason", () => {
    const old = JSON.stringify({
      ServiceNames: ["com.amazonaws.eu-central-1.s3", "com.amazonaws.eu-central-1.ssm"],
      ServiceDetails: [
        {
          ServiceName: "com.amazonaws.eu-central-1.s3",
          ServiceType: [{ ServiceType: "Gateway" }],
          AvailabilityZones: ["eu-central-1a", "eu-central-1b"],
        },
        {
          ServiceName: "com.amazonaws.eu-central-1.ssm",
          ServiceType: [{ ServiceType: "Interface" }],
          AvailabilityZones: ["eu-central-1a"],
          PrivateDnsName: "ssm.eu-central-1.amazonaws.com",
        },
      ],
    });
    const byName = endpoints(BASE, { "eu-central-1.json": old }).find((e) => e.service === "ssm")!;
    expect(byName.subnets.map((s) => s.az)).toEqual(["eu-central-1a"]);
    const byId = endpoints(
      BASE.replace("az: eu-central-1a", "azId: euc1-az2").replace("az: eu-central-1b", "azId: euc1-az3"),
      { "eu-central-1.json": old },
    ).find((e) => e.service === "ssm")!;
    expect(byId.subnets.map((s) => s.az)).toEqual(["euc1-az2", "euc1-az3"]);
    expect(byId.reasons.join("\n")).toMatch(
      /lists zone names only, so app-a, app-b \(given by azId\) cannot be checked/,
    );
  });

  test("the shared real dump (us-east-1): apprunner.requests and S3 both", () => {
    const real = fs.readFileSync(
      path.join(__dirname, "..", "region-dumps", "fixtures", "describe-vpc-endpoint-services", "us-east-1.json"),
      "utf8",
    );
    const yaml =
      BASE.replace(/eu-central-1/g, "us-east-1")
        .replace("services: [s3, ssm]", "services: [s3, apprunner.requests]")
        .replace("services: [s3, ssm]", "services: [s3]") + "    endpoints:\n      s3: { type: both }\n";
    const eps = endpoints(yaml, { "us-east-1.json": real });
    expect(eps.map((e) => `${e.service}:${e.type}:${e.serviceName}`).sort()).toEqual([
      "apprunner.requests:Interface:com.amazonaws.us-east-1.apprunner.requests",
      "s3:Gateway:com.amazonaws.us-east-1.s3",
      "s3:Interface:com.amazonaws.us-east-1.s3",
    ]);
    expect(eps.find((e) => e.service === "apprunner.requests")!.policy.kind).toBe("unsupported");
    expect(
      eps.find((e) => e.service === "s3" && e.type === "Interface")!.privateDnsOnlyForInboundResolverEndpoint,
    ).toBe(true);
  });
});

describe("aliases resolve to catalog ids", () => {
  test.each([
    ["secrets-manager", "secretsmanager"],
    ["ecr-api", "ecr.api"],
    ["cloudwatch-logs", "logs"],
  ])("%s -> %s", (alias, id) => {
    const r = pipelineOf({ "a.yaml": BASE.replace("services: [s3, ssm]", `services: [s3, ${alias}]`) });
    expect(r.plan!.stacks[0].vpcs[0].endpoints.map((e) => e.service)).toContain(id);
    expect(r.diagnostics.find((d) => d.code === "SERVICE_ALIAS")?.severity).toBe("info");
  });
});

describe("private DNS", () => {
  test("DynamoDB interface endpoints default to private DNS off (no apply failure); explicit true wins", () => {
    const base = BASE.replace("services: [s3, ssm]", "services: [dynamodb]");
    const off = endpoints(base + "    endpoints:\n      dynamodb: { type: interface }\n")[0];
    expect(off).toMatchObject({ type: "Interface", privateDns: false, dnsCaptured: [] });
    expect(off.reasons.join("\n")).toMatch(/private DNS off: dynamodb offers none/);
    const on = endpoints(base + "    endpoints:\n      dynamodb: { type: interface, privateDns: true }\n")[0];
    expect(on.privateDns).toBe(true);
    expect(on.privateDnsOnlyForInboundResolverEndpoint).toBeUndefined();
  });
});

describe("full-access warnings point where full access was decided", () => {
  test("an endpoint's own policy: full-access, under org-only defaults", () => {
    const yaml =
      BASE.replace("organizationId: o-a1b2c3d4e5\n", "organizationId: o-a1b2c3d4e5\ndefaults: { policy: org-only }\n") +
      "    endpoints:\n      ssm: { policy: full-access }\n";
    const r = pipelineOf({ "a.yaml": yaml });
    const w = r.diagnostics.filter((d) => d.code === "FULL_ACCESS_POLICY");
    expect(w.map((d) => [d.path, d.pos?.line])).toEqual([["vpcs[0].endpoints.ssm.policy", 24]]);
    expect(w[0].message).toMatch(/ssm has a full-access/);
  });
});
