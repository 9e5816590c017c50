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
    const spec = {
      version: 1,
      stack: `bench-${f}`,
      region: "eu-central-1",
      organizationId: "o-a1b2c3d4e5",
      defaults: { policy: "org-only" },
      vpcs: [],
    };
    for (let v = first(f); v < Math.min(vpcs, first(f + 1)); v++) {
      const hex = v.toString(16).padStart(6, "0");
      // 10.x.y.0/16 blocks: distinct per VPC up to 65,536 VPCs (overlap across VPCs is allowed anyway).
      const cidr = `${10 + (v >> 16)}.${(v >> 8) & 255}.${v & 255}`;
      spec.vpcs.push({
        name: `vpc${v}`,
        id: `vpc-0aaaaaaaaaa${hex}`,
        cidr: `${cidr.split(".").slice(0, 2).join(".")}.0.0/16`,
        subnets: Array.from({ length: subnets }, (_, s) => ({
          name: `s${s}`,
          id: `subnet-0aaaaaa${hex}${s.toString(16).padStart(4, "0")}`,
          azId: `euc1-az${(s % 3) + 1}`,
          cidr: `${cidr.split(".").slice(0, 2).join(".")}.${s}.0/24`,
          routeTable: `rtb-0aaaaaaaaaa${hex}`,
          services: [...wanted], // a copy: a shared array would be written as a YAML alias
        })),
      });
    }
    fs.writeFileSync(path.join(dir, `bench-${f}.yaml`), stringify(spec));
  }
  return dir;
}

module.exports = { SERVICES, writeSpecs };
