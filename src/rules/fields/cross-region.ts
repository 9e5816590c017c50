/**
 * Cross-region endpoints (`serviceRegion`, optionally `service`): AWS offers only some services across regions
 * (the catalog's crossRegion field, from AWS's "Cross-region enabled AWS services" page:
 * https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-cross-region-privatelink-support.html),
 * always through an interface endpoint, to another region of the same partition.
 */
import { allServices, getRegion, getService } from "../../catalog";
import type { FieldSubject } from "../../input/subjects";
import { closest } from "../../suggest";
import { rule } from "../rule";

function crossRegionIds(): string[] {
  return allServices()
    .filter((s) => s.crossRegion)
    .map((s) => s.id);
}

type Details =
  | { kind: "no-region"; key: string }
  | { kind: "with-service-name"; key: string }
  | { kind: "unknown-service"; service: string }
  | { kind: "not-offered"; service: string; gatewayOnly: boolean }
  | { kind: "region"; region: string; why: "unknown" | "same" | "partition"; own: string }
  | { kind: "type"; key: string; type: string };

export const crossRegion = rule<FieldSubject>()({
  name: "cross-region",
  stage: "fields",
  codes: {
    CROSS_REGION_INCOMPLETE: {
      severity: "error",
      trigger: "`service` without `serviceRegion`, or either beside `serviceName`",
      fix: "give serviceRegion with service; use serviceName only for services outside the catalog",
      message: (d: Details & { kind: "no-region" | "with-service-name" }) =>
        d.kind === "no-region"
          ? `endpoints.${d.key} names a service but no serviceRegion: a catalog service in the VPC's own region ` +
            "is requested by its id."
          : `endpoints.${d.key} sets serviceName with service or serviceRegion: serviceName declares a service ` +
            "outside the catalog, which cannot be reached across regions by vpce.",
      hint: (d: Details & { kind: "no-region" | "with-service-name" }) =>
        d.kind === "no-region" ? "Add serviceRegion: <region>, or remove service." : "Keep one of the two.",
    },
    CROSS_REGION_NOT_OFFERED: {
      severity: "error",
      trigger: "a cross-region entry whose service AWS does not offer across regions (or no catalog service)",
      fix: "use a service AWS offers across regions, or an endpoint in that region's own VPC",
      message: (d: Details & { kind: "unknown-service" | "not-offered" }) =>
        d.kind === "unknown-service"
          ? `${JSON.stringify(d.service)} is not a catalog service.`
          : `AWS does not offer ${d.service} across regions` +
            `${d.gatewayOnly ? " (it has only gateway endpoints, which serve their own region)" : ""}.`,
      hint: () => `Services AWS offers across regions: ${crossRegionIds().join(", ")}.`,
    },
    CROSS_REGION_REGION: {
      severity: "error",
      trigger: "a `serviceRegion` that is unknown, the spec's own region, or in another partition",
      fix: "name another region of the same partition",
      message: (d: Details & { kind: "region" }) =>
        d.why === "unknown"
          ? `${JSON.stringify(d.region)} is not a region vpce knows.`
          : d.why === "same"
            ? `serviceRegion ${d.region} is the spec's own region.`
            : `serviceRegion ${d.region} is in another partition than ${d.own}; PrivateLink does not cross partitions.`,
      hint: (d: Details & { kind: "region" }) =>
        d.why === "same"
          ? "Remove serviceRegion (and service) to reach the service in this region."
          : "Name another region of the same partition (vpce catalog lists the regions).",
    },
    CROSS_REGION_TYPE: {
      severity: "error",
      trigger: "`type: gateway` or `type: both` with `serviceRegion` (cross-region is always an interface endpoint)",
      fix: "remove type or set type: interface",
      message: (d: Details & { kind: "type" }) =>
        `endpoints.${d.key} is cross-region, which is always an interface endpoint, not ${d.type}.`,
      hint: () => "Remove type, or set type: interface.",
    },
  },
  check(subject, ctx) {
    const own = subject.facts.region;
    for (const v of subject.facts.vpcs)
      for (const e of v.endpoints) {
        const s = e.settings;
        // on a Lattice endpoint, service and serviceRegion are LATTICE_OPTION
        if (
          e.repeated ||
          (e.declaresLattice && !e.service) ||
          (s.service === undefined && s.serviceRegion === undefined)
        )
          continue;
        const at = subject.at(e.segs, { key: true });
        if (e.declaresCustom) {
          ctx.report(at, "CROSS_REGION_INCOMPLETE", { kind: "with-service-name", key: e.key });
          continue;
        }
        if (s.serviceRegion === undefined) {
          ctx.report(at, "CROSS_REGION_INCOMPLETE", { kind: "no-region", key: e.key });
          continue;
        }
        const id = s.service ?? e.key;
        const svc = getService(id);
        const serviceAt = subject.at([...e.segs, s.service !== undefined ? "service" : "serviceRegion"]);
        if (!svc)
          ctx.report(
            serviceAt,
            "CROSS_REGION_NOT_OFFERED",
            { kind: "unknown-service", service: id },
            {
              suggestions: closest(id, crossRegionIds()),
            },
          );
        else if (!svc.crossRegion)
          ctx.report(serviceAt, "CROSS_REGION_NOT_OFFERED", {
            kind: "not-offered",
            service: id,
            gatewayOnly: !svc.types.includes("Interface"),
          });
        const region = getRegion(s.serviceRegion);
        const regionAt = subject.at([...e.segs, "serviceRegion"]);
        if (!region)
          ctx.report(regionAt, "CROSS_REGION_REGION", {
            kind: "region",
            region: s.serviceRegion,
            why: "unknown",
            own: own?.name ?? "",
          });
        else if (own && region.name === own.name)
          ctx.report(regionAt, "CROSS_REGION_REGION", {
            kind: "region",
            region: region.name,
            why: "same",
            own: own.name,
          });
        else if (own && region.partition !== own.partition)
          ctx.report(regionAt, "CROSS_REGION_REGION", {
            kind: "region",
            region: region.name,
            why: "partition",
            own: own.name,
          });
        if (s.type === "gateway" || s.type === "both")
          ctx.report(subject.at([...e.segs, "type"]), "CROSS_REGION_TYPE", { kind: "type", key: e.key, type: s.type });
      }
  },
});
