// Generated spec folders for the benchmark: valid specs, no warnings, sizes in VPCs.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { stringify } = require("yaml");

/** 20 services (2 gateway, 18 interface), all served in eu-central-1. */
const SERVICES = [
  "s3",
  "dynamodb",
  "ssm",
  "ssmmessages",
  "ec2messages",
  "logs",
  "monitoring",
  "kms",
  "sts",
  "sqs",
  "sns",
  "secretsmanager",
  "ecr.api",
  "ecr.dkr",
  "lambda",
  "ec2",
  "elasticloadbalancing",
  "autoscaling",
  "events",
  "states",
];

/** A generated spec file's start: every stack is in eu-central-1, in one organisation, with org-only policies. */
function specOf(stack) {
  return {
    version: 1,
    stack,
    region: "eu-central-1",
    organizationId: "o-a1b2c3d4e5",
    defaults: { policy: "org-only" },
  };
}

/**
 * `count` client subnets of a VPC (`hex`: its number in hex) across the 3 AZs, each asking for `services`, the n-th
 * with the CIDR `cidrOf(n)`; one route table.
 */
function clientSubnets({ hex, count, cidrOf, services }) {
  return Array.from({ length: count }, (_, s) => ({
    name: `s${s}`,
    id: `subnet-0aaaaaa${hex}${s.toString(16).padStart(4, "0")}`,
    azId: `euc1-az${(s % 3) + 1}`,
    cidr: cidrOf(s),
    routeTable: `rtb-0aaaaaaaaaa${hex}`,
    services: [...services], // a copy: a shared array would be written as a YAML alias
  }));
}

/**
 * Writes `vpcs` VPCs (12 subnets each across 3 AZs, `services` services per subnet) into `dir`,
 * at most `vpcsPerFile` VPCs per spec file (one stack per file), or spread over exactly `files` files.
 */
function writeSpecs({ dir, vpcs, services = SERVICES.length, subnets = 12, vpcsPerFile = 10, files }) {
  fs.mkdirSync(dir, { recursive: true });
  const wanted = SERVICES.slice(0, services);
  // `files` spreads the VPCs over exactly that many files (1,000 VPCs in 300 files: 3 or 4 each)
  const count = files ?? Math.ceil(vpcs / vpcsPerFile);
  const first = (f) => (files ? Math.floor((f * vpcs) / files) : f * vpcsPerFile);
  for (let f = 0; f < count; f++) {
    const spec = { ...specOf(`bench-${f}`), vpcs: [] };
    for (let v = first(f); v < Math.min(vpcs, first(f + 1)); v++) {
      const hex = v.toString(16).padStart(6, "0");
      // 10.x.y.0/16 blocks: distinct per VPC up to 65,536 VPCs (overlap across VPCs is allowed anyway).
      const cidr = `${10 + (v >> 16)}.${(v >> 8) & 255}.${v & 255}`;
      spec.vpcs.push({
        name: `vpc${v}`,
        id: `vpc-0aaaaaaaaaa${hex}`,
        cidr: `${cidr.split(".").slice(0, 2).join(".")}.0.0/16`,
        subnets: clientSubnets({
          hex,
          count: subnets,
          cidrOf: (s) => `${cidr.split(".").slice(0, 2).join(".")}.${s}.0/24`,
          services: wanted,
        }),
      });
    }
    fs.writeFileSync(path.join(dir, `bench-${f}.yaml`), stringify(spec));
  }
  return dir;
}

/**
 * A hub-and-spoke organisation in `dir`: `hubs` hub stacks (one VPC each, serving the 18 interface services from
 * 3 subnets) and `spokesPerHub` spoke stacks per hub (one VPC each, 12 subnets across 3 AZs, every subnet asking
 * for all 20 services: the interface ones through its hub, s3 and dynamodb by gateways of its own). Each spoke's
 * subnets are 12 adjacent /24s of its own /20, which merge into 2 blocks in its hub's security groups: 150 spokes
 * per hub is the most those groups take (5 groups of 60 rules).
 */
function writeHubSpecs({ dir, hubs, spokesPerHub }) {
  fs.mkdirSync(dir, { recursive: true });
  for (let h = 0; h < hubs; h++) {
    const hex = h.toString(16).padStart(6, "0");
    const hub = {
      ...specOf(`hub-${h}`),
      vpcs: [
        {
          name: "endpoints",
          id: `vpc-0bbbbbbbbbb${hex}`,
          cidr: `172.${16 + (h >> 6)}.${(h & 63) * 4}.0/22`,
          hub: { services: SERVICES.filter((s) => s !== "s3" && s !== "dynamodb") },
          subnets: [0, 1, 2].map((i) => ({
            name: `ep-${i}`,
            id: `subnet-0bbbbbb${hex}${i.toString(16).padStart(4, "0")}`,
            azId: `euc1-az${i + 1}`,
            cidr: `172.${16 + (h >> 6)}.${(h & 63) * 4 + i}.0/24`,
          })),
        },
      ],
    };
    fs.writeFileSync(path.join(dir, `hub-${h}.yaml`), stringify(hub));
    for (let k = 0; k < spokesPerHub; k++) {
      const v = h * spokesPerHub + k;
      const vhex = v.toString(16).padStart(6, "0");
      // a /20 per spoke: 10.0.0.0/20, 10.0.16.0/20, ... (4,096 spokes in 10.0.0.0/8)
      const net = `10.${v >> 4}.${(v & 15) * 16}`;
      const spoke = {
        ...specOf(`spoke-${v}`),
        vpcs: [
          {
            name: `vpc${v}`,
            id: `vpc-0aaaaaaaaaa${vhex}`,
            cidr: `${net}.0/20`,
            useHub: `hub-${h}/endpoints`,
            subnets: clientSubnets({
              hex: vhex,
              count: 12,
              cidrOf: (s) => `10.${v >> 4}.${(v & 15) * 16 + s}.0/24`,
              services: SERVICES,
            }),
          },
        ],
      };
      fs.writeFileSync(path.join(dir, `spoke-${v}.yaml`), stringify(spoke));
    }
  }
  return dir;
}

/**
 * An endpoint inventory (`<dir>/eu-central-1.json`, describe-vpc-endpoints' shape) holding every endpoint of a plan
 * (`vpce plan --format json`) as if it existed already, with AWS's default policy and no tags: a brownfield
 * organisation, whose plan adopts each one. Returns how many endpoints it lists.
 */
function writeInventory({ plan, dir }) {
  const endpoints = [];
  for (const stack of plan.stacks)
    for (const vpc of stack.vpcs)
      for (const e of vpc.endpoints)
        endpoints.push({
          VpcEndpointId: `vpce-0${endpoints.length.toString(16).padStart(16, "0")}`,
          VpcEndpointType: e.type,
          VpcId: vpc.id,
          ServiceName: e.serviceName,
          State: "available",
          PolicyDocument: '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}',
          RouteTableIds: e.routeTableIds ?? [],
          SubnetIds: (e.subnets ?? []).map((s) => s.subnetId),
          Groups: [],
          IpAddressType: "ipv4",
          PrivateDnsEnabled: e.type === "Interface",
          RequesterManaged: false,
          NetworkInterfaceIds: [],
          DnsEntries: [],
          CreationTimestamp: "2024-03-05T09:12:44.000Z",
          Tags: [],
          OwnerId: "111122223333",
        });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "eu-central-1.json"), JSON.stringify({ VpcEndpoints: endpoints }, null, 2));
  return endpoints.length;
}

/**
 * A region dump (`<dir>/<region>.json`, describe-vpc-endpoint-services' shape) listing every service the catalog
 * names in the region, offered in its first three AZs: what a team records with `aws ec2
 * describe-vpc-endpoint-services`. Needs `npm run build` (the catalog is read from dist/). Returns how many entries.
 */
function writeRegionDump({ dir, region = "eu-central-1", azIds = ["euc1-az1", "euc1-az2", "euc1-az3"] }) {
  const catalog = require(path.join(__dirname, "..", "..", "dist", "src", "catalog"));
  const details = [];
  for (const svc of catalog.allServices())
    for (const [type, name] of Object.entries(catalog.serviceNames(svc, region)))
      details.push({
        ServiceName: name,
        ServiceId: `vpce-svc-0${details.length.toString(16).padStart(16, "0")}`,
        ServiceType: [{ ServiceType: type }],
        ServiceRegion: region,
        AvailabilityZoneIds: azIds,
        AvailabilityZones: azIds.map((_, i) => `${region}${"abc"[i]}`),
        Owner: "amazon",
        BaseEndpointDnsNames: [`${name.split(".").slice(3).join(".")}.${region}.vpce.amazonaws.com`],
        VpcEndpointPolicySupported: svc.policy,
        AcceptanceRequired: false,
        ManagesVpcEndpoints: false,
        Tags: [],
        SupportedIpAddressTypes: ["ipv4"],
      });
  fs.mkdirSync(dir, { recursive: true });
  const dump = { ServiceNames: details.map((d) => d.ServiceName), ServiceDetails: details };
  fs.writeFileSync(path.join(dir, `${region}.json`), JSON.stringify(dump, null, 4));
  return details.length;
}

module.exports = { SERVICES, writeSpecs, writeHubSpecs, writeInventory, writeRegionDump };
