import type { Located } from "../../input/spec-model";
import { locate, type PlanSubject } from "../../planner/subject";
import { rule } from "../rule";

type Details = { vpc: string; services: readonly string[]; subnets: string };

/**
 * One warning per VPC and set of captured subnets, naming the services:
 * private DNS makes the whole VPC resolve them to endpoints whose security
 * groups do not admit those subnets.
 */
export const privateDnsCapture = rule<PlanSubject>()({
  name: "private-dns-capture",
  stage: "plan",
  codes: {
    PRIVATE_DNS_CAPTURE: {
      severity: "warning",
      trigger:
        "private DNS makes subnets that did not ask for a service resolve it to an endpoint that does not admit them",
      fix: "add the service to those subnets, or set privateDns: false",
      message: (d: Details) => {
        const many = d.services.length > 1;
        return (
          `private DNS makes all of VPC ${d.vpc} resolve ${d.services.join(", ")} to ` +
          `${many ? "their endpoints" : "the endpoint"}; ${d.subnets} did not ask for ` +
          `${many ? "them" : "it"} and are not admitted by ` +
          `${many ? "the endpoints' security groups" : "its security group"}, ` +
          "so calls from there fail instead of going through NAT."
        );
      },
      hint: (d: Details) => {
        const many = d.services.length > 1;
        return (
          `Add the service${many ? "s" : ""} to those subnets if they use ${many ? "them" : "it"}, or ` +
          `set privateDns: false under endpoints.<service>.`
        );
      },
    },
  },
  check(subject, ctx) {
    for (const stack of subject.stacks) {
      for (const { model, plan } of stack.vpcs) {
        const groups = new Map<string, string[]>();
        for (const e of plan.endpoints) {
          if (e.dnsCaptured.length === 0) continue;
          const key = e.dnsCaptured.join(", ");
          groups.set(key, [...(groups.get(key) ?? []), e.service]);
        }
        for (const [subnets, services] of groups) {
          const first = services[0];
          const at: Located =
            model.endpoints.get(first) ??
            model.subnets.flatMap((s) => s.requests).find((r) => r.key === first) ??
            model;
          ctx.report(locate(stack.spec.file, at), "PRIVATE_DNS_CAPTURE", { vpc: model.name, services, subnets });
        }
      }
    }
  },
});
