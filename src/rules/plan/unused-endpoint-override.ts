import { eachEndpoint, locate, type PlanSubject } from "../../planner/subject";
import { rule } from "../rule";
import { agree } from "../../text";

type Details =
  | { case: "not-requested"; key: string; vpc: string }
  | { case: "not-a-spoke"; key: string; vpc: string; unused: readonly string[] }
  | { case: "gateway"; key: string; unused: readonly string[]; canBeBoth: boolean };

/**
 * Endpoint settings that do nothing: an `endpoints:` entry no subnet of the
 * VPC requests, settings only interface endpoints use on a service
 * planned as a gateway alone, or the settings only a spoke reads (`useHub:
 * false`, `gbPerMonth`) in a VPC without `useHub:`.
 */
export const unusedEndpointOverride = rule<PlanSubject>()({
  name: "unused-endpoint-override",
  stage: "plan",
  codes: {
    UNUSED_ENDPOINT_OVERRIDE: {
      severity: "warning",
      trigger:
        "an endpoints entry no subnet requests, allowedCidrs/allowedSecurityGroups/privateDns on a service " +
        "planned as a gateway, or useHub: false/gbPerMonth in a VPC that is not a spoke",
      fix: "request the service, change its type, make the VPC a spoke (useHub:), or remove the settings",
      message: (d: Details) =>
        d.case === "not-requested"
          ? `endpoints.${d.key} is set, but no subnet of VPC ${d.vpc} requests ${d.key}: no endpoint is created.`
          : d.case === "not-a-spoke"
            ? `endpoints.${d.key} sets ${d.unused.join(" and ")}, which only a spoke of a hub reads, ` +
              `but VPC ${d.vpc} has no useHub: ${agree({ n: d.unused, one: "it does", many: "they do" })} nothing.`
            : `endpoints.${d.key} sets ${d.unused.join(" and ")}, which only interface endpoints use, ` +
              `but ${d.key} is planned as a gateway endpoint: ` +
              `${agree({ n: d.unused, one: "it does", many: "they do" })} nothing.`,
      hint: (d: Details) =>
        d.case === "not-requested"
          ? `Add ${d.key} to the services of the subnets that need it, or remove the entry.`
          : d.case === "not-a-spoke"
            ? `Set useHub: <stack>/<vpc> on VPC ${d.vpc} to take ${d.key} from a hub, or remove ` +
              `${agree({ n: d.unused, one: "it", many: "them" })}.`
            : d.canBeBoth
              ? "Set type: both to add an interface endpoint for clients outside the VPC, or remove the settings."
              : "Set type: interface, or remove the settings.",
    },
  },
  check(subject, ctx) {
    for (const stack of subject.stacks) {
      for (const vpc of stack.vpcs) {
        for (const e of vpc.model.endpoints.values()) {
          if (!vpc.requested.has(e.key)) {
            ctx.report(locate(stack.spec.file, e), "UNUSED_ENDPOINT_OVERRIDE", {
              case: "not-requested",
              key: e.key,
              vpc: vpc.model.name,
            });
            continue;
          }
          // what a spoke reads of its endpoints entries (docs/SPEC-FORMAT.md, hub additions)
          const spokeOnly = [
            e.useHub === false ? "useHub: false" : undefined,
            e.gbPerMonth !== undefined ? "gbPerMonth" : undefined,
          ].filter((x): x is string => x !== undefined);
          if (!vpc.model.useHub && spokeOnly.length > 0)
            ctx.report(locate(stack.spec.file, e), "UNUSED_ENDPOINT_OVERRIDE", {
              case: "not-a-spoke",
              key: e.key,
              vpc: vpc.model.name,
              unused: spokeOnly,
            });
        }
      }
    }
    for (const { stack, endpoint } of eachEndpoint(subject)) {
      const { plan, facts } = endpoint;
      const settings = facts.settings;
      // with type both, the interface half uses them
      if (plan.type !== "Gateway" || facts.split || !settings) continue;
      const unused = [
        settings.allowedCidrs.length > 0 ? "allowedCidrs" : undefined,
        settings.allowedSecurityGroups.length > 0 ? "allowedSecurityGroups" : undefined,
        settings.privateDns !== undefined ? "privateDns" : undefined,
      ].filter((x): x is string => x !== undefined);
      if (unused.length > 0)
        ctx.report(locate(stack.spec.file, settings), "UNUSED_ENDPOINT_OVERRIDE", {
          case: "gateway",
          key: settings.key,
          unused,
          canBeBoth: facts.svc.both,
        });
    }
  },
});
