/**
 * Blocks that speak about state rather than declare resources: `moved` (a declared rename, `renamedFrom`). Each
 * kind is one function here that adds its blocks to a stack and says how many it added; the stack requires
 * Terraform 1.5 when any of them (or a `check` block) is present, through requireTerraform15.
 */
import type { TerraformStack } from "cdktf";
import type { Movable, StackPlan } from "../planner/plan";

/** Terraform reads `moved` since 1.1, `check` and `import` since 1.5: one floor for all of them. */
export const TERRAFORM_FLOOR = ">= 1.5.0";

export interface MovedBlock {
  readonly from: string;
  readonly to: string;
}

/**
 * Every resource of the stack whose address a declared rename changed, as `moved` blocks from the old address to
 * the new one, sorted by the new address. They stay as long as the spec keeps `renamedFrom`: Terraform ignores a
 * move it has already made, and a state that has not applied it yet still needs it.
 */
export function movedBlocks(plan: StackPlan): MovedBlock[] {
  const out: MovedBlock[] = [];
  const add = (type: string, r: Movable) => {
    if (r.movedFrom !== undefined && r.movedFrom !== r.address)
      out.push({ from: `${type}.${r.movedFrom}`, to: `${type}.${r.address}` });
  };
  for (const e of plan.vpcs.flatMap((v) => v.endpoints)) {
    add("aws_vpc_endpoint", e);
    for (const g of e.securityGroups) {
      add("aws_security_group", g);
      for (const r of g.ingress) add("aws_vpc_security_group_ingress_rule", r);
    }
  }
  // the hub's zones, records, associations and authorizations, and a cross-account spoke's own associations
  for (const v of plan.vpcs) {
    for (const zone of (v.hub?.services ?? []).flatMap((s) => s.zones)) {
      add("aws_route53_zone", zone);
      for (const r of zone.records) add("aws_route53_record", r);
      for (const a of zone.associations) {
        if (a.kind === "same-account") add("aws_route53_zone_association", a);
        if (a.kind === "cross-account") add("aws_route53_vpc_association_authorization", a);
      }
    }
    for (const a of v.useHub?.associations ?? []) add("aws_route53_zone_association", a);
  }
  return out.sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
}

/** Adds the stack's `moved` blocks; returns how many. */
export function addMovedBlocks(stack: TerraformStack, plan: StackPlan): number {
  const moved = movedBlocks(plan);
  if (moved.length > 0) stack.addOverride("moved", moved);
  return moved.length;
}

/** `terraform.required_version` for stacks holding check, moved or import blocks. */
export function requireTerraform15(stack: TerraformStack): void {
  stack.addOverride("terraform.required_version", TERRAFORM_FLOOR);
}
