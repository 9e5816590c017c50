/**
 * Every service a subnet lists, and every endpoints key, is a catalog id, a
 * service of the region's dump, an alias, or (for subnets) an endpoints key
 * that declares a service outside the catalog with a serviceName.
 */
import { allServices } from "../../catalog";
import { quote } from "../../diagnostics";
import type { FieldSubject } from "../../input/subjects";
import { closest } from "../../suggest";
import { rule } from "../rule";

type Details = { kind: "subnet"; service: string; region?: string } | { kind: "endpoints"; key: string };

export const knownServices = rule<FieldSubject>()({
  name: "known-services",
  stage: "fields",
  codes: {
    UNKNOWN_SERVICE: {
      severity: "error",
      trigger: "a service that is neither a catalog id, an alias, nor an `endpoints` key with `serviceName`",
      fix: "the suggested id, or declare it with `serviceName`",
      message: (d: Details) =>
        d.kind === "subnet"
          ? `unknown service ${quote(d.service)}${d.region ? ` in ${d.region}` : ""}.`
          : `endpoints has ${quote(d.key)}, which is not a catalog service and has no serviceName.`,
      hint: (d: Details) =>
        d.kind === "subnet"
          ? "Use a catalog id (vpce catalog lists them), " +
            "or declare a service outside the catalog under the VPC's endpoints: with a serviceName."
          : "Use a catalog id, " +
            "or add serviceName: <full endpoint service name> to declare a service outside the catalog.",
    },
  },
  check(subject, ctx) {
    const r = subject.facts;
    // the catalog's ids, sorted, only for the suggestions of a finding (most files have none)
    const ids = () => allServices().map((s) => s.id);
    for (const v of r.vpcs) {
      // an ill-formed endpoints entry (or a misspelt `endpoints:`) may declare the service: reported where it stands
      if (v.customKeysComplete)
        for (const s of v.subnets)
          for (const a of s.services)
            if (a.key === undefined)
              ctx.report(
                subject.at(a.segs),
                "UNKNOWN_SERVICE",
                { kind: "subnet", service: a.written, region: r.region?.name },
                { suggestions: closest(a.written, [...ids(), ...v.customKeys]) },
              );
      for (const e of v.endpoints)
        // an entry with an unknown key may hold a misspelt serviceName
        if (
          !e.repeated &&
          !e.service &&
          !e.inDump &&
          !e.declaresCustom &&
          !e.declaresService &&
          !e.declaresLattice &&
          !e.unknownKeys
        )
          ctx.report(
            subject.at(e.segs, { key: true }),
            "UNKNOWN_SERVICE",
            { kind: "endpoints", key: e.key },
            { suggestions: closest(e.key, ids()) },
          );
    }
  },
});
