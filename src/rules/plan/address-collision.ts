import type { Located, VpcModel } from "../../input/spec-model";
import type { IngressRule, SecurityGroupPlan } from "../../planner/plan";
import { locate, type PlanSubject, type StackSubject } from "../../planner/subject";
import { sortStrings } from "../../order";
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
    for (const stackSubject of subject.stacks) {
      const { spec, plan } = stackSubject;
      if (!mayCollide(stackSubject)) continue;
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
 * Whether the check below can find anything in the stack: an endpoint or group address repeated within its type
 * (compared as text, no owner made), a resource moved, or a hub or spoke VPC (few; checked in full). The check
 * names each address's owner, and a stack has tens of thousands of rules: most stacks are found clean here.
 *
 * Rules are not made for this (SecurityGroupRules): a rule's address is its endpoint's and a tail starting with
 * `_`, distinct among the endpoint's rules. Two rules of different endpoints can then share an address only when
 * one endpoint's address is the other's followed by `_` and more (the shorter is a prefix of the shared address).
 */
function mayCollide(stack: StackSubject): boolean {
  const endpoints = new Set<string>();
  const groups = new Set<string>();
  const fresh = (set: Set<string>, address: string) => set.size < set.add(address).size;
  const withRules: string[] = [];
  for (const vpc of stack.vpcs) {
    if (vpc.plan.hub !== undefined || vpc.plan.useHub !== undefined) return true;
    for (const { plan: e, facts } of vpc.endpoints) {
      if (e.movedFrom !== undefined || !fresh(endpoints, e.address)) return true;
      for (const g of e.securityGroups) if (g.movedFrom !== undefined || !fresh(groups, g.address)) return true;
      const rules = facts.securityGroupRules;
      if (e.securityGroups.length === 0) continue;
      if (!rules || rules.moved || !rules.distinctTails) return true;
      if (rules.count > 0) withRules.push(e.address);
    }
  }
  // sorted, the addresses that start with one come right after it
  sortStrings(withRules);
  for (let i = 0; i < withRules.length; i++)
    for (let j = i + 1; j < withRules.length && withRules[j].startsWith(withRules[i]); j++)
      if (withRules[j].charCodeAt(withRules[i].length) === 95) return true;
  return false;
}
