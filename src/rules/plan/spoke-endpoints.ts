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

type Details = { service: string; hub: string; settings: readonly string[] };

/**
 * A spoke gets no endpoint of its own for what its hub serves: settings of
 * such an endpoint under endpoints.<svc> ask for a second endpoint beside the
 * hub's, which the spoke does not get (its private DNS would clash with the
 * hub's zone: Route 53 refuses to associate a zone whose name the VPC
 * already resolves privately). `useHub: false` keeps the endpoint local.
 * An entry whose serviceName is a catalog service's is DUPLICATE_NAME.
 */
export const spokeEndpoints = rule<PlanSubject>()({
  name: "spoke-endpoints",
  stage: "plan",
  codes: {
    SPOKE_DUPLICATE_ENDPOINT: {
      severity: "error",
      trigger:
        "a spoke VPC's endpoints.<svc> sets what only an endpoint of its own takes (policy, privateDns, " +
        "allowedCidrs, ...) for a service its hub serves",
      fix: "remove the settings (set them on the hub's endpoints entry), or set `useHub: false` to keep it local",
      message: (d: Details) =>
        `the hub ${d.hub} serves ${d.service} to this VPC, which gets no endpoint of its own; ` +
        `${d.settings.join(", ")} would shape a second endpoint beside the hub's.`,
      hint: () =>
        "Set them under the hub VPC's endpoints (they apply to the hub endpoint), or add useHub: false to keep " +
        "a local endpoint for this VPC (and no association with the hub's zone).",
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
              service,
              hub: spoke.hub,
              settings: set,
            });
        }
      }
  },
});
