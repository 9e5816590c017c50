/**
 * Hub and spoke specs for the tests, as plain data (edited by code, written as YAML by the caller): a hub
 * stack `network-hub` (account 111111111111, S3 backend) whose VPC `endpoints` (10.255.0.0/22, two subnets
 * that ask for nothing) offers ssm, kms, logs, ecr.dkr and sts; spokes of any stack name in 10.<n>.0.0/16.
 */
import { stringify } from "yaml";
import type { SpecDoc } from "./rules/support";

export const HUB_ACCOUNT = "111111111111";

export function hubSpec(edit: (s: SpecDoc) => void = () => undefined): SpecDoc {
  const s: SpecDoc = {
    version: 1,
    stack: "network-hub",
    region: "eu-central-1",
    account: HUB_ACCOUNT,
    backend: { s3: { bucket: "acme-tf-state", key: "vpce/network-hub.tfstate", region: "eu-central-1" } },
    vpcs: [
      {
        name: "endpoints",
        id: "vpc-0a0a0a0a0a0a0a0a0",
        cidr: "10.255.0.0/22",
        hub: { services: ["ssm", "kms", "logs", "ecr.dkr", "sts"] },
        subnets: [
          { name: "ep-a", id: "subnet-0a0a0a0a0a0a0a0a1", az: "eu-central-1a", cidr: "10.255.0.0/24" },
          { name: "ep-b", id: "subnet-0a0a0a0a0a0a0a0a2", az: "eu-central-1b", cidr: "10.255.1.0/24" },
        ],
      },
    ],
  };
  edit(s);
  return s;
}

/** A spoke VPC `<stack>` in 10.<n>.0.0/16 with subnets app-a and app-b asking for `services`; ids unique per n. */
export function spokeSpec(opts: {
  stack: string;
  n: number;
  services: readonly string[];
  account?: string;
  edit?: (s: SpecDoc) => void;
}): SpecDoc {
  const hex = opts.n.toString(16).padStart(2, "0");
  const s: SpecDoc = {
    version: 1,
    stack: opts.stack,
    region: "eu-central-1",
    ...(opts.account ? { account: opts.account } : {}),
    backend: { local: { path: `terraform.${opts.stack}.tfstate` } },
    vpcs: [
      {
        name: opts.stack,
        id: `vpc-${hex}23456789abcdef0`,
        cidr: `10.${opts.n}.0.0/16`,
        useHub: "network-hub/endpoints",
        subnets: ["a", "b"].map((z, i) => ({
          name: `app-${z}`,
          id: `subnet-${hex}${i}aaaaaaaaaaaaa${i + 1}`,
          az: `eu-central-1${z}`,
          cidr: `10.${opts.n}.${i + 1}.0/24`,
          routeTable: `rtb-${hex}${i}aaaaaaaaaaaaa${i + 1}`,
          services: [...opts.services],
        })),
      },
    ],
  };
  opts.edit?.(s);
  return s;
}

/** A stack `g<nn>` (no account, eu-central-1) whose one VPC asks for both gateways (s3, dynamodb) and ssm. */
function gatewayStack(n: number): SpecDoc {
  return spokeSpec({
    stack: `g${String(n).padStart(2, "0")}`,
    n: 100 + n,
    services: ["s3", "dynamodb", "ssm"],
    edit: (s) => delete s.vpcs[0].useHub,
  });
}

/**
 * The organisation: the hub `network-hub` with spokes `a-orders` (its app-b asks for logs only: the hub's kms zone
 * captures it) and `payments` (another account; declares 5,000 GB/month of ssm, dearer than its own endpoint), a
 * stack `alone` without hub; `edge-hub` offering s3 as a hub (an interface endpoint there) with a subnet asking for
 * dynamodb (a gateway), and its spoke `edge-spoke` asking for both (gateways of its own: a hub serves interface
 * endpoints only); and g00..g10. Without an account in one region: 25 gateway endpoints, over the default quota of
 * 20 from g08 on (an unplanned stack's gateways are counted without planning it: the hub's must come out right).
 */
export function scopedOrganisation(edits: Record<string, (s: SpecDoc) => void> = {}): Record<string, string> {
  const docs: Record<string, SpecDoc> = {
    "network-hub.yaml": hubSpec(),
    "a-orders.yaml": spokeSpec({
      stack: "a-orders",
      n: 30,
      services: ["kms"],
      edit: (s) => (s.vpcs[0].subnets[1].services = ["logs"]),
    }),
    "payments.yaml": spokeSpec({
      stack: "payments",
      n: 20,
      services: ["ssm"],
      account: "222222222222",
      edit: (s) => (s.vpcs[0].endpoints = { ssm: { gbPerMonth: 5000 } }),
    }),
    "alone.yaml": spokeSpec({ stack: "alone", n: 40, services: ["kms"], edit: (s) => delete s.vpcs[0].useHub }),
    "edge-hub.yaml": hubSpec((s) => {
      s.stack = "edge-hub";
      delete s.account;
      s.vpcs[0].id = "vpc-0e0e0e0e0e0e0e0e0";
      s.vpcs[0].cidr = "10.254.0.0/22";
      s.vpcs[0].hub.services = ["ssm", "s3"];
      s.vpcs[0].subnets.forEach((x: SpecDoc, i: number) => {
        x.id = `subnet-0e0e0e0e0e0e0e0e${i + 1}`;
        x.cidr = `10.254.${i}.0/24`;
      });
      Object.assign(s.vpcs[0].subnets[0], { services: ["dynamodb"], routeTable: "rtb-0e0e0e0e0e0e0e0e1" });
    }),
    "edge-spoke.yaml": spokeSpec({
      stack: "edge-spoke",
      n: 50,
      services: ["s3", "dynamodb"],
      edit: (s) => (s.vpcs[0].useHub = "edge-hub/endpoints"),
    }),
  };
  for (let n = 0; n <= 10; n++) docs[`g${String(n).padStart(2, "0")}.yaml`] = gatewayStack(n);
  for (const [file, edit] of Object.entries(edits)) edit(docs[file]);
  return Object.fromEntries(Object.entries(docs).map(([f, d]) => [f, stringify(d)]));
}
