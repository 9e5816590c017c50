import type { EndpointSettings } from "../../input/spec-model";
import { locate, type PlanSubject } from "../../planner/subject";
import { rule } from "../rule";

/** Settings that shape an endpoint of the VPC's own: for a service the hub serves, there is none. */
const LOCAL_SETTINGS: ReadonlyArray<[string, (e: EndpointSettings) => boolean]> = [
  ["policy", (e) => e.policy !== undefined],
  ["privateDns", (e) => e.privateDns !== undefined],
  ["allowedCidrs", (e) => e.allowedCidrs.length > 0],
  ["allowedSecurityGroups", (e) => e.allowedSecurityGroups.length > 0],
  ["ipAddressType", (e) => e.ipAddressType !== undefined],
  ["dnsRecordIpType", (e) => e.dnsRecordIpType !== undefined],
  ["fixedIps", (e) => Object.keys(e.fixedIps).length > 0],
  ["tags", (e) => Object.keys(e.tags).length > 0],
];

type Details =
  | { kind: "settings"; service: string; hub: string; settings: readonly string[] }
  | { kind: "same-name"; key: string; service: string; hub: string; serviceName: string };

/**
 * A spoke gets no endpoint of its own for what its hub serves: settings for
 * such an endpoint would be silently unused, and an endpoint of its own
 * for the same service name (an entry with serviceName) would duplicate the
 * hub's, its private DNS clashing with the hub's zone (Route 53 refuses to
 * associate a zone whose name the VPC already resolves privately).
 */
export const spokeEndpoints = rule<PlanSubject>()({
  name: "spoke-endpoints",
  stage: "plan",
  codes: {
    SPOKE_DUPLICATE_ENDPOINT: {
      severity: "error",
      trigger:
        "a spoke VPC would keep an endpoint of its own for a service its hub serves: settings of a local endpoint " +
        "under endpoints.<svc>, or an entry whose serviceName is the hub service's",
      fix: "remove the settings (set them on the hub's endpoints entry), or set `useHub: false` to keep it local",
      message: (d: Details) =>
        d.kind === "settings"
          ? `the hub ${d.hub} serves ${d.service} to this VPC, which gets no endpoint of its own; ` +
            `${d.settings.join(", ")} would shape an endpoint that does not exist.`
          : `endpoints.${d.key} is ${d.serviceName}, the service ${d.service} that the hub ${d.hub} serves to this ` +
            "VPC: a second endpoint for it, whose DNS would clash with the hub's zone.",
      hint: (d: Details) =>
        d.kind === "settings"
          ? "Set them under the hub VPC's endpoints (they apply to the hub endpoint), or add useHub: false to keep " +
            "a local endpoint for this VPC."
          : `List ${d.service} in the subnets instead of ${d.key}, or set useHub: false under endpoints.${d.service}.`,
    },
  },
  check(subject, ctx) {
    for (const stack of subject.stacks)
      for (const vpc of stack.vpcs) {
        const spoke = vpc.spokeNode;
        if (!spoke) continue;
        for (const service of spoke.served.keys()) {
          const e = vpc.model.endpoints.get(service);
          const set = e ? LOCAL_SETTINGS.filter(([, has]) => has(e)).map(([name]) => name) : [];
          if (e && set.length > 0)
            ctx.report(locate(stack.spec.file, e), "SPOKE_DUPLICATE_ENDPOINT", {
              kind: "settings",
              service,
              hub: spoke.hub,
              settings: set,
            });
        }
        // an endpoint of the spoke's own with the name of a service the hub serves it
        const hubNames = new Map<string, string>();
        const hubPlan = subject.stacks
          .flatMap((s) => s.vpcs.map((v) => ({ key: `${s.spec.stack}/${v.model.name}`, v })))
          .find((x) => x.key === spoke.hub)?.v;
        for (const e of hubPlan?.endpoints ?? [])
          if (spoke.served.has(e.plan.service)) hubNames.set(e.plan.serviceName, e.plan.service);
        for (const e of vpc.endpoints) {
          const served = hubNames.get(e.plan.serviceName);
          if (!served || e.plan.type !== "Interface" || e.plan.serviceRegion !== undefined) continue;
          ctx.report(locate(stack.spec.file, e.facts.at), "SPOKE_DUPLICATE_ENDPOINT", {
            kind: "same-name",
            key: e.plan.service,
            service: served,
            hub: spoke.hub,
            serviceName: e.plan.serviceName,
          });
        }
      }
  },
});
