import type { Located } from "../../input/spec-model";
import { locate, type PlanSubject } from "../../planner/subject";
import { agree } from "../../text";
import { rule } from "../rule";

type Details = { vpc: string; hub: string; services: readonly string[]; subnets: readonly string[] };

/**
 * A hub's private hosted zone answers every subnet of each VPC associated
 * with it, like private DNS: subnets of a spoke (or of the hub) that did not
 * ask for the service resolve it to the hub endpoint, whose security group
 * does not admit them. One warning per VPC and set of such subnets, at the
 * VPC's useHub (a spoke) or hub (the hub itself).
 */
export const hubZoneCapture = rule<PlanSubject>()({
  name: "hub-zone-capture",
  stage: "plan",
  codes: {
    HUB_ZONE_CAPTURE: {
      severity: "warning",
      trigger:
        "a hub zone associated with a VPC makes subnets of it that did not ask for the service resolve it to the " +
        "hub endpoint, whose security group does not admit them",
      fix: "add the service to those subnets, or keep the service local in that VPC (endpoints.<svc>.useHub: false)",
      message: (d: Details) => {
        const svc = (one: string, many: string) => agree({ n: d.services, one, many });
        const sub = (one: string, many: string) => agree({ n: d.subnets, one, many });
        return (
          `the hub's ${svc("zone", "zones")} for ${d.services.join(", ")} (${d.hub}) ${svc("makes", "make")} all of ` +
          `VPC ${d.vpc} ` +
          `resolve ${svc("it", "them")} to the hub endpoint; ${d.subnets.join(", ")} did not ask for ` +
          `${svc("it", "them")} and ${sub("is", "are")} not admitted by its security group, so calls from there ` +
          "fail instead of going through NAT."
        );
      },
      hint: (d: Details) =>
        `Add ${agree({ n: d.services, one: "the service", many: "the services" })} to ` +
        `${agree({ n: d.subnets, one: "that subnet", many: "those subnets" })} if ` +
        `${agree({ n: d.subnets, one: "it uses", many: "they use" })} ` +
        `${agree({ n: d.services, one: "it", many: "them" })}` +
        "; a zone answers the whole VPC, so a VPC whose other subnets need another path keeps the service local " +
        "(endpoints.<service>.useHub: false in a spoke).",
    },
  },
  check(subject, ctx) {
    const hubAt = new Map<string, { file: string; at: Located }>();
    for (const stack of subject.stacks)
      for (const vpc of stack.vpcs)
        if (vpc.model.hub)
          hubAt.set(`${stack.spec.stack}/${vpc.model.name}`, { file: stack.spec.file, at: vpc.model.hub });
    const where = new Map<string, { file: string; at: Located }>();
    // a planned hub's spokes that a scoped run did not plan are reported at their useHub too
    for (const { spec } of subject.stacks)
      for (const vpc of spec.vpcs)
        if (vpc.useHub) where.set(`${spec.stack}/${vpc.name}`, { file: spec.file, at: vpc.useHub });
    for (const s of subject.unplanned ?? [])
      for (const spoke of s.spokes) where.set(`${s.stack}/${spoke.vpc}`, { file: s.file, at: spoke.useHub });
    for (const [k, v] of hubAt) where.set(k, v);
    for (const stack of subject.stacks)
      for (const vpc of stack.vpcs) {
        const hub = vpc.plan.hub;
        if (!hub) continue;
        const hubName = `${stack.spec.stack}/${vpc.model.name}`;
        // per associated VPC: captured subnets -> services
        const groups = new Map<string, { vpc: string; subnets: readonly string[]; services: string[] }>();
        for (const s of hub.services) {
          const seen = new Set<string>();
          for (const z of s.zones)
            for (const a of z.associations) {
              const key = `${a.stack}/${a.vpc}`;
              if (a.captured.length === 0 || seen.has(key)) continue;
              seen.add(key);
              const g = groups.get(`${key} | ${a.captured.join(",")}`) ?? {
                vpc: key,
                subnets: a.captured,
                services: [],
              };
              g.services.push(s.service);
              groups.set(`${key} | ${a.captured.join(",")}`, g);
            }
        }
        for (const g of groups.values()) {
          const w = where.get(g.vpc);
          if (!w) continue;
          ctx.report(locate(w.file, w.at), "HUB_ZONE_CAPTURE", {
            vpc: g.vpc,
            hub: hubName,
            services: g.services,
            subnets: g.subnets,
          });
        }
      }
  },
});
