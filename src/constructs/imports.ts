/**
 * Adoption in Terraform: one `import` block (Terraform 1.5) per existing endpoint a planned one adopts and per
 * endpoint `retire:` imports, and the resources of the retired ones, configured as the inventory records them
 * (so that importing them changes nothing but tags). cdktf's `importFrom` would run `terraform version` once per
 * import during synth; the blocks are plain data, written beside the resources as a top-level override, like the
 * `check` blocks.
 */
// before cdktf: its root would load archiver at once (see defer-archiver.ts)
import "./defer-archiver";
import type { Construct } from "constructs";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import type { RetiredEndpointPlan, StackPlan } from "../planner/plan";

/** `import` entries of Terraform JSON: `to` is a resource address, `id` the endpoint's id. */
export interface ImportBlock {
  readonly to: string;
  readonly id: string;
}

/** The stack's import blocks, sorted by address (the same plan writes the same bytes). */
export function importBlocks(plan: StackPlan): ImportBlock[] {
  const blocks: ImportBlock[] = [];
  for (const vpc of plan.vpcs) {
    for (const e of vpc.endpoints)
      if (e.adopt) blocks.push({ to: `aws_vpc_endpoint.${e.address}`, id: e.adopt.endpointId });
    for (const r of vpc.retired ?? []) blocks.push({ to: `aws_vpc_endpoint.${r.address}`, id: r.endpointId });
  }
  // plain code-unit order, as src/order.ts sorts (constructs import only plan types)
  return blocks.sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
}

/** The resource an existing endpoint to retire is imported into: its arguments as the inventory records them. */
export function retiredEndpoint(scope: Construct, r: RetiredEndpointPlan): VpcEndpoint {
  const iface = r.type === "Interface";
  return new VpcEndpoint(scope, r.address, {
    vpcId: r.vpcId,
    serviceName: r.serviceName,
    vpcEndpointType: r.type,
    serviceRegion: r.serviceRegion,
    subnetIds: iface ? [...r.subnetIds] : undefined,
    securityGroupIds: iface ? [...r.securityGroupIds] : undefined,
    privateDnsEnabled: iface ? r.privateDns : undefined,
    routeTableIds: iface ? undefined : [...r.routeTableIds],
    ipAddressType: r.ipAddressType,
    policy: r.policy,
    tags: Object.keys(r.tags).length > 0 ? { ...r.tags } : undefined,
  });
}
