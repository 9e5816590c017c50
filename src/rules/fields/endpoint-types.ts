/** An endpoints entry's `type` is one its service offers; services outside the catalog are interface only. */
import { allServices } from "../../catalog";
import type { FieldSubject } from "../../input/subjects";
import { rule } from "../rule";

/** The catalog services that may take `type: both` (gateway and interface endpoints in one VPC). */
function bothServices(): string {
  return allServices()
    .filter((s) => s.both)
    .map((s) => s.id)
    .join(", ");
}

function bothNote(): string {
  return ` (both is for ${bothServices()} only)`;
}

type Details =
  | { kind: "outside-catalog"; service: string; type: string }
  | { kind: "catalog"; service: string; type: string; allowed: string };

export const endpointTypes = rule<FieldSubject>()({
  name: "endpoint-types",
  stage: "fields",
  codes: {
    UNSUPPORTED_TYPE: {
      severity: "error",
      trigger:
        "a `type` the service does not offer (`both` is for s3 only; services outside the catalog are interface only)",
      fix: "use an allowed type",
      message: (d: Details) =>
        d.kind === "outside-catalog"
          ? `${d.service} is a service outside the catalog; ` +
            `it can only be reached through an interface endpoint, not ${d.type}.`
          : `${d.service} does not support type ${d.type}${d.type === "both" ? bothNote() : ""}.`,
      hint: (d: Details) =>
        d.kind === "outside-catalog"
          ? "Remove type or set type: interface."
          : `Allowed for ${d.service}: ${d.allowed}.`,
    },
  },
  check(subject, ctx) {
    for (const v of subject.facts.vpcs)
      for (const e of v.endpoints) {
        const type = e.settings.type;
        // a service of the region dump newer than the catalog: the planner checks its types
        if (e.repeated || type === undefined || e.inDump) continue;
        const at = subject.at([...e.segs, "type"]);
        const svc = e.service;
        if (!svc) {
          // a VPC Lattice entry's type and the keys beside it are the lattice-endpoints rule's to judge
          if (e.declaresCustom && !e.declaresLattice && type !== "interface")
            ctx.report(at, "UNSUPPORTED_TYPE", { kind: "outside-catalog", service: e.key, type });
          continue;
        }
        const supported = svc.types.map((t) => t.toLowerCase());
        const ok =
          type === "both"
            ? svc.both && supported.includes("gateway") && supported.includes("interface")
            : supported.includes(type);
        if (!ok)
          ctx.report(at, "UNSUPPORTED_TYPE", {
            kind: "catalog",
            service: e.key,
            type,
            allowed: svc.both ? "gateway, interface or both" : supported.join(" or "),
          });
      }
  },
});
