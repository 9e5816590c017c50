/** serviceName on a catalog id must be that service's own name in the region (a custom service gets its own key). */
import { serviceNames } from "../../catalog";
import type { FieldSubject } from "../../input/subjects";
import { rule } from "../rule";

export const serviceNamesMatch = rule<FieldSubject>()({
  name: "service-names",
  stage: "fields",
  codes: {
    SERVICE_NAME_MISMATCH: {
      severity: "error",
      trigger: "`serviceName` on a catalog id that differs from the catalog's name",
      fix: "give a custom service its own key",
      message: (d: { service: string; names: readonly string[]; region: string; serviceName: string }) =>
        `${d.service} is the catalog service ${d.names.join(" / ")} in ${d.region}, not ${d.serviceName}.`,
      hint: () => "To declare a service outside the catalog, give it a key of its own (e.g. partner-feed).",
    },
  },
  check(subject, ctx) {
    const region = subject.facts.region;
    if (!region) return;
    for (const v of subject.facts.vpcs)
      for (const e of v.endpoints) {
        const serviceName = e.settings.serviceName;
        if (e.repeated || !e.service || serviceName === undefined) continue;
        const names = [...new Set(Object.values(serviceNames(e.service, region.name)))];
        if (!names.includes(serviceName))
          ctx.report(subject.at([...e.segs, "serviceName"]), "SERVICE_NAME_MISMATCH", {
            service: e.key,
            names,
            region: region.name,
            serviceName,
          });
      }
  },
});
