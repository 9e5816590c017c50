/**
 * A hub VPC (`hub:`) hosts interface endpoints with private DNS off for its
 * spokes: each hub service is a service of the region with an interface
 * endpoint, and the hub's own settings for it keep it an interface endpoint
 * without private DNS (the spokes resolve the name through the hub's private
 * hosted zone, which would clash with the endpoint's own private DNS zone).
 * A VPC is a hub or a spoke, never both.
 */
import { shownName } from "../../input/resolve";
import { allServices, getService } from "../../catalog";
import { quote } from "../../diagnostics";
import type { FieldSubject } from "../../input/subjects";
import { closest } from "../../suggest";
import { rule } from "../rule";

export const hubServices = rule<FieldSubject>()({
  name: "hub-services",
  stage: "fields",
  codes: {
    HUB_SERVICE_UNKNOWN: {
      severity: "error",
      trigger: "a `hub.services` entry that is not a catalog id (or a service of the region's dump)",
      fix: "the suggested catalog id (`vpce catalog --region R`)",
      message: (d: { service: string; region?: string }) =>
        `hub service ${quote(d.service)} is not a service${d.region ? ` of ${d.region}` : ""}.`,
      hint: () => "A hub offers catalog services by their id (vpce catalog lists them), never aliases or bundles.",
    },
    HUB_SERVICE_GATEWAY_ONLY: {
      severity: "error",
      trigger: "a `hub.services` entry whose service offers only a gateway endpoint",
      fix: "remove it from the hub: each VPC gets its own (free) gateway endpoint",
      message: (d: { service: string }) =>
        `${d.service} offers only a gateway endpoint, which serves the route tables of its own VPC: ` +
        "a hub cannot share it.",
      hint: () => "Remove it from hub.services; spokes keep their own gateway endpoint, which is free.",
    },
    HUB_AND_SPOKE: {
      severity: "error",
      trigger: "a VPC with both `hub:` and `useHub:`",
      fix: "keep one: a VPC hosts the endpoints or uses another hub's",
      message: (d: { vpc: string }) => `VPC ${d.vpc} is a hub (hub:) and a spoke (useHub:) at once.`,
      hint: () => "A hub serves its own subnets too: remove useHub from the hub, or hub from the spoke.",
    },
    HUB_ENDPOINT_SETTING: {
      severity: "error",
      trigger:
        "the hub VPC's `endpoints.<svc>` for a hub service sets `privateDns: true` or a type other than interface",
      fix: "remove the setting: a hub endpoint is an interface endpoint with private DNS off",
      message: (d: { service: string; setting: string }) =>
        `the hub's endpoint for ${d.service} sets ${d.setting}; a hub endpoint is an interface endpoint with ` +
        "private DNS off (its private hosted zone answers the spokes and the hub).",
      hint: () =>
        "Remove the setting. The endpoint's own private DNS would take the name the hub's zone serves: Route 53 " +
        "refuses to associate a zone of that name with the hub VPC (ConflictingDomainExists).",
    },
  },
  check(subject, ctx) {
    const r = subject.facts;
    // the catalog's ids, sorted, only for the suggestions of a finding (most files have none)
    const ids = () => allServices().map((s) => s.id);
    for (const v of r.vpcs) {
      if (v.hub && v.useHub)
        ctx.report(subject.at(v.useHub.segs, { key: true }), "HUB_AND_SPOKE", { vpc: shownName(v) });
      if (!v.hub) continue;
      for (const h of v.hub.services) {
        if (!h.known) {
          ctx.report(
            subject.at(h.segs),
            "HUB_SERVICE_UNKNOWN",
            { service: h.written, region: r.region?.name },
            { suggestions: closest(h.written, ids()) },
          );
          continue;
        }
        const svc = getService(h.written);
        if (svc && !svc.types.includes("Interface"))
          ctx.report(subject.at(h.segs), "HUB_SERVICE_GATEWAY_ONLY", { service: h.written });
      }
      const offered = new Set(v.hub.services.map((h) => h.written));
      for (const e of v.endpoints) {
        if (e.repeated || !offered.has(e.key)) continue;
        if (e.settings.privateDns === true)
          ctx.report(subject.at([...e.segs, "privateDns"]), "HUB_ENDPOINT_SETTING", {
            service: e.key,
            setting: "privateDns: true",
          });
        if (e.settings.type !== undefined && e.settings.type !== "interface")
          ctx.report(subject.at([...e.segs, "type"]), "HUB_ENDPOINT_SETTING", {
            service: e.key,
            setting: `type: ${e.settings.type}`,
          });
      }
    }
  },
});
