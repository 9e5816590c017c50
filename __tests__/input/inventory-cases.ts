/**
 * The failing fixtures of the inventory and adoption codes for diagnostics.test.ts: BASE (one VPC asking for s3
 * and ssm) with an inventory, and where needed a retire: entry. Kept apart so the main table stays readable.
 */
import { BASE } from "../helpers";
import { existing, inventory } from "../inventory/support";

const json = (v: unknown) => JSON.stringify(v, null, 2);
const SSM = existing({ id: "vpce-0a1b2c3d4e5f60002", service: "ssm" });
const S3 = (id: string, rtb: string) => existing({ id, service: "s3", type: "Gateway", routeTables: [rtb] });
const retire = (entry: string) =>
  BASE.replace("    cidr: 10.20.0.0/16\n", `    cidr: 10.20.0.0/16\n    retire:\n      ${entry}\n`);

export interface InventoryCase {
  code: string;
  files: Record<string, string>;
  inventories: Record<string, string>;
  line?: number;
  path?: string;
}

export const INVENTORY_CASES: InventoryCase[] = [
  { code: "INVENTORY_FILE_NAME", files: { "a.yaml": BASE }, inventories: { "frankfurt.json": json(inventory([])) } },
  {
    code: "INVENTORY_UNKNOWN_REGION",
    files: { "a.yaml": BASE },
    inventories: { "xx-nowhere-9.json": json(inventory([])) },
  },
  {
    code: "INVENTORY_JSON_SYNTAX",
    files: { "a.yaml": BASE },
    inventories: { "eu-central-1.json": '{"VpcEndpoints": [' },
  },
  { code: "INVENTORY_SHAPE", files: { "a.yaml": BASE }, inventories: { "eu-central-1.json": "[]" } },
  {
    code: "INVENTORY_TRUNCATED",
    files: { "a.yaml": BASE },
    inventories: { "eu-central-1.json": json(inventory([SSM], { NextToken: "abc" })) },
  },
  {
    code: "INVENTORY_ENTRY",
    files: { "a.yaml": BASE },
    inventories: { "eu-central-1.json": json(inventory([{ ...SSM, SubnetIds: "subnet-0aaaaaaaaaaaaaaa1" }])) },
  },
  {
    code: "INVENTORY_DUPLICATE",
    files: { "a.yaml": BASE },
    inventories: { "eu-central-1.json": json(inventory([SSM, SSM])) },
  },
  {
    code: "INVENTORY_OTHER_ACCOUNT",
    files: { "a.yaml": BASE.replace("region: eu-central-1\n", 'region: eu-central-1\naccount: "444455556666"\n') },
    inventories: { "444455556666-eu-central-1.json": json(inventory([SSM])) },
  },
  {
    code: "ADOPT_AMBIGUOUS",
    files: { "a.yaml": BASE },
    inventories: { "eu-central-1.json": json(inventory([SSM, { ...SSM, VpcEndpointId: "vpce-0a1b2c3d4e5f60012" }])) },
    path: "vpcs[0].subnets[0].services[1]",
  },
  {
    code: "ADOPT_PRIVATE_DNS_TAKEN",
    files: { "a.yaml": retire("vpce-0a1b2c3d4e5f60002: delete") },
    inventories: { "eu-central-1.json": json(inventory([SSM])) },
  },
  {
    code: "ADOPT_ROUTE_TABLE_TAKEN",
    files: { "a.yaml": retire("vpce-0a1b2c3d4e5f60011: adopt") },
    inventories: {
      "eu-central-1.json": json(
        inventory([
          S3("vpce-0a1b2c3d4e5f60001", "rtb-0aaaaaaaaaaaaaaa1"),
          S3("vpce-0a1b2c3d4e5f60011", "rtb-0bbbbbbbbbbbbbbb2"),
        ]),
      ),
    },
  },
  {
    code: "RETIRE_NOT_FOUND",
    files: { "a.yaml": retire("vpce-0a1b2c3d4e5f6000f: adopt") },
    inventories: { "eu-central-1.json": json(inventory([SSM])) },
    line: 10,
    path: 'vpcs[0].retire["vpce-0a1b2c3d4e5f6000f"]',
  },
  {
    code: "RETIRE_OTHER_VPC",
    files: { "a.yaml": retire("vpce-0a1b2c3d4e5f60003: adopt") },
    inventories: {
      "eu-central-1.json": json(
        inventory([existing({ id: "vpce-0a1b2c3d4e5f60003", service: "kms", vpcId: "vpc-0fedcba9876543210" })]),
      ),
    },
  },
  {
    code: "RETIRE_UNSUPPORTED",
    files: { "a.yaml": retire("vpce-0a1b2c3d4e5f60003: adopt") },
    inventories: {
      "eu-central-1.json": json(
        inventory([existing({ id: "vpce-0a1b2c3d4e5f60003", service: "kms", type: "GatewayLoadBalancer" })]),
      ),
    },
  },
];
