import type { Located, VpcModel } from "../../input/spec-model";
import type { IngressRule, SecurityGroupPlan, StackPlan } from "../../planner/plan";
import { locate, type PlanSubject } from "../../planner/subject";
import { rule } from "../rule";

/** What holds an address, put into words on demand ("the security group X of VPC Y"). */
type Owner = () => string;

/**
 * cdktf merges two resources whose names sanitize alike; Terraform addresses
 * must be unique per resource type. Names are built from the spec's names, so
 * a collision is reported at the endpoint that repeats an address.
 */
export const addressCollision = rule<PlanSubject>()({
  name: "address-collision",
  stage: "plan",
  codes: {
    ADDRESS_COLLISION: {
      severity: "error",
      trigger: "two resources of a stack map to the same Terraform address once '.' becomes '_'",
      fix: "rename the VPC, subnet or endpoints key so the names differ",
      message: (d: { owner: string; previous: string; address: string }) =>
        `${d.owner} and ${d.previous} both map to the Terraform address ${d.address}.`,
      hint: () => "Rename the VPC, subnet or endpoints key so the names differ after '.' becomes '_'.",
    },
    MOVED_ADDRESS_COLLISION: {
      severity: "error",
      trigger:
        "a rename (`renamedFrom`) moves an old Terraform address that a resource of the stack still has, or that " +
        "another rename moves too, once '.' becomes '_'",
      fix: "rename from a name whose addresses nothing else holds",
      message: (d: { owner: string; address: string; holder: string }) =>
        `${d.owner} would be moved from ${d.address}, which ${d.holder}.`,
      hint: () =>
        "Terraform moves each old address once, and never one still in use: check the renamedFrom values of the " +
        "VPC, subnets and endpoints keys involved.",
    },
  },
  check(subject, ctx) {
    for (const { spec, plan } of subject.stacks) {
      if (!mayCollide(plan)) continue;
      // by resource type, then address: no `type.address` string per resource. An owner is put into words only
      // when its address is claimed again (to compare) or moved: a stack has tens of thousands of addresses.
      const seen = new Map<string, Map<string, Owner>>();
      const claim = (type: string, address: string, owner: Owner, at: Located) => {
        let ofType = seen.get(type);
        if (!ofType) seen.set(type, (ofType = new Map()));
        const previous = ofType.get(address);
        if (previous === undefined) ofType.set(address, owner);
        else if (previous() !== owner())
          ctx.report(locate(spec.file, at), "ADDRESS_COLLISION", {
            owner: owner(),
            previous: previous(),
            address: `${type}.${address}`,
          });
      };
      const moves: Array<{ type: string; from: string; owner: Owner; at: Located }> = [];
      for (const vpc of plan.vpcs) {
        const vm = spec.vpcs.find((v) => v.name === vpc.name) as VpcModel;
        for (const e of vpc.endpoints) {
          const at = vm.endpoints.get(e.service) ?? vm;
          const endpoint = () => `the ${e.type.toLowerCase()} endpoint of ${e.service} in VPC ${vpc.name}`;
          const groupOwner = (g: SecurityGroupPlan) => () => `the security group ${g.name} of VPC ${vpc.name}`;
          const ruleOwner = (r: IngressRule) => () => `rule "${r.description}" of VPC ${vpc.name}`;
          claim("aws_vpc_endpoint", e.address, endpoint, at);
          for (const g of e.securityGroups) claim("aws_security_group", g.address, groupOwner(g), at);
          for (const g of e.securityGroups)
            for (const r of g.ingress) claim("aws_vpc_security_group_ingress_rule", r.address, ruleOwner(r), at);
          const moved = (type: string, from: string, owner: Owner) => moves.push({ type, from, owner, at });
          if (e.movedFrom !== undefined) moved("aws_vpc_endpoint", e.movedFrom, endpoint);
          for (const g of e.securityGroups) {
            if (g.movedFrom !== undefined) moved("aws_security_group", g.movedFrom, groupOwner(g));
            for (const r of g.ingress)
              if (r.movedFrom !== undefined) moved("aws_vpc_security_group_ingress_rule", r.movedFrom, ruleOwner(r));
          }
        }
        // a hub's zones, records and associations; a cross-account spoke's associations
        for (const s of vpc.hub?.services ?? [])
          for (const z of s.zones) {
            const at = vm.hub ?? vm;
            claim("aws_route53_zone", z.address, () => `the hub zone ${z.name} of VPC ${vpc.name}`, at);
            for (const r of z.records)
              claim("aws_route53_record", r.address, () => `the ${r.type} record ${r.name}`, at);
            for (const a of z.associations.filter((x) => x.kind !== "inline")) {
              const type =
                a.kind === "same-account"
                  ? "aws_route53_zone_association"
                  : "aws_route53_vpc_association_authorization";
              claim(type, a.address, () => `the association of ${z.name} with ${a.stack}/${a.vpc}`, at);
            }
          }
        for (const a of vpc.useHub?.associations ?? [])
          claim(
            "aws_route53_zone_association",
            a.address,
            () => `the association of ${a.zone} with VPC ${vpc.name}`,
            vm.useHub ?? vm,
          );
      }
      const movedFrom = new Map<string, string>();
      for (const m of moves) {
        const address = `${m.type}.${m.from}`;
        const holder = seen.get(m.type)?.get(m.from);
        const mover = movedFrom.get(address);
        if (holder !== undefined)
          ctx.report(locate(spec.file, m.at), "MOVED_ADDRESS_COLLISION", {
            owner: m.owner(),
            address,
            holder: `${holder()} still has`,
          });
        else if (mover !== undefined)
          ctx.report(locate(spec.file, m.at), "MOVED_ADDRESS_COLLISION", {
            owner: m.owner(),
            address,
            holder: `${mover} is moved from too`,
          });
        else movedFrom.set(address, m.owner());
      }
    }
  },
});

/**
 * Whether the check below can find anything in the stack: an address repeated within its type (compared as
 * text, no owner made), a resource moved, or a hub or spoke VPC (few; checked in full). The check names each
 * address's owner, and a stack has tens of thousands of rules: most stacks are found clean here, with one set per
 * resource type and nothing else made.
 */
function mayCollide(plan: StackPlan): boolean {
  const endpoints = new Set<string>();
  const groups = new Set<string>();
  const rules = new Set<string>();
  const fresh = (set: Set<string>, address: string) => set.size < set.add(address).size;
  for (const vpc of plan.vpcs) {
    if (vpc.hub !== undefined || vpc.useHub !== undefined) return true;
    for (const e of vpc.endpoints) {
      if (e.movedFrom !== undefined || !fresh(endpoints, e.address)) return true;
      for (const g of e.securityGroups) {
        if (g.movedFrom !== undefined || !fresh(groups, g.address)) return true;
        for (const r of g.ingress) if (r.movedFrom !== undefined || !fresh(rules, r.address)) return true;
      }
    }
  }
  return false;
}
