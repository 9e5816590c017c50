/**
 * Inventories for tests: VpcEndpoints entries shaped as `aws ec2 describe-vpc-endpoints` prints them (see
 * fixtures/README.md for the documentation pages), and the pipeline run over specs with an inventory folder.
 */
import { stringify } from "yaml";
import { runPipeline, type PipelineResult } from "../../src/pipeline";
import { writeTree } from "../helpers";
import type { SpecDoc } from "../rules/support";

export const FULL_ACCESS =
  '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}';

/** One VpcEndpoints entry: an available interface endpoint of the base spec's VPC unless told otherwise. */
export function existing(opts: {
  id: string;
  service: string;
  type?: "Interface" | "Gateway" | "GatewayLoadBalancer" | "Resource";
  vpcId?: string;
  state?: string;
  subnets?: string[];
  groups?: string[];
  routeTables?: string[];
  privateDns?: boolean;
  policy?: string;
  owner?: string;
  tags?: Record<string, string>;
  region?: string;
}): SpecDoc {
  const type = opts.type ?? "Interface";
  const region = opts.region ?? "eu-central-1";
  return {
    VpcEndpointId: opts.id,
    VpcEndpointType: type,
    VpcId: opts.vpcId ?? "vpc-0123456789abcdef0",
    ServiceName: `com.amazonaws.${region}.${opts.service}`,
    State: opts.state ?? "available",
    PolicyDocument: opts.policy ?? FULL_ACCESS,
    RouteTableIds: opts.routeTables ?? [],
    SubnetIds: opts.subnets ?? (type === "Interface" ? ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"] : []),
    Groups: (opts.groups ?? (type === "Interface" ? ["sg-0123456789abcdef0"] : [])).map((g) => ({
      GroupId: g,
      GroupName: `group-${g.slice(-4)}`,
    })),
    IpAddressType: "ipv4",
    ...(type === "Interface" ? { DnsOptions: { DnsRecordIpType: "ipv4" } } : {}),
    PrivateDnsEnabled: opts.privateDns ?? type === "Interface",
    RequesterManaged: false,
    NetworkInterfaceIds: [],
    DnsEntries: [],
    CreationTimestamp: "2024-03-05T09:12:44.000Z",
    Tags: Object.entries(opts.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
    OwnerId: opts.owner ?? "111122223333",
    ServiceRegion: region,
  };
}

/** The output of describe-vpc-endpoints holding the given entries. */
export function inventory(entries: SpecDoc[], extra: SpecDoc = {}): SpecDoc {
  return { VpcEndpoints: entries, ...extra };
}

/** Spec files (objects become YAML) and inventory files (objects become JSON), through the pipeline. */
export function runWithInventory(
  files: Record<string, SpecDoc | string>,
  inventories: Record<string, SpecDoc | string | Buffer>,
): PipelineResult & { dir: string; inventoryDir: string } {
  const dir = writeTree(
    Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === "string" ? v : stringify(v)])),
  );
  const inventoryDir = writeTree(
    Object.fromEntries(
      Object.entries(inventories).map(([k, v]) => [
        k,
        typeof v === "string" || Buffer.isBuffer(v) ? v : JSON.stringify(v, null, 4),
      ]),
    ),
  );
  return { ...runPipeline(dir, { inventoryDir }), dir, inventoryDir };
}
