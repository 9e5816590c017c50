import type { Located } from "../../input/spec-model";
import { locate, type PlanSubject } from "../../planner/subject";
import { agree } from "../../text";
import { rule } from "../rule";

type Details = {
  vpc: string;
  services: readonly string[];
  subnets: readonly string[];
  /** Of `subnets`, those the admitted blocks (allowedCidrs) cover in part. */
  partly: readonly string[];
};

/**
 * One warning per VPC and set of captured subnets, naming the services:
 * private DNS makes the whole VPC resolve them to endpoints whose security
 * groups do not admit those subnets (wholly: a subnet that allowedCidrs
 * covers in part is still named, as partly admitted).
 */
export const privateDnsCapture = rule<PlanSubject>()({
  name: "private-dns-capture",
  stage: "plan",
  codes: {
    PRIVATE_DNS_CAPTURE: {
      severity: "warning",
      trigger:
        "private DNS makes subnets that did not ask for a service resolve it to an endpoint whose security " +
        "group does not admit them (their requests and allowedCidrs both count)",
      fix: "add the service to those subnets, admit them with allowedCidrs, or set privateDns: false",
      message: (d: Details) => {
        const svc = (one: string, many: string) => agree({ n: d.services, one, many });
        const sub = (one: string, many: string) => agree({ n: d.subnets, one, many });
        const partly =
          d.partly.length === 0
            ? ""
            : ` (${d.partly.join(", ")} only partly: allowedCidrs covers part of ` +
              `${agree({ n: d.partly, one: "its block", many: "their blocks" })})`;
        return (
          `private DNS makes all of VPC ${d.vpc} resolve ${d.services.join(", ")} to ` +
          `${svc("the endpoint", "their endpoints")}; ${d.subnets.join(", ")} did not ask for ` +
          `${svc("it", "them")} and ${sub("is", "are")} not admitted by ` +
          `${svc("its security group", "the endpoints' security groups")}${partly}, ` +
          "so calls from there fail instead of going through NAT."
        );
      },
      hint: (d: Details) => {
        const svc = (one: string, many: string) => agree({ n: d.services, one, many });
        const sub = (one: string, many: string) => agree({ n: d.subnets, one, many });
        return (
          `Add ${svc("the service", "the services")} to ${sub("that subnet", "those subnets")} if ` +
          `${sub("it uses", "they use")} ${svc("it", "them")}, admit ${sub("it", "them")} with ` +
          `endpoints.<service>.allowedCidrs, or set privateDns: false under endpoints.<service>.`
        );
      },
    },
  },
  check(subject, ctx) {
    for (const stack of subject.stacks) {
      for (const { model, endpoints } of stack.vpcs) {
        const groups = new Map<string, { subnets: readonly string[]; partly: readonly string[]; services: string[] }>();
        for (const { plan, facts } of endpoints) {
          if (plan.dnsCaptured.length === 0) continue;
          const partly = facts.privateDns?.partlyAdmitted ?? [];
          const key = `${plan.dnsCaptured.join(", ")} | ${partly.join(", ")}`;
          const g = groups.get(key) ?? { subnets: plan.dnsCaptured, partly, services: [] };
          g.services.push(plan.service);
          groups.set(key, g);
        }
        for (const { subnets, partly, services } of groups.values()) {
          const first = services[0];
          const at: Located =
            model.endpoints.get(first) ??
            model.subnets.flatMap((s) => s.requests).find((r) => r.key === first) ??
            model;
          ctx.report(
            locate(stack.spec.file, at),
            "PRIVATE_DNS_CAPTURE",
            {
              vpc: model.name,
              services,
              subnets,
              partly,
            },
            { subnets },
          );
        }
      }
    }
  },
});
