/**
 * Which subnet of the specs an address belongs to: the longest prefix among the subnets' IPv4 `cidr` and IPv6
 * `ipv6Cidr` blocks, within the VPC a log names (by its `id`). Pure; answers are cached per VPC and address.
 */
import ipaddr from "ipaddr.js";
import type { SpecModel, SubnetModel, VpcModel } from "../input/spec-model";

/** A subnet of a spec with where it lives. */
export interface SubnetPlace {
  readonly spec: SpecModel;
  readonly vpc: VpcModel;
  readonly subnet: SubnetModel;
}

interface Block {
  readonly range: [ipaddr.IPv4 | ipaddr.IPv6, number];
  readonly place: SubnetPlace;
}

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

export class SubnetIndex {
  private readonly blocks: Block[] = [];
  /** Every block of each VPC (its CIDRs and its subnets' IPv6 blocks), by VPC id. */
  private readonly vpcBlocks = new Map<string, Range[]>();
  private readonly cache = new Map<string, SubnetPlace | undefined>();
  private readonly insideCache = new Map<string, boolean>();

  constructor(specs: readonly SpecModel[]) {
    for (const spec of specs)
      for (const vpc of spec.vpcs) {
        const own = this.vpcBlocks.get(vpc.id) ?? [];
        this.vpcBlocks.set(vpc.id, own);
        for (const c of vpc.cidrs) own.push(ipaddr.parseCIDR(c));
        for (const subnet of vpc.subnets)
          for (const c of [subnet.cidr, subnet.ipv6Cidr]) {
            if (c === undefined) continue;
            const range = ipaddr.parseCIDR(c);
            this.blocks.push({ range, place: { spec, vpc, subnet } });
            if (range[0].kind() === "ipv6") own.push(range);
          }
      }
  }

  /**
   * The subnet holding `address` (canonical text) in the VPC `vpcId`; without a VPC id, in any VPC, but only when
   * one subnet is the longest match (VPCs of different stacks often reuse the same blocks).
   */
  subnetOf(opts: { vpcId?: string; address: string }): SubnetPlace | undefined {
    const key = `${opts.vpcId ?? ""}|${opts.address}`;
    if (this.cache.has(key)) return this.cache.get(key);
    const addr = ipaddr.parse(opts.address);
    let best: Block[] = [];
    for (const b of this.blocks) {
      if (opts.vpcId !== undefined && b.place.vpc.id !== opts.vpcId) continue;
      if (b.range[0].kind() !== addr.kind() || !addr.match(b.range)) continue;
      if (best.length === 0 || b.range[1] > best[0].range[1]) best = [b];
      else if (b.range[1] === best[0].range[1]) best.push(b);
    }
    const found = best.length === 1 ? best[0].place : undefined;
    this.cache.set(key, found);
    return found;
  }

  /** Whether some spec describes the VPC. */
  knowsVpc(vpcId: string): boolean {
    return this.vpcBlocks.has(vpcId);
  }

  /** True when the address lies inside the VPC's own blocks: a private answer there is an endpoint's ENI. */
  insideVpc(opts: { vpcId: string; address: string }): boolean {
    const key = `${opts.vpcId}|${opts.address}`;
    let inside = this.insideCache.get(key);
    if (inside === undefined) {
      const addr = ipaddr.parse(opts.address);
      inside = (this.vpcBlocks.get(opts.vpcId) ?? []).some((r) => r[0].kind() === addr.kind() && addr.match(r));
      this.insideCache.set(key, inside);
    }
    return inside;
  }
}
