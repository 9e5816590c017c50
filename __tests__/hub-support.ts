/**
 * Hub and spoke specs for the tests, as plain data (edited by code, written as YAML by the caller): a hub
 * stack `network-hub` (account 111111111111, S3 backend) whose VPC `endpoints` (10.255.0.0/22, two subnets
 * that ask for nothing) offers ssm, kms, logs, ecr.dkr and sts; spokes of any stack name in 10.<n>.0.0/16.
 */
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
